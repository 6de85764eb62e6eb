import type { Source } from '../schema'
import type { ValueOnDate } from '../parameters'
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import { type Citation, citationOf } from './citations'
import type { RuleData } from './types'

export function standardCitation(data: RuleData, value: ValueOnDate): Citation {
  const source: Source | undefined = data.sources.find((s) => s.id === value.current.reference.sourceId)
  return citationOf(value.current.reference, source ? `《${source.title}》` : value.current.reference.docNumber)
}

/** "2019年1月1日起，城市居民最低生活保障标准为每人每月660元" */
export function describeStandard(value: ValueOnDate): string {
  return `${formatChineseDate(value.current.effectiveFrom)}起，${value.parameter.label}为每人每月${formatYuan(value.current.amountFen)}元`
}

export const OUTDATED_CAVEAT =
  '本应用收录的最新标准是2019年的；救助标准一般每年调整，现在实际执行的标准可能更高，请以当地民政部门公布的为准。'

export const DECIDED_BY_MINZHENG = '这只是按您填写的信息做的估算，是否符合条件、每月领多少，以县（市、区）民政部门审核确认的结果为准。'
