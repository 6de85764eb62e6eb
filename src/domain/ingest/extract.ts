// From sentences to proposals. Each sentence is read left to right: names of standards (with their
// area, way of support and self-care level) set the subject, and each figure belongs to the subject
// named before it. A subject's figures are then combined by role (由…提高到…, 增加…, 达到…). Anything
// that cannot be placed with certainty goes to `unmatched` with the reason: never a guess.
import { formatYuan } from '../money'
import { findEffectiveStatements } from './dates'
import type { DocumentReading } from './document'
import { type AmountFigure, type Figure, type Period, amountAt, multiplierAt, percentAt, periodOf, roleOf } from './figures'
import { type NormalisedText, originalSpan } from './normalise'
import { type Basis, type Derivation, makeProposal } from './proposal'
import type { Proposal, Unmatched } from './result'
import { type Span, sentences } from './sentences'
import { type Area, type Concept, PARAMETER_LABELS, type ParameterId, type Subject, resolveSubject, termAt } from './vocabulary'

interface Group {
  subject: Subject
  figures: Figure[]
  /** 月人均补差 names a monthly figure even when no 每月 is written */
  monthlyByName: boolean
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

/** Read one sentence into subject groups. */
function readSentence(text: string, span: Span): Group[] {
  const groups: Group[] = []
  let subject: Subject = { concept: null, areas: [], mode: null, level: null }
  let monthlyByName = false
  let lastStop = span.from
  let lastWasArea = false
  // Figures with no name between them share a group; a name starts a new one.
  const currentGroup = (): Group | null => {
    const last = groups[groups.length - 1]
    return last && last.subject === subject ? last : null
  }
  const addFigure = (figure: Figure) => {
    const group = currentGroup() ?? { subject, figures: [], monthlyByName }
    if (!groups.includes(group)) groups.push(group)
    group.figures.push(figure)
  }
  for (let i = span.from; i < span.to;) {
    // A standard named only as the base of a multiple (按当地低保标准的1.3倍) is not a new subject.
    const base = baseMultipleAt(text, i, span.to)
    if (base) {
      addFigure({
        kind: 'multiplier',
        index: base.figureIndex,
        length: base.raw.length,
        raw: base.raw,
        numeral: base.numeral,
        thousandths: base.thousandths,
        baseText: text.slice(i, base.figureIndex),
      })
      i = lastStop = base.figureIndex + base.raw.length
      lastWasArea = false
      continue
    }
    const t = termAt(text, i)
    if (t && i + t.length <= span.to) {
      const between = text.slice(lastStop, i)
      const term = t.term
      if (term.kind === 'area') {
        const areas: Area[] = term.area === 'both' ? ['urban', 'rural'] : [term.area]
        // 城市、农村低保标准: areas joined by 、/和 name both.
        const joined = lastWasArea && /^[、和与及]?$/.test(between)
        subject = { ...subject, areas: joined ? [...new Set([...subject.areas, ...areas])] : areas }
      } else if (term.kind === 'concept') {
        subject = {
          ...subject,
          concept: term.concept,
          mode: term.mode ?? (term.concept === 'tekun' && subject.concept === 'tekun' ? subject.mode : null),
        }
        monthlyByName = text.slice(i, i + t.length).includes('月')
      } else {
        subject = { ...subject, level: term.level }
      }
      lastWasArea = term.kind === 'area'
      i = lastStop = i + t.length
      continue
    }
    const amount = amountAt(text, i)
    if (amount && i + amount.raw.length <= span.to) {
      const lead = text.slice(lastStop, i)
      const group = currentGroup()
      const previous = group ? lastAmount(group) : null
      const figure: AmountFigure = {
        kind: 'amount',
        index: i,
        length: amount.raw.length,
        raw: amount.raw,
        numeral: amount.numeral,
        fen: amount.fen,
        role: roleOf(lead, previous && previous.index + previous.length === lastStop ? previous : null),
        period: amount.suffixPeriod ?? periodOf(lead),
      }
      addFigure(figure)
      i = lastStop = i + amount.raw.length
      lastWasArea = false
      continue
    }
    const percent = percentAt(text, i)
    const multiplier = percent ? null : multiplierAt(text, i)
    if (percent || multiplier) {
      const raw = percent ?? multiplier?.raw ?? ''
      addFigure({ kind: 'percent', index: i, length: raw.length, raw })
      i = lastStop = i + raw.length
      lastWasArea = false
      continue
    }
    i++
  }
  return groups
}

function lastAmount(group: Group): AmountFigure | null {
  const last = group.figures[group.figures.length - 1]
  return last?.kind === 'amount' ? last : null
}

function baseMultipleAt(text: string, i: number, end: number) {
  let j = i
  const area = termAt(text, j)
  if (area?.term.kind === 'area') j += area.length
  const concept = termAt(text, j)
  if (concept?.term.kind !== 'concept' || area?.term.kind === 'concept') return null
  j += concept.length
  const multiplier = multiplierAt(text, j)
  if (!multiplier || j + multiplier.raw.length > end) return null
  return { figureIndex: j, ...multiplier }
}

type Outcome =
  | { ok: true; made: Array<{ id: ParameterId; derivation: Derivation; previousFen: number | null; notes: string[]; review: boolean }> }
  | { ok: false; reason: string }
  | { ok: 'multiple'; ids: ParameterId[]; figure: Extract<Figure, { kind: 'multiplier' }> }

const fail = (reason: string): Outcome => ({ ok: false, reason })

/** Combine one subject's figures into values, or say why they cannot be. */
function evaluate(group: Group, ids: ParameterId[], sentence: string): Outcome {
  const amounts = group.figures.filter((f): f is AmountFigure => f.kind === 'amount')
  const others = group.figures.filter((f) => f.kind !== 'amount')
  const percent = others.find((f) => f.kind === 'percent')
  if (percent) return fail(`「${percent.raw}」是比例或倍数，通知没有写明它对应的金额或基数`)
  const unreadable = amounts.find((f) => f.fen === null)
  if (unreadable) return fail(`无法准确识别数字「${unreadable.numeral}」，请人工核对（不做猜测）`)
  const unknown = amounts.find((f) => f.role === 'unknown')
  if (unknown) return fail(`无法判断「${unknown.raw}」是新标准、原标准还是增加额`)
  const multiple = others.find((f): f is Extract<Figure, { kind: 'multiplier' }> => f.kind === 'multiplier')
  if (multiple) {
    if (amounts.length > 0) return fail(`同一项标准既写了金额又写了「${multiple.raw}」，无法确定以哪个为准`)
    if (multiple.thousandths === null) return fail(`无法准确识别倍数「${multiple.raw}」`)
    return { ok: 'multiple', ids, figure: multiple }
  }

  const periods = new Set(amounts.map((f) => f.period).filter((p): p is Period => p !== null))
  if (periods.size > 1) return fail('同一项标准同时出现了按月和按年的数额，无法确定')
  const period: Period | null = [...periods][0] ?? (group.monthlyByName ? 'month' : null)
  const news = dedupe(amounts.filter((f) => f.role === 'to' || f.role === 'plain' || f.role === 'floor'))
  const previous = amounts.filter((f) => f.role === 'from')
  const increases = dedupe(amounts.filter((f) => f.role === 'increase'))
  const several = ids.length > 1
  const labels = ids.map((id) => PARAMETER_LABELS[id]).join('、')

  if (increases.length > 1) return fail(`同一项标准写了多个增加额（${increases.map((f) => f.raw).join('、')}），无法确定`)
  const increase = increases[0] ?? null
  // 分别: the text itself pairs the listed standards with the listed figures, in order.
  const respectively = several && /分别/.test(sentence)
  let assignment: AmountFigure[]
  if (news.length === 1) assignment = ids.map(() => news[0])
  else if (news.length === ids.length && respectively) assignment = news
  else if (news.length > 1) return fail(`同一项标准出现了多个新数额（${news.map((f) => f.raw).join('、')}），无法确定各自对应哪一项`)
  else assignment = []

  let previousFor: Array<AmountFigure | null>
  const extraNotes: string[] = []
  let extraReview = false
  if (previous.length === 0) previousFor = ids.map(() => null)
  else if (previous.length === 1) previousFor = ids.map(() => previous[0])
  else if (previous.length === ids.length && respectively) previousFor = previous
  else if (previous.length === ids.length) {
    previousFor = previous
    extraNotes.push(`原标准${previous.map((f) => f.raw).join('、')}按书写顺序依次对应${labels}，请核对`)
    extraReview = true
  } else {
    previousFor = ids.map(() => null)
    extraNotes.push(
      `通知写了${previous.length}个原标准（${previous.map((f) => f.raw).join('、')}），与${ids.length}项标准对不上，未填写原标准`,
    )
    extraReview = true
  }

  const yearly = period === 'year'
  const toMonthly = (fen: number) => (yearly ? Math.round(fen / 12) : fen)
  const made = ids.map((id, k) => {
    const notes = [...extraNotes]
    let review = extraReview
    const before = previousFor[k]
    const next = assignment[k] ?? null
    let derivation: Derivation
    if (next) {
      const figure: Basis = { raw: next.raw, fen: next.fen as number }
      derivation = yearly ? { kind: 'yearly', figure } : { kind: 'stated', figure }
      if (next.role === 'floor') {
        notes.push(`「不低于」表示下限：${next.raw}是最低标准，实际标准可能更高，请核对`)
        review = true
      }
      if (before && increase && (before.fen as number) + (increase.fen as number) !== next.fen) {
        notes.push(
          `原标准${before.raw}加增加额${increase.raw}为${yuan((before.fen as number) + (increase.fen as number))}，与通知写明的新标准${next.raw}不一致，请核对原文`,
        )
        review = true
      } else if (!before && increase) {
        notes.push(`通知没有写明原标准；按增加额推算，原标准为${yuan(toMonthly((next.fen as number) - (increase.fen as number)))}`)
      }
    } else if (before && increase && !yearly) {
      const figures = {
        previous: { raw: before.raw, fen: before.fen as number },
        increase: { raw: increase.raw, fen: increase.fen as number },
      }
      derivation = { kind: 'increase', ...figures }
      notes.push(
        `通知只写明增加${increase.raw}，没有写明调整后的标准；按原标准${before.raw}加增加额算得${yuan((before.fen as number) + (increase.fen as number))}，请核对`,
      )
      review = true
    } else {
      return null
    }
    if (yearly) {
      const stated = next ? (next.fen as number) : 0
      notes.push(
        `通知写的是每人每年${yuan(stated)}，已按12个月折算为每人每月${yuan(Math.round(stated / 12))}${stated % 12 === 0 ? '' : '（不能整除，已四舍五入到分）'}`,
      )
      review = true
    }
    if (period === null) {
      notes.push('通知没有写明是每月还是每年的数额，按每人每月计，请核对')
      review = true
    }
    if (several && !(respectively && assignment.length === ids.length && news.length > 1)) {
      notes.push(`同一数额适用于多项标准：${labels}`)
      review = true
    }
    return { id, derivation, previousFen: before ? toMonthly(before.fen as number) : null, notes, review }
  })
  if (made.some((m) => m === null)) {
    if (increase && previous.length > 0 && yearly)
      return fail(`只写明按年的原标准和增加额${increase.raw}，没有写明调整后的标准，请人工换算`)
    if (increase && previous.length === 0) return fail(`只写明增加${increase.raw}，没有写明调整后的标准，也没有写明原标准，无法得出新标准`)
    if (previous.length > 0) return fail(`只写明原标准${previous.map((f) => f.raw).join('、')}，没有写明调整后的标准`)
    return fail('没有找到调整后的标准')
  }
  return { ok: true, made: made.filter((m): m is NonNullable<typeof m> => m !== null) }
}

/** The same figure written twice (each as the new value) counts once. */
function dedupe(figures: AmountFigure[]): AmountFigure[] {
  return figures.filter((f, k) => figures.findIndex((g) => g.fen === f.fen && g.period === f.period) === k)
}

/**
 * 精简退职职工救济标准增加30元，其中城市的由…，农村的由…: an increase named before the areas applies
 * to each area the sentence then names for the same standard.
 */
function shareIncreases(groups: Group[]): Group[] {
  const kept: Group[] = []
  for (const [k, group] of groups.entries()) {
    const unresolved = !resolveSubject(group.subject).ok && group.subject.concept !== null && group.subject.areas.length === 0
    const onlyIncreases = group.figures.every((f) => f.kind === 'amount' && f.role === 'increase')
    const heirs = groups.slice(k + 1).filter((g) => g.subject.concept === group.subject.concept && resolveSubject(g.subject).ok)
    if (unresolved && onlyIncreases && heirs.length > 0) {
      for (const heir of heirs)
        if (!heir.figures.some((f) => f.kind === 'amount' && f.role === 'increase')) heir.figures.unshift(...group.figures)
      continue
    }
    kept.push(group)
  }
  return kept
}

export interface Extraction {
  proposals: Proposal[]
  unmatched: Unmatched[]
}

export function extract(input: string, n: NormalisedText, { document, boundaries }: DocumentReading): Extraction {
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
      const outcome = evaluate(group, ids, sentence)
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

  // Multiples last: their base (低保标准) may be set anywhere in the notice.
  for (const { ids, figure, span, group } of multiples) {
    const base = readBase(figure.baseText)
    const floor = /不低于$/.test(n.text.slice(span.from, figure.index - figure.baseText.length).replace(/(?:按|当地|的)+$/, ''))
    for (const id of ids) {
      const area = base.area ?? AREA_OF[id]
      const baseIds =
        base.concept && area ? resolveSubject({ concept: base.concept, areas: [area], mode: null, level: group.subject.level }) : null
      const baseId = baseIds?.ok && baseIds.ids.length === 1 ? baseIds.ids[0] : null
      const baseProposal = baseId ? proposals.find((p) => p.parameterId === baseId) : undefined
      if (!baseId || !baseProposal) {
        reject(
          span,
          `${PARAMETER_LABELS[id]}按「${figure.baseText}${figure.raw}」确定，但本通知没有写明${baseId ? PARAMETER_LABELS[baseId] : '作为基数的标准'}，无法算出金额`,
        )
        continue
      }
      const thousandths = figure.thousandths as number
      const { start, end } = quoteOf(span)
      const amount = Math.round((baseProposal.amountFen * thousandths) / 1000)
      const notes = [`按${baseProposal.label}${yuan(baseProposal.amountFen)}的${thousandths / 1000}倍推算为${yuan(amount)}，请核对`]
      if (floor) notes.push('「不低于」表示下限：推算的是最低标准，实际标准可能更高')
      if (ids.length > 1) notes.push(`同一规则适用于多项标准：${ids.map((i) => PARAMETER_LABELS[i]).join('、')}`)
      proposals.push(
        makeProposal({
          input,
          quoteStart: start,
          quoteEnd: end,
          parameterId: id,
          derivation: { kind: 'multiple', raw: figure.raw, thousandths, baseFen: baseProposal.amountFen },
          previousAmountFen: null,
          effectiveFrom: effectiveOf(span),
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
