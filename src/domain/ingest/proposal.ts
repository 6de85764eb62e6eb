// The only way to make a proposal. It checks, at construction, that the quote is the input's own text
// at the given offsets, that every figure the amount rests on is in the quote and reads as the value
// used, and that the amount follows from those figures. A proposal that fails is a bug, so it throws.
import { formatYuan } from '../money'
import { amountAt } from './figures'
import { normalise } from './normalise'
import type { Proposal } from './result'
import { PARAMETER_LABELS, type ParameterId } from './vocabulary'

/** A figure as it reads in the normalised text (e.g. 六百六十元) and the 分 it was read as. */
export interface Basis {
  raw: string
  fen: number
}

export type Derivation =
  | { kind: 'stated'; figure: Basis }
  | { kind: 'yearly'; figure: Basis }
  | { kind: 'increase'; previous: Basis; increase: Basis }
  | { kind: 'multiple'; raw: string; thousandths: number; baseFen: number }

function amountOf(d: Derivation): number {
  switch (d.kind) {
    case 'stated':
      return d.figure.fen
    case 'yearly':
      return Math.round(d.figure.fen / 12)
    case 'increase':
      return d.previous.fen + d.increase.fen
    case 'multiple':
      return Math.round((d.baseFen * d.thousandths) / 1000)
  }
}

function figuresOf(d: Derivation): Basis[] {
  switch (d.kind) {
    case 'stated':
    case 'yearly':
      return [d.figure]
    case 'increase':
      return [d.previous, d.increase]
    case 'multiple':
      return []
  }
}

export interface ProposalInput {
  input: string
  quoteStart: number
  quoteEnd: number
  parameterId: ParameterId
  derivation: Derivation
  previousAmountFen: number | null
  effectiveFrom: string | null
  notes: string[]
  needsReview: boolean
}

export function makeProposal(p: ProposalInput): Proposal {
  const quote = p.input.slice(p.quoteStart, p.quoteEnd)
  if (quote === '' || p.quoteStart < 0 || p.quoteEnd > p.input.length) throw new Error('proposal quote is outside the notice')
  const matched = normalise(quote).text
  for (const figure of figuresOf(p.derivation)) {
    const at = matched.indexOf(figure.raw)
    if (at < 0) throw new Error(`proposal quote does not contain its figure ${figure.raw}`)
    if (amountAt(matched, at)?.fen !== figure.fen) throw new Error(`figure ${figure.raw} does not read as ${formatYuan(figure.fen)} 元`)
  }
  if (p.derivation.kind === 'multiple' && !matched.includes(p.derivation.raw))
    throw new Error(`proposal quote does not contain ${p.derivation.raw}`)
  const amountFen = amountOf(p.derivation)
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new Error(`proposal amount ${amountFen} is not a positive number of 分`)
  return {
    parameterId: p.parameterId,
    label: PARAMETER_LABELS[p.parameterId],
    amountFen,
    previousAmountFen: p.previousAmountFen,
    effectiveFrom: p.effectiveFrom,
    quote,
    quoteStart: p.quoteStart,
    quoteEnd: p.quoteEnd,
    notes: p.notes,
    needsReview: p.needsReview,
  }
}
