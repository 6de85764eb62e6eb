// One question of a self-check form: the question, an optional hint, the control, and the error
// message right under it (the domain's message names the field, e.g. "请填写家庭人口（数字）").
// ChoiceField and NumberField put a control in it; the control's aria-describedby must name the
// error text, so both take that id from errorIdOf rather than spelling it again.
import './assessment.scss'
import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'

export interface QuestionProps {
  /** the question as shown, e.g. 2. 家庭人口 */
  label: string
  /** the control's accessible name: the question without its number or question mark, or a shorter one */
  name: string
  hint?: string
  error?: string
  /** id of the whole field, for scrolling to the first error */
  id: string
}

export const errorIdOf = (fieldId: string) => `${fieldId}-error`

export function AssessmentField({ label, hint, error, id, children }: PropsWithChildren<Omit<QuestionProps, 'name'>>) {
  return (
    <View className={`assess-field${error ? ' assess-field--invalid' : ''}`} id={id}>
      <Text className="assess-field__label">{label}</Text>
      {hint && <Text className="assess-field__hint">{hint}</Text>}
      {children}
      {error && (
        <View className="assess-field__error" id={errorIdOf(id)} role="alert">
          <Text aria-hidden="true">⚠ </Text>
          <Text>{error}</Text>
        </View>
      )}
    </View>
  )
}
