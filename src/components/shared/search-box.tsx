// A search box for a list page, with an accessible name on the real input (h5 needs nativeProps).
import { View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import './search-box.scss'

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
