// One question of a self-check form: the question, an optional hint, the control, and the error
// message right under it (the domain's message names the field, e.g. "请填写家庭人口（数字）").
import './assessment.scss'
import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'

export interface AssessmentFieldProps {
  /** the question, e.g. 家庭人口 */
  label: string
  hint?: string
  error?: string
  /** id given to the error text (referenced by the control's aria-describedby) */
  errorId: string
  /** id of the whole field, for scrolling to the first error */
  id?: string
}

export function AssessmentField({ label, hint, error, errorId, id, children }: PropsWithChildren<AssessmentFieldProps>) {
  return (
    <View className={`assess-field${error ? ' assess-field--invalid' : ''}`} id={id}>
      <Text className="assess-field__label">{label}</Text>
      {hint && <Text className="assess-field__hint">{hint}</Text>}
      {children}
      {error && (
        <View className="assess-field__error" id={errorId} role="alert">
          <Text aria-hidden="true">⚠ </Text>
          <Text>{error}</Text>
        </View>
      )}
    </View>
  )
}
