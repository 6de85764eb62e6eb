// "记住我的填写" (off unless chosen) and "清除已保存的填写". The answers stay on this phone only.
import './assessment.scss'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'

export interface RememberChoiceProps {
  checked: boolean
  onChange: (checked: boolean) => void
  /** something is stored now */
  hasSaved: boolean
  onClear: () => void
}

export function RememberChoice({ checked, onChange, hasSaved, onClear }: RememberChoiceProps) {
  return (
    <View className="assess-remember">
      <Checkbox
        className="assess-remember__box"
        role="checkbox"
        checked={checked}
        onChange={onChange}
        label="记住我的填写（只保存在本机，下次自动填好）"
        aria-label={`记住我的填写，只保存在本机${checked ? '，已勾选' : '，未勾选'}`}
      />
      {hasSaved && (
        <View className="assess-remember__saved">
          <Text className="assess-remember__note">本机保存了您上次的填写。</Text>
          <Button className="assess-remember__clear" fill="outline" size="small" onClick={onClear}>
            清除已保存的填写
          </Button>
        </View>
      )}
    </View>
  )
}
