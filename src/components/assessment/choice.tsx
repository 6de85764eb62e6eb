// Big choice buttons (城市/农村, 有/没有 …): one tap each, large enough for 长辈版, and the chosen one
// says so in words ("已选"), not by colour alone. Behaves as a radio group for screen readers.
import './assessment.scss'
import { Text, View } from '@tarojs/components'

export interface ChoiceOption<T extends string> {
  value: T
  label: string
  /** a short explanation under the label, e.g. 住在敬老院等供养机构 */
  hint?: string
}

export interface ChoiceGroupProps<T extends string> {
  /** the question, used as the group's accessible name */
  label: string
  options: ReadonlyArray<ChoiceOption<T>>
  /** '' when nothing is chosen yet */
  value: T | ''
  onChange: (value: T) => void
  invalid?: boolean
  /** id of the error message, so screen readers read it with the group */
  errorId?: string
  /** lay the options out in one row (short labels) or one per line (labels with hints) */
  layout?: 'row' | 'column'
}

export function ChoiceGroup<T extends string>({ label, options, value, onChange, invalid, errorId, layout = 'row' }: ChoiceGroupProps<T>) {
  return (
    <View
      className={`assess-choice assess-choice--${layout}${invalid ? ' assess-choice--invalid' : ''}`}
      role="radiogroup"
      aria-label={label}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={invalid ? errorId : undefined}
    >
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={option.value}
            className={`assess-choice__option${selected ? ' assess-choice__option--selected' : ''}`}
            role="radio"
            aria-checked={selected ? 'true' : 'false'}
            aria-label={`${option.label}${option.hint ? `，${option.hint}` : ''}${selected ? '，已选' : ''}`}
            onClick={() => onChange(option.value)}
          >
            <View className="assess-choice__main">
              <Text className="assess-choice__mark" aria-hidden="true">
                {selected ? '●' : '○'}
              </Text>
              <Text className="assess-choice__label">{option.label}</Text>
              {selected && <Text className="assess-choice__state">已选</Text>}
            </View>
            {option.hint && <Text className="assess-choice__hint">{option.hint}</Text>}
          </View>
        )
      })}
    </View>
  )
}
