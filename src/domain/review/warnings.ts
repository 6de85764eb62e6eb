// Plausibility warnings a reviewer must tick before publishing: none of them is necessarily wrong,
// each is worth a second look. Keys are stable so the publish request can name what was confirmed.
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import type { ContentPack, Parameter } from '../schema'
import { derivationKey } from './apply'
import type { DraftContent } from './draft'
import { before, inForce, newValues, quoteStates } from './values'

export interface Warning {
  key: string
  message: string
}

/** A change of more than this share against the previous value needs a confirmation. */
export const LARGE_CHANGE = 0.3

/** 补差 (average top-up) parameters and the standard each must not exceed. */
const TOPUP_OF: Record<string, string> = {
  'dibao-urban-average-topup': 'dibao-urban-standard',
  'dibao-rural-average-topup': 'dibao-rural-standard',
}

/** 特困 support and the 低保 standard of the same area it must not fall below. */
const TEKUN_ABOVE: Record<string, string> = {
  'tekun-urban-support': 'dibao-urban-standard',
  'tekun-rural-centralized': 'dibao-rural-standard',
  'tekun-rural-dispersed': 'dibao-rural-standard',
}

export function plausibilityWarnings(base: ContentPack, next: ContentPack, draft: DraftContent): Warning[] {
  const warnings: Warning[] = []
  const byId = new Map(next.parameters.map((p) => [p.id, p]))
  const changedDates = new Set<string>()
  for (const parameter of next.parameters) {
    const old = base.parameters.find((p) => p.id === parameter.id)
    for (const value of newValues(old, parameter)) {
      changedDates.add(value.effectiveFrom)
      const previous = before(parameter, value.effectiveFrom)
      if (!previous) continue
      const when = formatChineseDate(value.effectiveFrom)
      const [a, b] = [formatYuan(previous.amountFen), formatYuan(value.amountFen)]
      if (value.amountFen < previous.amountFen) {
        warnings.push({
          key: `lower:${parameter.id}:${value.effectiveFrom}`,
          message: `${parameter.shortLabel}自${when}起为 ${b} 元，低于此前的 ${a} 元：标准一般只升不降，请核对`,
        })
      }
      const ratio = previous.amountFen === 0 ? Infinity : Math.abs(value.amountFen - previous.amountFen) / previous.amountFen
      if (ratio > LARGE_CHANGE) {
        warnings.push({
          key: `change:${parameter.id}:${value.effectiveFrom}`,
          message: `${parameter.shortLabel}由 ${a} 元变为 ${b} 元，变化超过 ${Math.round(LARGE_CHANGE * 100)}%（${Math.round(ratio * 100)}%），请核对是否多写或少写了位数`,
        })
      }
    }
  }
  for (const date of [...changedDates].sort()) {
    const when = formatChineseDate(date)
    for (const [topupId, standardId] of Object.entries(TOPUP_OF)) {
      const [topup, standard] = [valueAt(byId.get(topupId), date), valueAt(byId.get(standardId), date)]
      if (topup && standard && topup.amount > standard.amount) {
        warnings.push({
          key: `topup:${topupId}:${date}`,
          message: `${when}起${topup.label} ${formatYuan(topup.amount)} 元高于${standard.label} ${formatYuan(standard.amount)} 元：补差不应超过标准本身`,
        })
      }
    }
    for (const [tekunId, dibaoId] of Object.entries(TEKUN_ABOVE)) {
      const [tekun, dibao] = [valueAt(byId.get(tekunId), date), valueAt(byId.get(dibaoId), date)]
      if (tekun && dibao && tekun.amount < dibao.amount) {
        warnings.push({
          key: `tekun:${tekunId}:${date}`,
          message: `${when}起${tekun.label} ${formatYuan(tekun.amount)} 元低于${dibao.label} ${formatYuan(dibao.amount)} 元：特困供养标准不应低于低保标准`,
        })
      }
    }
  }
  for (const value of draft.notice?.values ?? []) {
    if (value.decision === 'dropped' || quoteStates(value.quote, value.amountFen)) continue
    const label = byId.get(value.parameterId)?.shortLabel ?? value.parameterId
    const why = value.decision === 'corrected' ? `已由 ${value.correctedBy ?? '编辑'} 更正` : '是由原文推算的'
    const notes = value.notes.length ? `（${value.notes.join('；')}）` : ''
    warnings.push({
      key: derivationKey(value),
      message: `${label} ${formatYuan(value.amountFen)} 元在引文中没有写明，${why}${notes}：发布即由您确认这个数字`,
    })
  }
  for (const value of draft.notice?.values ?? []) {
    if (value.decision !== 'dropped' && value.needsReview && quoteStates(value.quote, value.amountFen)) {
      const label = byId.get(value.parameterId)?.shortLabel ?? value.parameterId
      warnings.push({ key: `review:${value.parameterId}`, message: `${label}：${value.notes.join('；') || '识别时标记为需要人工核对'}` })
    }
  }
  return warnings
}

function valueAt(parameter: Parameter | undefined, date: string): { label: string; amount: number } | null {
  const value = inForce(parameter, date)
  return parameter && value ? { label: parameter.shortLabel, amount: value.amountFen } : null
}
