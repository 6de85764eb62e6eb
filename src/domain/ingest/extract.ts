// From sentences to proposals: each sentence is read into subjects and their figures
// (read-sentence.ts), each subject's figures are combined into values (combine.ts), and multiples of
// another standard are computed last, once every stated value is known. Anything that cannot be
// placed with certainty goes to `unmatched` with the reason: never a guess.
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import { evaluate } from './combine'
import { findEffectiveStatements } from './dates'
import type { DocumentReading } from './document'
import type { Figure } from './figures'
import { type NormalisedText, originalSpan } from './normalise'
import { type IngestOptions, describeHeld } from './options'
import { makeProposal } from './proposal'
import { type Group, readSentence, shareIncreases } from './read-sentence'
import type { Proposal, Unmatched } from './result'
import { type Span, sentences } from './sentences'
import { type Area, type Concept, PARAMETER_LABELS, type ParameterId, resolveSubject, termAt } from './vocabulary'

/** The standard a multiplier refers to (当地农村低保标准的1.3倍): its concept and area, if named. */
function readBase(text: string): { concept: Concept | null; area: Area | null } {
  let concept: Concept | null = null
  let area: Area | null = null
  for (let i = 0; i < text.length; i++) {
    const t = termAt(text, i)
    if (!t) continue
    if (t.term.kind === 'concept') concept = t.term.concept
    if (t.term.kind === 'area' && t.term.area !== 'both') area = t.term.area
    i += t.length - 1
  }
  return { concept, area }
}

interface Multiple {
  group: Group
  ids: ParameterId[]
  figure: Extract<Figure, { kind: 'multiplier' }>
  span: Span
}

const yuan = (fen: number) => `${formatYuan(fen)}元`
const AREA_OF: Record<ParameterId, Area | null> = {
  'dibao-urban-standard': 'urban',
  'dibao-urban-average-topup': 'urban',
  'dibao-rural-standard': 'rural',
  'dibao-rural-average-topup': 'rural',
  'tekun-urban-support': 'urban',
  'tekun-rural-centralized': 'rural',
  'tekun-rural-dispersed': 'rural',
  'care-semi-disabled': null,
  'care-fully-disabled': null,
  'jingjian-urban': 'urban',
  'jingjian-rural': 'rural',
}

export interface Extraction {
  proposals: Proposal[]
  unmatched: Unmatched[]
}

