// A row that opens another page: label, optional value, and an arrow; a large tap target.
import { Text, View } from '@tarojs/components'
import './link-row.scss'

export interface LinkRowProps {
  label: string
  value?: string
  onClick: () => void
}

export function LinkRow({ label, value, onClick }: LinkRowProps) {
  return (
    <View className="list-row" role="link" aria-label={value ? `${label}，${value}` : label} onClick={onClick}>
      <Text className="list-row__label">{label}</Text>
      {value ? <Text className="list-row__value">{value}</Text> : null}
      <Text className="list-row__arrow" aria-hidden="true">
        ›
      </Text>
    </View>
  )
}

export interface InfoRowProps {
  label: string
  value: string
}

/** A label and its value, read together. */
export function InfoRow({ label, value }: InfoRowProps) {
  return (
    <View className="list-row">
      <Text className="list-row__label">{label}</Text>
      <Text className="list-row__value">{value}</Text>
    </View>
  )
}
