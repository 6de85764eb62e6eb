// A number box that opens the numeric keyboard: type='number' (whole numbers) or 'digit' (money,
// with a decimal point) on weapp; on h5 NutUI renders a text box, so inputmode asks for the keypad.
import './assessment.scss'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'

export interface NumberInputProps {
  value: string
  onChange: (value: string) => void
  kind: 'integer' | 'money'
  /** accessible name, e.g. 家庭人口 */
  label: string
  /** shown after the box and read with the number, e.g. 人 or 元/月 */
  unit: string
  placeholder?: string
  invalid?: boolean
  errorId?: string
}

export function NumberInput({ value, onChange, kind, label, unit, placeholder, invalid, errorId }: NumberInputProps) {
  const a11y = {
    'aria-label': `${label}（单位：${unit.replace(/\//g, '每')}）`,
    'aria-invalid': invalid ? 'true' : 'false',
    ...(invalid && errorId ? { 'aria-describedby': errorId } : {}),
  }
  return (
    <View className={`assess-number${invalid ? ' assess-number--invalid' : ''}`}>
      <Input
        className="assess-number__input"
        type={kind === 'integer' ? 'number' : 'digit'}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        maxLength={kind === 'integer' ? 3 : 10}
        // h5: the attributes reach the real <input> only through nativeProps (weapp has no such prop)
        nativeProps={process.env.TARO_ENV === 'h5' ? { inputMode: kind === 'integer' ? 'numeric' : 'decimal', ...a11y } : undefined}
        {...a11y}
      />
      <Text className="assess-number__unit" aria-hidden="true">
        {unit}
      </Text>
    </View>
  )
}
