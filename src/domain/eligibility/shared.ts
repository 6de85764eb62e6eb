import type { Source } from '../schema'
import type { ValueOnDate } from '../parameters'
import { type IsoDate, formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import { type Citation, citationOf } from './citations'
import type { RuleData } from './types'

export function standardCitation(data: RuleData, value: ValueOnDate): Citation {
  const source: Source | undefined = data.sources.find((s) => s.id === value.current.reference.sourceId)
  return citationOf(value.current.reference, source ? `《${source.title}》` : value.current.reference.docNumber)
}

/**
 * "2019年1月1日起，城市居民最低生活保障标准为每人每月660元". A start date the source does not give
 * (effectiveFromBasis assumed) is said to be assumed, so the step never states it as fact.
 */
export function describeStandard(value: ValueOnDate): string {
  const from = formatChineseDate(value.current.effectiveFrom)
  const since = value.current.effectiveFromBasis === 'assumed' ? `${from}起（起始日期为推定，文件未写明）` : `${from}起`
  return `${since}，${value.parameter.label}为每人每月${formatYuan(value.current.amountFen)}元`
}

/**
 * Said when the standard used may have been superseded (the outdated rule). The year is the
 * standard's own, read from the data, so a newer notice moves it without a code change.
 */
export function outdatedCaveat(effectiveFrom: IsoDate | null): string {
  const held = effectiveFrom ? `本应用收录的最新标准是${effectiveFrom.slice(0, 4)}年的` : '本应用收录的标准可能不是最新的'
  return `${held}；救助标准一般每年调整，现在实际执行的标准可能更高，请以当地民政部门公布的为准。`
}

export const DECIDED_BY_MINZHENG = '这只是按您填写的信息做的估算，是否符合条件、每月领多少，以县（市、区）民政部门审核确认的结果为准。'
