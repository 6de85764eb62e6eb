// What an editor's draft holds: structured fields only (a pasted notice with the values read from
// it, FAQ entries, policy summaries, service-guide fields), never a raw content pack. A draft is a
// change to apply to a published version, so it can be re-applied to a newer one (rebase).
import { z } from 'zod'
import { id, isoDate } from '../schema'
import { serviceGuideSchema } from './service-edit'

export const valueDecisionSchema = z.enum(['accepted', 'corrected', 'dropped'])

/** One value the notice sets, as the extractor proposed it and the editor decided. */
export const draftValueSchema = z.object({
  parameterId: id,
  label: z.string().default(''),
  amountFen: z.number().int().nonnegative(),
  /** what the extractor read; differs from amountFen when corrected */
  proposedAmountFen: z.number().int().nonnegative().nullable().default(null),
  previousAmountFen: z.number().int().nonnegative().nullable().default(null),
  effectiveFrom: z.nullable(isoDate).default(null),
  /** verbatim from the notice text; kept when the value is corrected */
  quote: z.string().min(1, '引文不能为空'),
  quoteStart: z.number().int().nonnegative().nullable().default(null),
  quoteEnd: z.number().int().nonnegative().nullable().default(null),
  article: z.string().default(''),
  decision: valueDecisionSchema,
  /** who corrected the figure, when decision is corrected */
  correctedBy: z.string().nullable().default(null),
  notes: z.array(z.string()).default([]),
  needsReview: z.boolean().default(false),
})
export type DraftValue = z.infer<typeof draftValueSchema>

export const draftNoticeSchema = z.object({
  text: z.string().min(1, '通知全文不能为空').max(200_000, '通知全文太长（最多 20 万字）'),
  /** the source (and text) id the published values will cite */
  sourceId: id,
  docNumber: z.string().default(''),
  title: z.string().default(''),
  issuer: z.string().default(''),
  issuedOn: z.nullable(isoDate).default(null),
  effectiveFrom: z.nullable(isoDate).default(null),
  /** where a resident can read it (a URL or the gazette issue) */
  location: z.string().default(''),
  values: z.array(draftValueSchema).default([]),
  unmatched: z.array(z.object({ quote: z.string(), reason: z.string() })).default([]),
})
export type DraftNotice = z.infer<typeof draftNoticeSchema>

export const faqEditSchema = z.object({
  id,
  question: z.string().trim().min(1, '请填写问题'),
  answer: z.string().trim().min(1, '请填写回答'),
  basedOn: z.array(id).min(1, '请至少写一个依据（标准、政策或来源的 id）'),
})

export const policySummaryEditSchema = z.object({ policyId: id, summary: z.string().trim().min(1, '摘要不能为空') })

/**
 * A service guide as drafted: the console sends every field (serviceGuideSchema); a draft saved
 * before the form existed may hold only some, and those are the ones applied. An id not yet published
 * is a new guide, which must be complete.
 */
export const serviceEditSchema = serviceGuideSchema.partial().extend({ id: serviceGuideSchema.shape.id })
export type ServiceEdit = z.infer<typeof serviceEditSchema>

export const draftContentSchema = z.object({
  notice: draftNoticeSchema.nullable().default(null),
  faq: z.array(faqEditSchema).default([]),
  policySummaries: z.array(policySummaryEditSchema).default([]),
  services: z.array(serviceEditSchema).default([]),
})
export type DraftContent = z.infer<typeof draftContentSchema>

export const emptyDraft = (): DraftContent => draftContentSchema.parse({})
