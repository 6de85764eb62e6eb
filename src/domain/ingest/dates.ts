// Calendar dates as notices write them, in normalised text: 2019年6月28日, 二〇一九年六月二十八日,
// 2023年1月 (the first of the month). Invalid dates (2月30日) are not dates.
import { isValidIsoDate } from '../dates'
import { chineseInteger, digitByDigitYear } from './numerals'
import { captured } from '../captured'

const SMALL = '[一二三四五六七八九十]{1,3}'
/** A date in normalised text; groups: year, month, day (optional). */
export const DATE_SOURCE = `(\\d{4}|[〇零一二三四五六七八九]{4})年(\\d{1,2}|${SMALL})月(?:(\\d{1,2}|${SMALL})(?:日|号))?`

function part(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : chineseInteger(text)
}

/** The ISO date for a match of DATE_SOURCE's groups, or null when it is not a real date. */
export function isoFromParts(yearText: string, monthText: string, dayText: string | undefined): string | null {
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : digitByDigitYear(yearText)
  const month = part(monthText)
  const day = dayText === undefined ? 1 : part(dayText)
  if (year === null || month === null || day === null) return null
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isValidIsoDate(iso) ? iso : null
}

export interface FoundDate {
  iso: string
  index: number
  length: number
}

/** Every date in a piece of normalised text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = []
  for (const m of text.matchAll(new RegExp(DATE_SOURCE, 'g'))) {
    const iso = isoFromParts(captured(m, 1), captured(m, 2), m[3])
    if (iso) found.push({ iso, index: m.index ?? 0, length: m[0].length })
  }
  return found
}

const EFFECTIVE = [
  // 自2020年4月1日起执行, 决定从2019年1月1日起, 于2023年1月1日起施行
  new RegExp(`(?:自|从|于)${DATE_SOURCE}(?:起|开始)`, 'g'),
  // 2023年7月1日起执行
  new RegExp(`${DATE_SOURCE}起(?:执行|施行|实施|调整|提高|发放)`, 'g'),
]

export interface EffectiveStatement {
  /** an ISO date, or 'issue' for 自印发之日起施行 */
  date: string
  index: number
}

/** Statements of when something takes effect, in order of position. */
export function findEffectiveStatements(text: string): EffectiveStatement[] {
  const found: EffectiveStatement[] = []
  for (const pattern of EFFECTIVE) {
    for (const m of text.matchAll(pattern)) {
      const iso = isoFromParts(captured(m, 1), captured(m, 2), m[3])
      // Both patterns match 自2020年4月1日起执行: keep one statement per date, keyed by where the date starts.
      const dateIndex = (m.index ?? 0) + m[0].indexOf(captured(m, 1))
      if (iso && !found.some((f) => f.index === dateIndex)) found.push({ date: iso, index: dateIndex })
    }
  }
  for (const m of text.matchAll(/自(?:印发|发布|公布|下发)之日起(?:执行|施行|实施)/g)) found.push({ date: 'issue', index: m.index ?? 0 })
  return found.sort((a, b) => a.index - b.index)
}
