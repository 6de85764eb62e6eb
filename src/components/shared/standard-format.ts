// Wording shared by the standards pages (首页, 救助标准, 标准详情).
import { type DatedValue, type IsoDate, type Parameter, type ParameterGroup, formatChineseDate } from '../../domain'

export const GROUP_TITLES: Record<ParameterGroup, string> = {
  dibao: '最低生活保障（低保）',
  tekun: '特困人员供养',
  care: '特困人员照料护理补助',
  jingjian: '精简退职职工生活救济',
}

export const GROUP_ORDER: readonly ParameterGroup[] = ['dibao', 'tekun', 'care', 'jingjian']

/** "2019年1月1日起" or "2018年1月1日至2018年12月31日" */
export function periodText(from: IsoDate, until: IsoDate | null): string {
  return until ? `${formatChineseDate(from)}至${formatChineseDate(until)}` : `${formatChineseDate(from)}起`
}

/** "上年" when the earlier value is the year before, else "上一期". */
export function previousName(previous: DatedValue, current: DatedValue): string {
  return Number(current.effectiveFrom.slice(0, 4)) - Number(previous.effectiveFrom.slice(0, 4)) === 1 ? '上年' : '上一期'
}

/** The plain warning shown when the latest figure in the data may have been superseded. */
export function outdatedNotice(value: DatedValue): string {
  return `这是本应用收录的最新标准（${value.effectiveFrom.slice(0, 4)}年），当前标准可能已调整，请以民政部门公布为准`
}

/** How the effective date is known, in words. */
export function effectiveBasisText(value: DatedValue): string {
  return value.effectiveFromBasis === 'stated' ? '文件写明的执行日期' : '推定的执行日期（文件未写明）'
}

export function parameterUrl(parameter: Parameter): string {
  return `/subpackages/standards/detail/index?id=${encodeURIComponent(parameter.id)}`
}

/**
 * The date picker spans the years the standards cover, and today: from 1 January of the earliest
 * figure's year to 31 December of the later of the newest figure's year and this year (not 1990–2099,
 * decades of years with nothing to show).
 */
export function pickerRange(parameters: readonly Parameter[], today: IsoDate): { start: IsoDate; end: IsoDate } {
  const years = parameters.flatMap((p) => p.values.map((v) => Number(v.effectiveFrom.slice(0, 4))))
  const thisYear = Number(today.slice(0, 4))
  const first = years.length ? Math.min(...years, thisYear) : thisYear
  const last = Math.max(...years, thisYear)
  return { start: `${first}-01-01`, end: `${last}-12-31` }
}
