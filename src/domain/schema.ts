// The content pack: everything the app shows, as one versioned, validated document.
// These schemas are the contract between content/ (sources), the build script, the server and the app.
import { z } from 'zod'
import { isoDateProblem } from './dates'

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .superRefine((value, ctx) => {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDateProblem(value) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符')

/** A document or law that figures and rules are taken from. */
export const sourceSchema = z.object({
  id,
  /** 文号, e.g. 景府办字〔2019〕35号, or 国务院令第649号 */
  docNumber: z.string().min(1),
  title: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: isoDate,
  /**
   * gazette: printed in a gazette issue whose full text we hold (textId), among other documents;
   * notice: a notice whose own full text we hold (textId), e.g. one pasted into the editor console;
   * external: a law or document we cite but do not hold. Quotes of gazette and notice sources must
   * appear verbatim in their text.
   */
  kind: z.enum(['gazette', 'notice', 'external']),
  /** the id of the full text (content/source/<textId>.txt, or stored with a publish) */
  textId: id.optional(),
  /** where a person can read it: the gazette issue and page, or an official URL */
  location: z.string().min(1),
  url: z.string().optional(),
})
export type Source = z.infer<typeof sourceSchema>

/** Where one figure or rule comes from: which document, which article, and the exact words. */
export const referenceSchema = z.object({
  sourceId: id,
  docNumber: z.string().min(1),
  /** 条款, e.g. （一） or 第九条 */
  article: z.string().min(1),
  /** the sentence of the source, verbatim (whitespace aside) */
  quote: z.string().min(1),
  /** the meeting that approved it, where the source states one */
  approvedBy: z.string().optional(),
})
export type Reference = z.infer<typeof referenceSchema>

/**
 * A figure the source does not state outright. Either its arithmetic is checkable (terms: signed
 * amounts in 分, each stated in the quote, that sum to the value) or a reviewer confirmed it.
 */
export const derivationSchema = z.object({
  /** how the figure follows from the source, in words */
  explanation: z.string().min(1),
  terms: z.array(z.number().int()).min(1).optional(),
  /** who confirmed a derivation the arithmetic cannot express (e.g. a yearly figure ÷ 12) */
  confirmedBy: z.string().min(1).optional(),
})

export const datedValueSchema = z.object({
  /** the value holds from this date until the next dated entry */
  effectiveFrom: isoDate,
  /** stated: the source gives this date; assumed: the source does not, see effectiveNote */
  effectiveFromBasis: z.enum(['stated', 'assumed']),
  effectiveNote: z.string().optional(),
  /** the date of the document that made the value known (may be after effectiveFrom) */
  publishedOn: isoDate,
  amountFen: z.number().int().nonnegative(),
  /** how the figure was read when the quote does not state it outright */
  derivation: derivationSchema.optional(),
  /** when a person last checked this value against its source */
  lastVerifiedOn: isoDate,
  reference: referenceSchema,
})
export type DatedValue = z.infer<typeof datedValueSchema>

export const parameterGroupSchema = z.enum(['dibao', 'tekun', 'care', 'jingjian'])
export type ParameterGroup = z.infer<typeof parameterGroupSchema>
export const areaSchema = z.enum(['urban', 'rural'])
export type Area = z.infer<typeof areaSchema>

export const regionSchema = z.object({
  /** 行政区划代码 */
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
})

export const parameterSchema = z.object({
  id,
  label: z.string().min(1),
  /** a short form for cards, e.g. 城市低保 */
  shortLabel: z.string().min(1),
  group: parameterGroupSchema,
  area: areaSchema.optional(),
  unit: z.literal('元/人/月'),
  region: regionSchema,
  description: z.string().min(1),
  values: z.array(datedValueSchema).min(1),
})
export type Parameter = z.infer<typeof parameterSchema>

export const tableSchema = z.object({
  title: z.string().optional(),
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(z.string())),
})
export type Table = z.infer<typeof tableSchema>

export const sectionSchema = z.object({
  id,
  heading: z.string().min(1),
  /** paragraphs of the original text, in order */
  paragraphs: z.array(z.string()),
  tables: z.array(tableSchema).default([]),
})
export type Section = z.infer<typeof sectionSchema>

export const milestoneSchema = z.object({
  /** the deadline or target date */
  date: isoDate,
  title: z.string().min(1),
  /** the words of the document that set it */
  quote: z.string().min(1),
  responsible: z.string().optional(),
})
export type Milestone = z.infer<typeof milestoneSchema>

export const keyPointSchema = z.object({
  kind: z.enum(['for-me', 'who', 'when', 'what']),
  text: z.string().min(1),
})

export const policySchema = z.object({
  id,
  sourceId: id,
  title: z.string().min(1),
  docNumber: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: isoDate,
  openness: z.string().min(1),
  topics: z.array(z.string().min(1)).min(1),
  /** plain-language summary written for residents */
  summary: z.string().min(1),
  keyPoints: z.array(keyPointSchema).min(1),
  milestones: z.array(milestoneSchema),
  sections: z.array(sectionSchema).min(1),
})
export type Policy = z.infer<typeof policySchema>

export const newsSchema = z.object({
  id,
  title: z.string().min(1),
  date: isoDate,
  source: z.string().min(1),
  paragraphs: z.array(z.string().min(1)).min(1),
})
export type News = z.infer<typeof newsSchema>

export const serviceModeSchema = z.enum(['yici-bupao', 'zhi-pao-yici', 'onsite'])
export type ServiceMode = z.infer<typeof serviceModeSchema>

export const materialSchema = z.object({
  id,
  name: z.string().min(1),
  copies: z.number().int().positive(),
  form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']),
  note: z.string().optional(),
})

export const serviceSchema = z.object({
  id,
  name: z.string().min(1),
  department: z.string().min(1),
  mode: serviceModeSchema,
  /** 服务对象 */
  applicants: z.string().min(1),
  conditions: z.array(z.string().min(1)).min(1),
  materials: z.array(materialSchema),
  steps: z.array(z.object({ title: z.string().min(1), detail: z.string().min(1) })).min(1),
  timeLimit: z.object({ statutory: z.string().min(1), promised: z.string().min(1) }),
  fee: z.string().min(1),
  channels: z
    .array(
      z.object({
        kind: z.enum(['online', 'window', 'phone', 'mail']),
        name: z.string().min(1),
        detail: z.string().min(1),
      }),
    )
    .min(1),
  legalBasis: z.array(z.string().min(1)).min(1),
  office: z.object({
    name: z.string().min(1),
    address: z.string().min(1),
    hours: z.string().min(1),
    phone: z.string().min(1),
  }),
  relatedParameterIds: z.array(id).default([]),
  source: z.object({
    /** what the facts were taken from */
    description: z.string().min(1),
    verified: z.boolean(),
    /** the reform document that sets the mode */
    reformRef: z.string().optional(),
  }),
})
export type Service = z.infer<typeof serviceSchema>

export const faqSchema = z.object({
  id,
  question: z.string().min(1),
  answer: z.string().min(1),
  /** what the answer rests on: parameter ids, policy ids or source ids */
  basedOn: z.array(id).min(1),
})
export type Faq = z.infer<typeof faqSchema>

export const SECTION_NAMES = ['parameters', 'policies', 'services', 'faq', 'news', 'sources'] as const
export type SectionName = (typeof SECTION_NAMES)[number]
export const sectionNameSchema = z.enum(SECTION_NAMES)

export const packMetaSchema = z.object({
  /** monotonically increasing label, e.g. 2019.6-1 */
  version: z.string().min(1).max(64),
  title: z.string().min(1),
  /** the content is current as of this date (shown as 数据截至 …) */
  asOf: isoDate,
})

export const contentPackSchema = z.object({
  meta: packMetaSchema,
  sources: z.array(sourceSchema),
  parameters: z.array(parameterSchema),
  policies: z.array(policySchema),
  services: z.array(serviceSchema),
  faq: z.array(faqSchema),
  news: z.array(newsSchema),
})
export type ContentPack = z.infer<typeof contentPackSchema>

/** What a client needs to know which sections to (re)download. */
export const manifestSchema = z.object({
  version: z.string(),
  publishedAt: z.string(),
  asOf: isoDate,
  sections: z.record(sectionNameSchema, z.object({ hash: z.string(), bytes: z.number().int().nonnegative() })),
})
export type Manifest = z.infer<typeof manifestSchema>

/** Section payload schemas, for validating one downloaded section on its own. */
export const sectionSchemas = {
  parameters: contentPackSchema.shape.parameters,
  policies: contentPackSchema.shape.policies,
  services: contentPackSchema.shape.services,
  faq: contentPackSchema.shape.faq,
  news: contentPackSchema.shape.news,
  sources: contentPackSchema.shape.sources,
} as const satisfies Record<SectionName, z.ZodType>
