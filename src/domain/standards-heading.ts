// What the standards shown for a date may be called. The data holds the standards of the notices it
// was given; past the outdated rule's date (outdatedFrom) a newer notice may exist that it lacks, so
// calling its figures "today's" would state as fact what is only the latest the app holds.
import { type IsoDate, formatChineseDate } from './dates'
import type { Parameter } from './schema'
import { isPossiblyOutdated, latestEffectiveDate } from './parameters'

export interface StandardsHeadingOptions {
  /** the date is printed next to the heading, so the heading need not repeat it */
  dateShownNearby?: boolean
}

/**
 * "今天（2019年7月1日）执行的标准" while the data is current on that date; once it may be outdated,
 * "本应用收录的最新标准（2019年1月1日起执行）" — the year comes from the data, never from this code.
 */
export function standardsHeading(
  parameters: readonly Parameter[],
  date: IsoDate,
  today: IsoDate,
  options: StandardsHeadingOptions = {},
): string {
  const latest = latestEffectiveDate(parameters)
  if (latest !== null && isPossiblyOutdated(date, parameters)) return `本应用收录的最新标准（${formatChineseDate(latest)}起执行）`
  if (date === today) return options.dateShownNearby ? '今天执行的标准' : `今天（${formatChineseDate(today)}）执行的标准`
  return options.dateShownNearby ? '所选日期执行的标准' : `${formatChineseDate(date)}执行的标准`
}
