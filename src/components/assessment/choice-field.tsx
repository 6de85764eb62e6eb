// A question answered with big choice buttons: the group is invalid exactly when the field shows an
// error, and points screen readers at that error, without each form repeating the wiring.
import { ChoiceGroup, type ChoiceGroupProps } from './choice'
import { AssessmentField, type QuestionProps, errorIdOf } from './field'

type ChoiceFieldProps<T extends string> = QuestionProps & Pick<ChoiceGroupProps<T>, 'options' | 'value' | 'onChange' | 'layout'>

export function ChoiceField<T extends string>({ label, name, hint, error, id, ...group }: ChoiceFieldProps<T>) {
  return (
    <AssessmentField label={label} hint={hint} error={error} id={id}>
      <ChoiceGroup {...group} label={name} invalid={Boolean(error)} errorId={errorIdOf(id)} />
    </AssessmentField>
  )
}