export function extract(
  input: string,
  n: NormalisedText,
  { document, boundaries }: DocumentReading,
  options: IngestOptions = {},
): Extraction {
  const proposals: Proposal[] = []
  const reasons = new Map<Span, string[]>()
  const multiples: Multiple[] = []
  const spans = sentences(n.text, boundaries)
  const quoteOf = (span: Span) => originalSpan(n, span.from, span.to)
  const effectiveOf = (span: Span): string | null => {
    const stated = findEffectiveStatements(n.text.slice(span.from, span.to))[0]
    if (!stated) return document.effectiveFrom
    return stated.date === 'issue' ? document.issuedOn : stated.date
  }
  const reject = (span: Span, reason: string) => reasons.set(span, [...(reasons.get(span) ?? []), reason])

  for (const span of spans) {
    const sentence = n.text.slice(span.from, span.to)
    const groups = shareIncreases(readSentence(n.text, span))
    // One subject named twice in a sentence is one subject.
    const byIds = new Map<string, { group: Group; ids: ParameterId[] }>()
    for (const group of groups) {
      const resolved = resolveSubject(group.subject)
      if (!resolved.ok) {
        reject(span, `${resolved.reason}（${group.figures.map((f) => f.raw).join('、')}）`)
        continue
      }
      const key = resolved.ids.join('+')
      const seen = byIds.get(key)
      if (seen) seen.group.figures.push(...group.figures)
      else byIds.set(key, { group: { ...group, figures: [...group.figures] }, ids: resolved.ids })
    }
    for (const { group, ids } of byIds.values()) {
      const effective = effectiveOf(span)
      const outcome = evaluate(group, ids, sentence, effective === null ? null : Number(effective.slice(0, 4)))
      if (outcome.ok === false) reject(span, outcome.reason)
      else if (outcome.ok === 'multiple') multiples.push({ group, ids, figure: outcome.figure, span })
      else {
        const { start, end } = quoteOf(span)
        for (const m of outcome.made) {
          proposals.push(
            makeProposal({
              input,
              quoteStart: start,
              quoteEnd: end,
              parameterId: m.id,
              derivation: m.derivation,
              previousAmountFen: m.previousFen,
              effectiveFrom: effectiveOf(span),
              notes: m.notes,
              needsReview: m.review,
            }),
          )
        }
      }
    }
  }

  // The base of a multiple: set in this notice, or else the held value in force when this one takes
  // effect, named as such so that the reviewer checks it still applies.
  const baseFor = (baseId: ParameterId, effective: string | null): { fen: number; described: string; check: string } | null => {
    const stated = proposals.find((p) => p.parameterId === baseId)
    if (stated) return { fen: stated.amountFen, described: `按${stated.label}${yuan(stated.amountFen)}`, check: '请核对' }
    const held = effective && options.heldValue ? options.heldValue(baseId, effective) : null
    if (!held || !effective) return null
    return {
      fen: held.amountFen,
      described: `本通知没有写明${PARAMETER_LABELS[baseId]}；按本系统已有的${PARAMETER_LABELS[baseId]}${yuan(held.amountFen)}（${describeHeld(held)}）`,
      check: `请核对${formatChineseDate(effective)}时这个基数是否仍然有效`,
    }
  }

  // Multiples last: their base (低保标准) may be set anywhere in the notice.
  for (const { ids, figure, span, group } of multiples) {
    const named = readBase(figure.baseText)
    const floor = /不低于$/.test(n.text.slice(span.from, figure.index - figure.baseText.length).replace(/(?:按|当地|的)+$/, ''))
    for (const id of ids) {
      const area = named.area ?? AREA_OF[id]
      const baseIds =
        named.concept && area ? resolveSubject({ concept: named.concept, areas: [area], mode: null, level: group.subject.level }) : null
      const baseId = baseIds?.ok && baseIds.ids.length === 1 ? baseIds.ids[0] : null
      const effective = effectiveOf(span)
      const base = baseId ? baseFor(baseId, effective) : null
      if (!baseId || !base) {
        const missing = `本通知没有写明${baseId ? PARAMETER_LABELS[baseId] : '作为基数的标准'}`
        const noneHeld =
          baseId && options.heldValue
            ? effective
              ? `，本系统也没有${formatChineseDate(effective)}时的该项标准`
              : '，也没有写明执行日期'
            : ''
        reject(span, `${PARAMETER_LABELS[id]}按「${figure.baseText}${figure.raw}」确定，但${missing}${noneHeld}，无法算出金额`)
        continue
      }
      const thousandths = figure.thousandths as number
      const { start, end } = quoteOf(span)
      const amount = Math.round((base.fen * thousandths) / 1000)
      const notes = [`${base.described}的${thousandths / 1000}倍推算为${yuan(amount)}，${base.check}`]
      if (floor) notes.push('「不低于」表示下限：推算的是最低标准，实际标准可能更高')
      if (ids.length > 1) notes.push(`同一规则适用于多项标准：${ids.map((i) => PARAMETER_LABELS[i]).join('、')}`)
      proposals.push(
        makeProposal({
          input,
          quoteStart: start,
          quoteEnd: end,
          parameterId: id,
          derivation: { kind: 'multiple', raw: figure.raw, thousandths, baseFen: base.fen },
          previousAmountFen: null,
          effectiveFrom: effective,
          notes,
          needsReview: true,
        }),
      )
    }
  }

  const unmatched: Unmatched[] = spans
    .filter((span) => reasons.has(span))
    .map((span) => {
      const { start, end } = quoteOf(span)
      return { quote: input.slice(start, end), quoteStart: start, quoteEnd: end, reason: (reasons.get(span) ?? []).join('；') }
    })
  return { proposals, unmatched }
}
