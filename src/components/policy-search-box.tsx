// A search box for a list page, with an accessible name on the real input (h5 needs nativeProps).
import { View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import './policy.scss'

export interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  /** accessible name, e.g. 搜索政策 */
  label: string
  placeholder: string
}

export function SearchBox({ value, onChange, label, placeholder }: SearchBoxProps) {
  return (
    <View className="list-search" role="search">
      <SearchBar
        className="list-search__bar"
        value={value}
        placeholder={placeholder}
        onChange={(v) => onChange(v ?? '')}
        onClear={() => onChange('')}
        inputProps={
          (process.env.TARO_ENV === 'h5'
            ? { 'aria-label': label, nativeProps: { 'aria-label': label, type: 'search' } }
            : { 'aria-label': label }) as Record<string, unknown>
        }
      />
    </View>
  )
}

/** Case-insensitive "contains" on a few fields; spaces in the query are ignored between words. */
export function matchesQuery(query: string, fields: ReadonlyArray<string | undefined>): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = fields.filter(Boolean).join('\n').toLowerCase()
  return words.every((w) => haystack.includes(w))
}
