// The 长辈版 switch, as on 首页 and in 我的: a visible label and a NutUI Switch with the same name.
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { useElderMode } from '../../hooks/use-elder-mode'
import './elder-switch.scss'

export interface ElderSwitchProps {
  className?: string
}

export function ElderSwitch({ className }: ElderSwitchProps) {
  const { elder, setElder, fromSystemFont } = useElderMode()
  return (
    <View className={['elder-switch', className].filter(Boolean).join(' ')}>
      <View
        className="elder-switch__row"
        role="switch"
        aria-checked={elder ? 'true' : 'false'}
        aria-label="长辈版"
        onClick={() => setElder(!elder)}
      >
        <View className="elder-switch__text">
          <Text className="elder-switch__label">长辈版</Text>
          <Text className="elder-switch__hint">{elder ? '已开启：字更大、按钮更大' : '字更大、按钮更大，更容易看清和点按'}</Text>
        </View>
        <View
          className="elder-switch__control"
          onClick={(event) => {
            // the whole row is the control (a bigger target); the NutUI switch shows its state
            event.stopPropagation()
            setElder(!elder)
          }}
        >
          <Switch checked={elder} loadingIcon={null} activeText="开" inactiveText="关" aria-hidden="true" />
        </View>
      </View>
      {fromSystemFont ? (
        <Text className="elder-switch__note">您的微信设置了大字体，已为您开启长辈版；不需要的话可以在这里关闭。</Text>
      ) : null}
    </View>
  )
}
