// What the extractor may know besides the notice: the standards already held, so that a notice which
// sets 特困 as 「当地低保标准的1.3倍」 without restating 低保 can still be computed, from the held
// 低保 in force on the notice's effective date, flagged for review with that base named.
import { formatChineseDate, type IsoDate } from '../dates'
import { amountOn } from '../parameters'
import type { Parameter } from '../schema'
import type { ParameterId } from './vocabulary'

export interface HeldValue {
  amountFen: number
  /** the document the held value comes from, e.g. 景府办字〔2019〕35号 */
  docNumber: string
  effectiveFrom: IsoDate
}

export interface IngestOptions {
  /** the held value of a standard in force on a date; null when none is held then */
  heldValue?: (id: ParameterId, on: IsoDate) => HeldValue | null
}

/** The held-value lookup over a pack's parameters. */
export function heldValuesIn(parameters: readonly Parameter[]): NonNullable<IngestOptions['heldValue']> {
  return (id, on) => {
    const found = amountOn(parameters, id, on)
    if (!found.ok) return null
    const { current } = found.value
    return { amountFen: current.amountFen, docNumber: current.reference.docNumber, effectiveFrom: current.effectiveFrom }
  }
}

export const describeHeld = (held: HeldValue): string => `${held.docNumber}，${formatChineseDate(held.effectiveFrom)}起执行`
