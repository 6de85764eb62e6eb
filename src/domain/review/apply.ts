// Applying a draft to a published pack gives the pack to validate and publish. Pure: the console
// server, the review page and the tests all use this one function.
import { formatYuan } from '../money'
import type { ContentPack, DatedValue, Parameter } from '../schema'
import type { DraftContent, DraftNotice, DraftValue, ServiceEdit } from './draft'
import { serviceGuideProblems, serviceGuideSchema } from './service-edit'

export interface ApplyOptions {
  /** today in Asia/Shanghai: the values were checked against their source today */
  today: string
  /** the meta.version label of the new pack */
  version: string
  /** the reviewer confirming derivations (publish); null while only previewing */
  reviewer: string | null
  /** warning keys the reviewer confirmed (see warnings.ts), including derivation:<parameterId> */
  confirmed: ReadonlySet<string>
}

/** Problems that stop a draft before the validator runs (missing metadata, unknown ids). */
export interface DraftProblem {
  field: string
  message: string
}

export const derivationKey = (value: Pick<DraftValue, 'parameterId'>): string => `derivation:${value.parameterId}`

export function applyDraft(base: ContentPack, draft: DraftContent, options: ApplyOptions): { pack: ContentPack; problems: DraftProblem[] } {
  const pack = structuredClone(base)
  const problems: DraftProblem[] = []
  pack.meta.version = options.version
  if (draft.notice) applyNotice(pack, draft.notice, options, problems)
  for (const edit of draft.faq) {
    const at = pack.faq.findIndex((f) => f.id === edit.id)
    if (at >= 0) pack.faq[at] = { ...edit }
    else pack.faq.push({ ...edit })
  }
  draft.policySummaries.forEach((edit, i) => {
    const policy = pack.policies.find((p) => p.id === edit.policyId)
    if (!policy) problems.push({ field: `policySummaries[${i}].policyId`, message: `没有政策“${edit.policyId}”` })
    else policy.summary = edit.summary
  })
  draft.services.forEach((edit, i) => applyService(pack, edit, `services[${i}]`, problems))
  return { pack, problems }
}

function applyService(pack: ContentPack, edit: ServiceEdit, at: string, problems: DraftProblem[]): void {
  const service = pack.services.find((s) => s.id === edit.id)
  if (!service) {
    const found = serviceGuideProblems(edit, at)
    if (found.length) problems.push(...found)
    else pack.services.push({ ...structuredClone(serviceGuideSchema.parse(edit)), relatedParameterIds: [] })
    return
  }
  // only the fields the draft holds (a draft saved before the form may hold a few)
  const given = Object.entries(structuredClone(edit)).filter(([key, value]) => key !== 'id' && value !== undefined)
  Object.assign(service, Object.fromEntries(given))
}

function applyNotice(pack: ContentPack, notice: DraftNotice, options: ApplyOptions, problems: DraftProblem[]): void {
  const required: [keyof DraftNotice, string][] = [
    ['docNumber', '文号'],
    ['title', '标题'],
    ['issuer', '发文机关'],
    ['issuedOn', '印发日期'],
    ['location', '原文出处（网址或公报期号）'],
  ]
  for (const [field, label] of required) {
    const value = notice[field]
    if (value === null || (typeof value === 'string' && value.trim() === ''))
      problems.push({ field: `notice.${field}`, message: `请填写${label}` })
  }
  if (pack.sources.some((s) => s.id === notice.sourceId)) {
    problems.push({ field: 'notice.sourceId', message: `来源编号“${notice.sourceId}”已被使用，请换一个` })
  }
  const issuedOn = notice.issuedOn ?? options.today
  pack.sources.push({
    id: notice.sourceId,
    docNumber: notice.docNumber.trim() || '（未填写文号）',
    title: notice.title.trim() || '（未填写标题）',
    issuer: notice.issuer.trim() || '（未填写发文机关）',
    issuedOn,
    kind: 'notice',
    textId: notice.sourceId,
    location: notice.location.trim() || '（未填写出处）',
    ...(/^https?:\/\//.test(notice.location.trim()) ? { url: notice.location.trim() } : {}),
  })
  notice.values.forEach((value, i) => {
    if (value.decision === 'dropped') return
    const parameter = pack.parameters.find((p) => p.id === value.parameterId)
    if (!parameter) {
      problems.push({ field: `notice.values[${i}].parameterId`, message: `没有救助标准“${value.parameterId}”` })
      return
    }
    const effectiveFrom = value.effectiveFrom ?? notice.effectiveFrom
    if (!effectiveFrom) {
      problems.push({ field: `notice.values[${i}].effectiveFrom`, message: `请填写${parameter.shortLabel}的执行日期` })
      return
    }
    insertValue(parameter, {
      effectiveFrom,
      effectiveFromBasis: 'stated',
      publishedOn: issuedOn,
      amountFen: value.amountFen,
      lastVerifiedOn: options.today,
      reference: {
        sourceId: notice.sourceId,
        docNumber: notice.docNumber.trim() || '（未填写文号）',
        article: value.article.trim() || '正文',
        quote: value.quote,
      },
      ...derivationFor(value, options),
    })
  })
}

/** A figure the quote does not state is published only with a reviewer's confirmation on record. */
function derivationFor(value: DraftValue, options: ApplyOptions): Pick<DatedValue, 'derivation'> {
  if (!options.reviewer || !options.confirmed.has(derivationKey(value))) return {}
  const how =
    value.decision === 'corrected'
      ? `由 ${value.correctedBy ?? '编辑'} 将识别出的 ${value.proposedAmountFen === null ? '—' : formatYuan(value.proposedAmountFen)} 元更正为 ${formatYuan(value.amountFen)} 元`
      : `由原文推算为 ${formatYuan(value.amountFen)} 元`
  const notes = value.notes.length ? `（${value.notes.join('；')}）` : ''
  return { derivation: { explanation: `${how}${notes}`, confirmedBy: options.reviewer } }
}

/** In date order; a value on the same day as an existing one replaces it (a corrected notice). */
function insertValue(parameter: Parameter, value: DatedValue): void {
  const same = parameter.values.findIndex((v) => v.effectiveFrom === value.effectiveFrom)
  if (same >= 0) {
    parameter.values[same] = value
    return
  }
  parameter.values.push(value)
  parameter.values.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
}
