// A relief standard as a card: the amount in force, the change from the previous year, the dates,
// and the document it comes from. Tapping the card opens the standard's detail page.
import { Text, View } from '@tarojs/components'
import { type ValueOnDate, formatChineseDate, formatYuan } from '../../domain'
import { openPage } from '../../services/navigation'
import { MoneyText } from './money-text'
import { SourceLink } from './source-link'
import { effectiveBasisText, outdatedNotice, parameterUrl, periodText, previousName } from './standard-format'

export interface StandardCardProps {
  value: ValueOnDate
  /** large: the hero figure (首页); normal: a list entry (救助标准) */
  size?: 'large' | 'normal' | 'small'
  /** show publication date and effective-date basis (救助标准 page) */
  detailed?: boolean
  /** show the possibly-outdated warning on this card */
  showOutdated?: boolean
}

export function StandardCard({ value, size = 'normal', detailed = false, showOutdated = true }: StandardCardProps) {
  const { parameter, current, previous, changeFen, validUntil, possiblyOutdated } = value
  const previousLabel = previous ? previousName(previous, current) : null
  return (
    // The whole card is a big touch target; for screen readers the source link inside is the link
    // (a link wrapping a link would be announced twice).
    <View className={`card standard-card standard-card--${size}`} onClick={() => openPage(parameterUrl(parameter))}>
      <View className="standard-card__head">
        <Text className="standard-card__label">{size === 'normal' ? parameter.label : parameter.shortLabel}</Text>
        <Text className="standard-card__more" aria-hidden="true">
          详情 ›
        </Text>
      </View>
      <MoneyText fen={current.amountFen} unit={parameter.unit} size={size === 'large' ? 'hero' : size === 'small' ? 'normal' : 'large'} />
      {previous && changeFen !== null && previousLabel ? (
        <View className="standard-card__change">
          <Text>{`比${previousLabel} `}</Text>
          <MoneyText fen={changeFen} unit="元" signed size="small" />
          <Text className="muted">{`（${previousLabel}${formatYuan(previous.amountFen)}${parameter.unit}）`}</Text>
        </View>
      ) : (
        <Text className="standard-card__change muted">本资料没有收录更早的标准，无法比较</Text>
      )}
      <Text className="standard-card__dates muted">
        {`执行期间：${periodText(current.effectiveFrom, validUntil)}`}
        {current.effectiveFromBasis === 'assumed' ? '（起始日期为推定）' : ''}
      </Text>
      {detailed ? (
        <View className="standard-card__detail">
          <Text className="standard-card__dates muted">{`公布日期：${formatChineseDate(current.publishedOn)}`}</Text>
          <Text className="standard-card__dates muted">{`执行日期依据：${effectiveBasisText(current)}`}</Text>
          {current.effectiveFromBasis === 'assumed' && current.effectiveNote ? (
            <Text className="notice">{`说明：${current.effectiveNote}`}</Text>
          ) : null}
        </View>
      ) : null}
      {showOutdated && possiblyOutdated ? <Text className="notice">{outdatedNotice(current)}</Text> : null}
      <SourceLink
        docNumber={current.reference.docNumber}
        article={current.reference.article}
        target={{ kind: 'parameter', parameterId: parameter.id }}
      />
    </View>
  )
}
