// A row of filter chips (topics, service modes). The chosen chip says "已选" in words for screen
// readers and carries a check mark, not only a colour.
import { ScrollView, Text, View } from '@tarojs/components'
import './filter-chips.scss'

export interface ChipOption<T extends string> {
  value: T
  label: string
  count?: number
}

export interface FilterChipsProps<T extends string> {
  /** accessible name of the group, e.g. 按主题筛选 */
  label: string
  options: ReadonlyArray<ChipOption<T>>
  value: T
  onChange: (value: T) => void
  /** one row that scrolls sideways (many options) instead of wrapping onto many lines */
  scroll?: boolean
}

export function FilterChips<T extends string>({ label, options, value, onChange, scroll = false }: FilterChipsProps<T>) {
  const chips = (
    <View className={`filter-chips${scroll ? ' filter-chips--row' : ''}`} role="radiogroup" aria-label={label}>
      {options.map((o) => {
        const selected = o.value === value
        const countText = o.count === undefined ? '' : `（${o.count}项）`
        return (
          <View
            key={o.value}
            className={`filter-chips__chip${selected ? ' filter-chips__chip--selected' : ''}`}
            role="radio"
            aria-checked={selected ? 'true' : 'false'}
            aria-label={`${o.label}${countText}${selected ? '，已选' : ''}`}
            onClick={() => onChange(o.value)}
          >
            {selected && <Text aria-hidden="true">✓ </Text>}
            <Text>{o.label}</Text>
            {o.count !== undefined && <Text className="filter-chips__count">{` ${o.count}`}</Text>}
          </View>
        )
      })}
    </View>
  )
  return scroll ? (
    <ScrollView scrollX className="filter-chips__scroll" enhanced showScrollbar={false}>
      {chips}
    </ScrollView>
  ) : (
    chips
  )
}
