// Calendar dates as ISO strings (YYYY-MM-DD). Relief standards change on calendar days in China,
// so "today" is always the date in Asia/Shanghai, whatever zone the device or server runs in.
// The one place for dates in the app, the server and the scripts: parsing and checking, today,
// day arithmetic and the Chinese forms people read (no date library: these few jobs need none,
// and the domain stays free of platform code).
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The years a date may fall in: well before any figure here, well after any plausible question. */
const MIN_YEAR = 1900
const MAX_YEAR = 2200

export function isValidIsoDate(value: string): boolean {
  return isoDateProblem(value) === null
}

/** Why a YYYY-MM-DD string is not a usable date, in words a person can act on; null when it is. */
export function isoDateProblem(value: string): string | null {
  const m = ISO_DATE.exec(value)
  if (!m) return '日期格式应为 YYYY-MM-DD'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return '不是一个存在的日期'
  if (y < MIN_YEAR || y > MAX_YEAR) return `日期超出可查询的范围（${MIN_YEAR} 年到 ${MAX_YEAR} 年）`
  return null
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

const DAY_MS = 86_400_000

/** The wall clock in Shanghai at `instant`, as an ISO string without zone: 2019-06-28T09:05:00.000 */
function shanghaiClock(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)
}

export function todayInShanghai(now: Date = new Date()): IsoDate {
  return shanghaiClock(now).slice(0, 10)
}

/**
 * For sorting ISO dates, earliest first. Plain code-unit order (YYYY-MM-DD sorts as text), not
 * localeCompare: the first localeCompare of a launch loads the browser's collation data, which cost
 * ≈100 ms of the home page's first render on a mid-range phone.
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** The date `days` days after `date` (before it when negative): 2019-03-01 − 1 → 2019-02-28. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** 2019-06-28 → 2019年6月28日 */
export function formatChineseDate(date: IsoDate): string {
  const m = ISO_DATE.exec(date)
  if (!m) return date
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/**
 * An instant (a Date, or a timestamp string such as toISOString() gives) as Shanghai's wall clock:
 * 2019年6月28日 09:05. An unreadable timestamp comes back as it was.
 */
export function formatChineseDateTime(instant: Date | string): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(time)) return String(instant)
  const clock = shanghaiClock(new Date(time))
  return `${formatChineseDate(clock.slice(0, 10))} ${clock.slice(11, 16)}`
}
