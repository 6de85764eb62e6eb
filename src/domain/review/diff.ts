// The review page's diff, in words a person reads: 「城市低保 660 → 890 元/人/月，自2023年1月1日起」,
// 「新增来源：…」, 「常见问题“…”的回答改为：…」. Compares the published pack with the drafted one.
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import type { ContentPack } from '../schema'
import { describeServiceChange } from './service-diff'
import { before, newValues } from './values'

export type ChangeKind = 'value' | 'source' | 'faq' | 'policy' | 'service'

export interface Change {
  kind: ChangeKind
  text: string
  /** the words of the source behind a changed value */
  quote?: string
}

export function describeChanges(base: ContentPack, next: ContentPack): Change[] {
  const changes: Change[] = []
  for (const parameter of next.parameters) {
    const old = base.parameters.find((p) => p.id === parameter.id)
    for (const value of newValues(old, parameter)) {
      const previous = before(old, value.effectiveFrom)
      const from = previous ? `${formatYuan(previous.amountFen)} → ` : '新增 '
      changes.push({
        kind: 'value',
        text: `${parameter.shortLabel} ${from}${formatYuan(value.amountFen)} ${parameter.unit}，自${formatChineseDate(value.effectiveFrom)}起`,
        quote: value.reference.quote,
      })
    }
  }
  for (const source of next.sources) {
    if (!base.sources.some((s) => s.id === source.id))
      changes.push({
        kind: 'source',
        text: `新增来源：${source.docNumber}《${source.title}》（${source.issuer}，${formatChineseDate(source.issuedOn)}）`,
      })
  }
  for (const faq of next.faq) {
    const old = base.faq.find((f) => f.id === faq.id)
    if (!old) changes.push({ kind: 'faq', text: `新增常见问题“${faq.question}”：${faq.answer}` })
    else {
      if (old.question !== faq.question) changes.push({ kind: 'faq', text: `常见问题“${old.question}”改为“${faq.question}”` })
      if (old.answer !== faq.answer) changes.push({ kind: 'faq', text: `常见问题“${faq.question}”的回答改为：${faq.answer}` })
    }
  }
  for (const policy of next.policies) {
    const old = base.policies.find((p) => p.id === policy.id)
    if (old && old.summary !== policy.summary)
      changes.push({ kind: 'policy', text: `政策《${policy.title}》的摘要改为：${policy.summary}` })
  }
  for (const service of next.services) {
    const old = base.services.find((s) => s.id === service.id)
    for (const text of describeServiceChange(old, service)) changes.push({ kind: 'service', text })
  }
  return changes
}
