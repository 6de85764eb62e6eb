// Every standard in force today on one screen: 名称, 今年, 去年, 变化, 文件 — for a worker answering
// neighbours. Each row opens the standard's page with the exact sentence it comes from.
// Five columns do not fit a phone (the last was cut off, more so in 长辈版), so each row is laid out
// as a card: the name on top, then each figure after its column's name. It stays a table for screen
// readers (role table/row/cell, the column heads visually hidden).
import { Text, View } from '@tarojs/components'
import { type IsoDate, type Parameter, formatYuan, latestEffectiveDate, standardsHeading, standardsOn } from '../../domain'
import { outdatedCaveat } from '../../domain/eligibility/shared'
import { moneyLabel } from '../shared/money-text'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'
import '../shared/page-state.scss'
import './community.scss'

export interface StandardsTableProps {
  parameters: readonly Parameter[]
  today: IsoDate
}

export function StandardsTable({ parameters, today }: StandardsTableProps) {
  const result = standardsOn(parameters, today)
  if (!result.ok) {
    return (
      <View className="page-state page-state--empty">
        <Text className="page-state__title">{result.error.message}</Text>
      </View>
    )
  }
  const rows = result.value.inForce
  const years = new Set(rows.map((r) => r.current.effectiveFrom.slice(0, 4)))
  const year = years.size === 1 ? Array.from(years)[0] : null
  // "今年/去年" only while it is true; later the columns say which year they are
  const thisYearIsCurrent = year !== null && year === today.slice(0, 4)
  const outdated = rows.some((r) => r.possiblyOutdated)
  // once a newer notice may exist, the figures are only the latest the app holds: not "现行"
  const currentHead = thisYearIsCurrent ? '今年' : outdated ? (year ? `${year}年起` : '最新收录') : year ? `现行（${year}年起）` : '现行'
  const previousHead = thisYearIsCurrent ? '去年' : '调整前'
  const unit = '元/人/月'
  // one notice usually sets them all: name it once above and keep only the article in the rows,
  // so the table fits a phone's width
  const docs = new Set(rows.map((r) => r.current.reference.docNumber))
  const commonDoc = docs.size === 1 ? Array.from(docs)[0] : null
  const docHead = commonDoc ? '条款' : '文件'
  /** the column's name before the figure, for sighted readers of the card (the cell's label says it) */
  const label = (text: string) => (
    <Text className="standards-table__label" aria-hidden="true">
      {text}
    </Text>
  )

  return (
    <View className="standards-table">
      <Text className="standards-table__note">
        {[
          `${standardsHeading(parameters, today, today)}，单位：元/人/月`,
          [!outdated && year ? `现行标准自${year}年1月1日起执行` : '', commonDoc ? `均出自${commonDoc}` : ''].filter(Boolean).join('，'),
          '点按一行看出处原文',
        ]
          .filter(Boolean)
          .map((sentence) => `${sentence}。`)
          .join('')}
      </Text>
      {outdated && (
        <View className="standards-table__outdated" role="note">
          <Text>{outdatedCaveat(latestEffectiveDate(parameters))}</Text>
        </View>
      )}
      <View className="standards-table__grid" role="table" aria-label="救助标准一览">
        <View className="standards-table__heads" role="row">
          {['名称', currentHead, previousHead, '变化', docHead].map((h) => (
            <View key={h} className="standards-table__head" role="columnheader">
              <Text>{h}</Text>
            </View>
          ))}
        </View>
        {rows.map((r) => {
          const ref = r.current.reference
          const open = () => openPage(routes.standardDetail({ id: r.parameter.id }))
          return (
            <View
              key={r.parameter.id}
              className="standards-table__row"
              role="row"
              aria-label={`${r.parameter.label}，${currentHead}${moneyLabel(r.current.amountFen, unit)}，点按看出处`}
              onClick={open}
            >
              <View className="standards-table__cell standards-table__name" role="rowheader">
                <Text>{r.parameter.shortLabel}</Text>
              </View>
              <View className="standards-table__cell standards-table__value" role="cell" aria-label={moneyLabel(r.current.amountFen, unit)}>
                {label(currentHead)}
                <Text className="standards-table__current">{`${formatYuan(r.current.amountFen)}元`}</Text>
              </View>
              <View
                className="standards-table__cell standards-table__value"
                role="cell"
                aria-label={r.previous ? moneyLabel(r.previous.amountFen, unit) : '本资料没有上一期的标准'}
              >
                {label(previousHead)}
                <Text>{r.previous ? `${formatYuan(r.previous.amountFen)}元` : '—（本资料无）'}</Text>
              </View>
              <View
                className="standards-table__cell standards-table__value"
                role="cell"
                aria-label={r.changeFen === null ? '无法比较' : moneyLabel(r.changeFen, unit, true)}
              >
                {label('变化')}
                <Text>
                  {r.changeFen === null
                    ? '—'
                    : r.changeFen === 0
                      ? '不变'
                      : `${r.changeFen > 0 ? '+' : '−'}${formatYuan(Math.abs(r.changeFen))}元`}
                </Text>
              </View>
              <View className="standards-table__cell standards-table__doc" role="cell" aria-label={`${ref.docNumber} ${ref.article}`}>
                {label(docHead)}
                <Text>{`${commonDoc ? '' : `${ref.docNumber} `}${ref.article} ›`}</Text>
              </View>
            </View>
          )
        })}
      </View>
    </View>
  )
}
