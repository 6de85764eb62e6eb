import type { Area, Parameter, Source } from '../schema'
import type { IsoDate } from '../dates'
import type { Fen } from '../money'
import type { Citation } from './citations'

/** What the rules need from the content pack. */
export interface RuleData {
  parameters: readonly Parameter[]
  sources: readonly Source[]
}

/** One line of the calculation as shown to a person, with where it comes from. */
export interface Step {
  id: string
  label: string
  /** the arithmetic or the finding, in words, e.g. "1500 ÷ 3 = 500 元" */
  text: string
  amountFen?: Fen
  citation: Citation
}

export interface Assessment {
  on: IsoDate
  /** when the standard the estimate used took effect (for 特困, the 基本生活 standard) */
  standardEffectiveFrom: IsoDate
  area: Area
  steps: Step[]
  /** what the estimate does not cover and what the 民政 department will still check */
  caveats: string[]
  /**
   * Said when the standard used may have been superseded, or null. Kept out of `caveats` so a page
   * shows it in its own place by this field and never has to find it by matching text.
   */
  outdatedNote: string | null
  /** what else may help, especially when the estimate is negative */
  alternatives: string[]
  /** ids of service guide items for applying */
  serviceIds: string[]
  /** the standard used is the latest in the data but more than a year old on the date asked */
  possiblyOutdated: boolean
}
