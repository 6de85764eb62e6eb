// Small helpers over dated values shared by the diff and the warnings.
import type { DatedValue, Parameter } from '../schema'
import { formatYuan } from '../money'
import { squeeze } from '../validate/source-text'

/** The value in force on a date (the last one on or before it), or undefined. */
export function inForce(parameter: Parameter | undefined, date: string): DatedValue | undefined {
  let found: DatedValue | undefined
  for (const value of parameter?.values ?? []) if (value.effectiveFrom <= date) found = value
  return found
}

/** The value in force the day before `date` (what a new value replaces). */
export function before(parameter: Parameter | undefined, date: string): DatedValue | undefined {
  let found: DatedValue | undefined
  for (const value of parameter?.values ?? []) if (value.effectiveFrom < date) found = value
  return found
}

/** Values of `after` that `base` does not have (new, or changed on the same date). */
export function newValues(base: Parameter | undefined, after: Parameter): DatedValue[] {
  return after.values.filter((value) => {
    const old = base?.values.find((v) => v.effectiveFrom === value.effectiveFrom)
    return !old || old.amountFen !== value.amountFen || old.reference.quote !== value.reference.quote
  })
}

/** "660元" in the quote, not as the tail of "1660元" (the validator's rule for a stated figure). */
export function quoteStates(quote: string, amountFen: number): boolean {
  const squeezed = squeeze(quote)
  const figure = `${formatYuan(amountFen)}元`
  for (let at = squeezed.indexOf(figure); at >= 0; at = squeezed.indexOf(figure, at + 1)) {
    if (at === 0 || !/[\d.]/.test(squeezed[at - 1] ?? '')) return true
  }
  return false
}
