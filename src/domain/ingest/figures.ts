// Figures in a sentence and what each one is: the new standard, the old one, an increase, a floor.
// The role is read from the words just before the figure (since the previous figure or name).
import { CHINESE_NUMERAL_CHARS, amountToFen, multiplierThousandths } from './numerals'
import { captured } from '../captured'

export type Role = 'from' | 'to' | 'floor' | 'increase' | 'plain' | 'unknown'
export type Period = 'month' | 'year'

export interface AmountFigure {
  kind: 'amount'
  /** offsets in the normalised text */
  index: number
  length: number
  /** the figure as it reads in normalised text, e.g. 660元 or 六百六十元 */
  raw: string
  /** the numeral alone, e.g. 660 or 六百六十 */
  numeral: string
  /** null when the numeral cannot be read exactly (it is then never used) */
  fen: number | null
  role: Role
  period: Period | null
}

export interface MultiplierFigure {
  kind: 'multiplier'
  index: number
  length: number
  raw: string
  numeral: string
  /** 1.3倍 → 1300 */
  thousandths: number | null
  /** the standard it multiplies, as named in the text (e.g. 当地低保标准) */
  baseText: string
}

export interface PercentFigure {
  kind: 'percent'
  index: number
  length: number
  raw: string
}

export type Figure = AmountFigure | MultiplierFigure | PercentFigure

const N = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+`
const AMOUNT = new RegExp(`(${N})(万|亿)?元(\\/人?\\/?[·.]?(?:月|年))?`, 'y')
const PERCENT = /(\d+(?:\.\d+)?)%/y
const MULTIPLIER = /的?(\d+(?:\.\d+)?|[一二三四五六七八九十]+)倍/y

/** The amount or percentage starting at `index` (not a multiplier: those follow a base, see extract). */
export function amountAt(
  text: string,
  index: number,
): { raw: string; numeral: string; fen: number | null; suffixPeriod: Period | null } | null {
  if (index > 0 && /[\d.,]/.test(text.charAt(index - 1)) && /\d/.test(text.charAt(index))) return null
  AMOUNT.lastIndex = index
  const m = AMOUNT.exec(text)
  if (!m) return null
  const numeral = captured(m, 1)
  const base = amountToFen(numeral, m[2] === '万')
  const scaled = base !== null && m[2] === '亿' ? base * 100_000_000 : base
  const fen = scaled !== null && Number.isSafeInteger(scaled) ? scaled : null
  const suffixPeriod = m[3] ? (m[3].includes('年') ? 'year' : 'month') : null
  return { raw: m[0], numeral, fen, suffixPeriod }
}

export function percentAt(text: string, index: number): string | null {
  if (index > 0 && /[\d.]/.test(text.charAt(index - 1))) return null
  PERCENT.lastIndex = index
  return PERCENT.exec(text)?.[0] ?? null
}

export function multiplierAt(text: string, index: number): { raw: string; numeral: string; thousandths: number | null } | null {
  MULTIPLIER.lastIndex = index
  const m = MULTIPLIER.exec(text)
  if (!m) return null
  const numeral = captured(m, 1)
  return { raw: m[0], numeral, thousandths: multiplierThousandths(numeral) }
}

// Words that may sit between a verb and its figure without changing its meaning.
const FILLER = '(?:每人每[月年]|每人|每[月年]|月?人均|去年的?|上年的?|上一年度的?|原来?的?|现行的?|的|标准)*'
const ROLES: Array<[Role, RegExp]> = [
  ['floor', new RegExp(`不低于${FILLER}$`)],
  ['to', new RegExp(`(?:提高|调整|上调|增加|提升|增长|下调|降低|调|统一|提标)(?:到|至|为)${FILLER}$`)],
  ['to', new RegExp(`达到${FILLER}$`)],
  ['from', new RegExp(`(?:由|从)${FILLER}$`)],
  ['increase', new RegExp(`(?:增加|提高|上调|增长|提升|增发)了?${FILLER}$`)],
  ['plain', new RegExp(`^[,:]?(?:标准)?(?:为|是|:)?${FILLER}$`)],
  ['plain', new RegExp(`(?:标准|补助|补贴)(?:为|是|:)?${FILLER}$`)],
  ['plain', /(?:每人每[月年]|每[月年])$/],
]

/**
 * What a figure is, from `lead` (the text since the previous figure or name). A figure after 、 following
 * a figure of the same kind continues its list (由780元、700元统一调整为…).
 */
export function roleOf(lead: string, previous: AmountFigure | null): Role {
  if (previous && /^[、和与及]$/.test(lead.replace(new RegExp(`${FILLER}$`), ''))) return previous.role
  for (const [role, pattern] of ROLES) if (pattern.test(lead)) return role
  return 'unknown'
}

/** The period the words before a figure state, if any. */
export function periodOf(lead: string): Period | null {
  if (/每人每年|每年|年人均|全年/.test(lead)) return 'year'
  if (/每人每月|每月|月人均|按月/.test(lead)) return 'month'
  return null
}
