// The 长辈版 switch, as on 首页 and in 我的: a visible label and a switch with the same name. The row
// is the control (role=switch); the toggle is only its picture, drawn here rather than NutUI's
// Switch, which would bring NutUI's runtime into the home page's first screen for a hidden picture.
import { Text, View } from '@tarojs/components'
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
            // the whole row is the control (a bigger target); the toggle shows its state
            event.stopPropagation()
            setElder(!elder)
          }}
        >
          <View className={`elder-switch__toggle${elder ? ' elder-switch__toggle--on' : ''}`} aria-hidden="true">
            <Text className="elder-switch__toggle-text">{elder ? '开' : '关'}</Text>
            <View className="elder-switch__knob" />
          </View>
        </View>
      </View>
      {fromSystemFont ? (
        <Text className="elder-switch__note">您的微信设置了大字体，已为您开启长辈版；不需要的话可以在这里关闭。</Text>
      ) : null}
    </View>
  )
}
