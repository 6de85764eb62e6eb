// One subject's figures combined by role into proposed values (new, previous, increase, period), with
// the notes and review flags a reviewer needs, or the reason they cannot be combined.
import { formatYuan } from '../money'
import type { AmountFigure, Figure, Period } from './figures'
import type { Basis, Derivation } from './proposal'
import type { Group } from './read-sentence'
import { PARAMETER_LABELS, type ParameterId } from './vocabulary'

const yuan = (fen: number) => `${formatYuan(fen)}元`

export type Outcome =
  | { ok: true; made: Array<{ id: ParameterId; derivation: Derivation; previousFen: number | null; notes: string[]; review: boolean }> }
  | { ok: false; reason: string }
  | { ok: 'multiple'; ids: ParameterId[]; figure: Extract<Figure, { kind: 'multiplier' }> }

const fail = (reason: string): Outcome => ({ ok: false, reason })

/** Combine one subject's figures into values, or say why they cannot be. */
export function evaluate(group: Group, ids: ParameterId[], sentence: string, effectiveYear: number | null): Outcome {
  const amounts = group.figures.filter((f): f is AmountFigure => f.kind === 'amount')
  const others = group.figures.filter((f) => f.kind !== 'amount')
  // A percentage beside a stated new amount (提高到700元，增长6.1%) only describes it; alone it sets nothing.
  const percent = others.find((f) => f.kind === 'percent')
  const statesNew = amounts.some((f) => f.role === 'to' || f.role === 'plain' || f.role === 'floor')
  if (percent && !statesNew) return fail(`「${percent.raw}」是比例或倍数，通知没有写明它对应的金额或基数`)
  const unreadable = amounts.find((f) => f.fen === null)
  if (unreadable) return fail(`无法准确识别数字「${unreadable.numeral}」，请人工核对（不做猜测）`)
  return combineRead(group, ids, sentence, effectiveYear, amounts.filter(isRead), percent)
}

/** 去年 / 上年, or a year before the one the values take effect in, if the sentence names one. */
function pastYearIn(sentence: string, effectiveYear: number | null): string | null {
  const relative = /去年|上年|上一年度|原标准/.exec(sentence)
  if (relative) return relative[0]
  if (effectiveYear === null) return null
  for (const m of sentence.matchAll(/(\d{4})年/g)) if (Number(m[1]) < effectiveYear) return m[0]
  return null
}

/** An amount whose numeral was read exactly. */
type ReadAmount = AmountFigure & { fen: number }
const isRead = (f: AmountFigure): f is ReadAmount => f.fen !== null
const basis = (f: ReadAmount): Basis => ({ raw: f.raw, fen: f.fen })

function combineRead(
  group: Group,
  ids: ParameterId[],
  sentence: string,
  effectiveYear: number | null,
  amounts: ReadAmount[],
  percent: Figure | undefined,
): Outcome {
  const others = group.figures.filter((f) => f.kind !== 'amount')
  const unknown = amounts.find((f) => f.role === 'unknown')
  if (unknown) return fail(`无法判断「${unknown.raw}」是新标准、原标准还是增加额`)
  const percentNote = percent ? [`通知另写明「${percent.raw}」，未用于计算`] : []
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

  // 「2018年城市低保标准为每人每月600元」 states an old standard with the same words as a new one: a
  // bare statement (no 提高到/调整为) in a sentence about last year or an earlier year is not placed.
  const pastYear = pastYearIn(sentence, effectiveYear)
  const [firstNew] = news
  if (firstNew && news.every((f) => f.role === 'plain') && pastYear)
    return fail(`句中提到「${pastYear}」，无法确定「${firstNew.raw}」是新标准还是以往的标准`)
  if (increases.length > 1) return fail(`同一项标准写了多个增加额（${increases.map((f) => f.raw).join('、')}），无法确定`)
  const increase = increases[0] ?? null
  // 分别: the text itself pairs the listed standards with the listed figures, in order.
  const respectively = several && /分别/.test(sentence)
  let assignment: ReadAmount[]
  if (news.length === 1 && firstNew) assignment = ids.map(() => firstNew)
  else if (news.length === ids.length && respectively) assignment = news
  else if (news.length > 1) return fail(`同一项标准出现了多个新数额（${news.map((f) => f.raw).join('、')}），无法确定各自对应哪一项`)
  else assignment = []

  let previousFor: Array<ReadAmount | null>
  const extraNotes: string[] = [...percentNote]
  let extraReview = false
  const [firstPrevious] = previous
  if (!firstPrevious) previousFor = ids.map(() => null)
  else if (previous.length === 1) previousFor = ids.map(() => firstPrevious)
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
      const figure = basis(next)
      derivation = yearly ? { kind: 'yearly', figure } : { kind: 'stated', figure }
      if (next.role === 'floor') {
        notes.push(`「不低于」表示下限：${next.raw}是最低标准，实际标准可能更高，请核对`)
        review = true
      }
      if (before && increase && before.fen + increase.fen !== next.fen) {
        notes.push(
          `原标准${before.raw}加增加额${increase.raw}为${yuan(before.fen + increase.fen)}，与通知写明的新标准${next.raw}不一致，请核对原文`,
        )
        review = true
      } else if (!before && increase) {
        notes.push(`通知没有写明原标准；按增加额推算，原标准为${yuan(toMonthly(next.fen - increase.fen))}`)
      }
    } else if (before && increase && !yearly) {
      derivation = { kind: 'increase', previous: basis(before), increase: basis(increase) }
      notes.push(
        `通知只写明增加${increase.raw}，没有写明调整后的标准；按原标准${before.raw}加增加额算得${yuan(before.fen + increase.fen)}，请核对`,
      )
      review = true
    } else {
      return null
    }
    if (yearly) {
      const stated = next ? next.fen : 0
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
    return { id, derivation, previousFen: before ? toMonthly(before.fen) : null, notes, review }
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
function dedupe(figures: ReadAmount[]): ReadAmount[] {
  return figures.filter((f, k) => figures.findIndex((g) => g.fen === f.fen && g.period === f.period) === k)
}
