// An attachment table as a real table (header cells, rows), scrolling sideways on a narrow phone.
// Views with table roles, because a mini-program has no <table>.
import { ScrollView, Text, View } from '@tarojs/components'
import type { Table } from '../../domain'
import './policy.scss'

export function PolicyTable({ table }: { table: Table }) {
  return (
    <View className="policy-table">
      {table.title && <Text className="policy-table__title">{table.title}</Text>}
      <ScrollView scrollX className="policy-table__scroll">
        <View className="policy-table__grid" role="table" aria-label={table.title ?? '表格'}>
          <View className="policy-table__row policy-table__row--head" role="row">
            {table.columns.map((c, i) => (
              <View key={i} className="policy-table__cell policy-table__cell--head" role="columnheader">
                <Text>{c}</Text>
              </View>
            ))}
          </View>
          {table.rows.map((row, r) => (
            <View key={r} className="policy-table__row" role="row">
              {table.columns.map((_, c) => (
                <View key={c} className="policy-table__cell" role="cell">
                  <Text userSelect>{row[c] ?? ''}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
