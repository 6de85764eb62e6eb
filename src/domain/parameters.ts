// Dated parameters, in the manner of OpenFisca: a value holds from its effective date until the
// next dated entry. Every answer carries the value's reference so a figure is never shown without
// its source.
import type { DatedValue, Parameter } from './schema'
import { type IsoDate, addDays, compareIsoDates, formatChineseDate, isValidIsoDate } from './dates'
import { type Fen } from './money'
import { type Result, fail, ok } from './result'

export interface ValueOnDate {
  parameter: Parameter
  /** the entry in force on the date asked about */
  current: DatedValue
  /** the entry it replaced, if any */
  previous: DatedValue | null
  /** current − previous, in 分; null when there is no previous entry */
  changeFen: Fen | null
  /** the date after which the next known entry takes over; null when this is the latest known */
  validUntil: IsoDate | null
  /** the entry that takes over after the date asked about (即将执行 when that date is today) */
  next: DatedValue | null
  /** see isPossiblyOutdated */
  possiblyOutdated: boolean
}

/**
 * Standards are adjusted yearly, so from the 1 January after the latest effective date any notice
 * the data holds (the latest notice), a newer figure may exist that this data lacks. The one rule
 * for the "possibly outdated" flag everywhere: on the phone, in the API and in the self-checks.
 */
export function outdatedFrom(parameters: readonly Parameter[]): IsoDate | null {
  const latest = latestEffectiveDate(parameters)
  return latest === null ? null : `${Number(latest.slice(0, 4)) + 1}-01-01`
}

export function latestEffectiveDate(parameters: readonly Parameter[]): IsoDate | null {
  let latest: IsoDate | null = null
  for (const p of parameters) {
    for (const v of p.values) if (latest === null || v.effectiveFrom > latest) latest = v.effectiveFrom
  }
  return latest
}

/** Entries sorted by effective date; the validator guarantees they are, this keeps callers safe. */
function sortedValues(parameter: Parameter): DatedValue[] {
  return [...parameter.values].sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom))
}

/** When a parameter's earliest entry takes effect. */
export function firstEffectiveFrom(parameter: Parameter): IsoDate {
  const [earliest] = sortedValues(parameter)
  // the schema requires at least one entry (values: min(1))
  if (!earliest) throw new Error(`parameter ${parameter.id} has no values`)
  return earliest.effectiveFrom
}

/**
 * The entry in force on a date. `all` is every parameter of the pack, which decides when the data
 * may be outdated (outdatedFrom); a caller holding one parameter alone gets that parameter's own rule.
 */
export function valueOn(parameter: Parameter, date: IsoDate, all: readonly Parameter[] = [parameter]): Result<ValueOnDate> {
  if (!isValidIsoDate(date)) return fail('invalid_input', `日期“${date}”无效，请按 年-月-日 填写`, 'on')
  const values = sortedValues(parameter)
  let index = -1
  for (const [i, value] of values.entries()) if (value.effectiveFrom <= date) index = i
  const current = values[index]
  if (current === undefined) {
    return fail(
      'before_first_value',
      `${formatChineseDate(date)}早于本资料收录的最早的${parameter.label}（${formatChineseDate(firstEffectiveFrom(parameter))}起），无法给出当时的标准`,
      'on',
    )
  }
  const previous = values[index - 1] ?? null
  const next = values[index + 1] ?? null
  return ok({
    parameter,
    current,
    previous,
    changeFen: previous ? current.amountFen - previous.amountFen : null,
    validUntil: next ? addDays(next.effectiveFrom, -1) : null,
    next,
    possiblyOutdated: isPossiblyOutdated(date, all),
  })
}

/** A value published but not yet in force on `today` (shown as 即将执行 with its date). */
export function upcomingValue(parameter: Parameter, today: IsoDate): DatedValue | null {
  return sortedValues(parameter).find((value) => value.effectiveFrom > today) ?? null
}

export function isPossiblyOutdated(date: IsoDate, parameters: readonly Parameter[]): boolean {
  const from = outdatedFrom(parameters)
  return from !== null && date >= from
}

export interface StandardsOnDate {
  date: IsoDate
  inForce: ValueOnDate[]
  /** parameters that exist in the data but had no value yet on that date */
  notYetInForce: Parameter[]
}

/**
 * Every parameter in force on a date. A date before every known value is an error: showing another
 * year's figures instead would mislead.
 */
export function standardsOn(parameters: readonly Parameter[], date: IsoDate): Result<StandardsOnDate> {
  if (!isValidIsoDate(date)) return fail('invalid_input', `日期“${date}”无效，请按 年-月-日 填写`, 'on')
  const inForce: ValueOnDate[] = []
  const notYetInForce: Parameter[] = []
  for (const parameter of parameters) {
    const result = valueOn(parameter, date, parameters)
    if (result.ok) inForce.push(result.value)
    else notYetInForce.push(parameter)
  }
  if (inForce.length === 0) {
    const earliest = earliestEffectiveDate(parameters)
    return fail(
      'before_first_value',
      earliest
        ? `${formatChineseDate(date)}早于本资料收录的最早标准（${formatChineseDate(earliest)}起），无法给出当时的标准`
        : '本资料中还没有任何救助标准',
      'on',
    )
  }
  return ok({ date, inForce, notYetInForce })
}

export function earliestEffectiveDate(parameters: readonly Parameter[]): IsoDate | null {
  let earliest: IsoDate | null = null
  for (const p of parameters) {
    for (const v of p.values) if (earliest === null || v.effectiveFrom < earliest) earliest = v.effectiveFrom
  }
  return earliest
}

export interface HistoryEntry {
  value: DatedValue
  validUntil: IsoDate | null
  changeFen: Fen | null
}

/** The full history of one parameter, oldest first. */
export function historyOf(parameters: readonly Parameter[], id: string): Result<{ parameter: Parameter; entries: HistoryEntry[] }> {
  const parameter = findParameter(parameters, id)
  if (!parameter) return fail('unknown_parameter', `没有编号为“${id}”的救助标准`, 'id')
  const values = sortedValues(parameter)
  const entries = values.map((value, i) => {
    const next = values[i + 1]
    const previous = values[i - 1]
    return {
      value,
      validUntil: next ? addDays(next.effectiveFrom, -1) : null,
      changeFen: previous ? value.amountFen - previous.amountFen : null,
    }
  })
  return ok({ parameter, entries })
}

export function findParameter(parameters: readonly Parameter[], id: string): Parameter | undefined {
  return parameters.find((p) => p.id === id)
}

/** Look up a parameter's value on a date by id — the form the eligibility rules need. */
export function amountOn(parameters: readonly Parameter[], id: string, date: IsoDate): Result<ValueOnDate> {
  const parameter = findParameter(parameters, id)
  if (!parameter) return fail('unknown_parameter', `没有编号为“${id}”的救助标准`, 'id')
  return valueOn(parameter, date, parameters)
}
