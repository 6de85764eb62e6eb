// A question answered with a number: the box is invalid exactly when the field shows an error, and
// points screen readers at that error, without each form repeating the wiring.
import { AssessmentField, type QuestionProps, errorIdOf } from './field'
import { NumberInput, type NumberInputProps } from './number-input'

type NumberFieldProps = QuestionProps & Pick<NumberInputProps, 'kind' | 'unit' | 'placeholder' | 'value' | 'onChange'>

export function NumberField({ label, name, hint, error, id, ...input }: NumberFieldProps) {
  return (
    <AssessmentField label={label} hint={hint} error={error} id={id}>
      <NumberInput {...input} label={name} invalid={Boolean(error)} errorId={errorIdOf(id)} />
    </AssessmentField>
  )
}
