// The content pack: everything the app shows, as one versioned, validated document.
// These schemas are the contract between content/ (sources), the build script, the server and the app.
// Written with zod/mini: the phone validates its cache with them on the first screen, and mini's
// functions leave out what they do not use (≈25 KB gzip less than zod's classic API). The server's
// classic schemas wrap these (z.optional(isoDate), z.object(policySchema.shape).pick(…)).
import * as z from 'zod/mini'
import { isoDateProblem } from './dates'

export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.superRefine((value, ctx) => {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDateProblem(value) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value })
  }),
)

export const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符'))

/** a required text: at least one character */
const text = () => z.string().check(z.minLength(1))
/** a list that may not be empty */
const nonEmpty = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1))

/** A document or law that figures and rules are taken from. */
export const sourceSchema = z.object({
  id,
  /** 文号, e.g. 景府办字〔2019〕35号, or 国务院令第649号 */
  docNumber: text(),
  title: text(),
  issuer: text(),
  issuedOn: isoDate,
  /**
   * gazette: printed in a gazette issue whose full text we hold (textId), among other documents;
   * notice: a notice whose own full text we hold (textId), e.g. one pasted into the editor console;
   * external: a law or document we cite but do not hold. Quotes of gazette and notice sources must
   * appear verbatim in their text.
   */
  kind: z.enum(['gazette', 'notice', 'external']),
  /** the id of the full text (content/source/<textId>.txt, or stored with a publish) */
  textId: z.optional(id),
  /** where a person can read it: the gazette issue and page, or an official URL */
  location: text(),
  url: z.optional(z.string()),
})
export type Source = z.infer<typeof sourceSchema>

/** Where one figure or rule comes from: which document, which article, and the exact words. */
export const referenceSchema = z.object({
  sourceId: id,
  docNumber: text(),
  /** 条款, e.g. （一） or 第九条 */
  article: text(),
  /** the sentence of the source, verbatim (whitespace aside) */
  quote: text(),
  /** the meeting that approved it, where the source states one */
  approvedBy: z.optional(z.string()),
})
export type Reference = z.infer<typeof referenceSchema>

/**
 * A figure the source does not state outright. Either its arithmetic is checkable (terms: signed
 * amounts in 分, each stated in the quote, that sum to the value) or a reviewer confirmed it.
 */
export const derivationSchema = z.object({
  /** how the figure follows from the source, in words */
  explanation: text(),
  terms: z.optional(nonEmpty(z.int())),
  /** who confirmed a derivation the arithmetic cannot express (e.g. a yearly figure ÷ 12) */
  confirmedBy: z.optional(text()),
})

export const datedValueSchema = z.object({
  /** the value holds from this date until the next dated entry */
  effectiveFrom: isoDate,
  /** stated: the source gives this date; assumed: the source does not, see effectiveNote */
  effectiveFromBasis: z.enum(['stated', 'assumed']),
  effectiveNote: z.optional(z.string()),
  /** the date of the document that made the value known (may be after effectiveFrom) */
  publishedOn: isoDate,
  amountFen: z.int().check(z.nonnegative()),
  /** how the figure was read when the quote does not state it outright */
  derivation: z.optional(derivationSchema),
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
  code: z.string().check(z.regex(/^\d{6}$/)),
  name: text(),
})

export const parameterSchema = z.object({
  id,
  label: text(),
  /** a short form for cards, e.g. 城市低保 */
  shortLabel: text(),
  group: parameterGroupSchema,
  area: z.optional(areaSchema),
  unit: z.literal('元/人/月'),
  region: regionSchema,
  description: text(),
  values: nonEmpty(datedValueSchema),
})
export type Parameter = z.infer<typeof parameterSchema>

export const tableSchema = z.object({
  title: z.optional(z.string()),
  columns: nonEmpty(z.string()),
  rows: z.array(z.array(z.string())),
})
export type Table = z.infer<typeof tableSchema>

export const sectionSchema = z.object({
  id,
  heading: text(),
  /** paragraphs of the original text, in order */
  paragraphs: z.array(z.string()),
  tables: z._default(z.array(tableSchema), []),
})
export type Section = z.infer<typeof sectionSchema>

export const milestoneSchema = z.object({
  /** the deadline or target date */
  date: isoDate,
  title: text(),
  /** the words of the document that set it */
  quote: text(),
  responsible: z.optional(z.string()),
})
export type Milestone = z.infer<typeof milestoneSchema>

export const keyPointSchema = z.object({
  kind: z.enum(['for-me', 'who', 'when', 'what']),
  text: text(),
})

export const policySchema = z.object({
  id,
  sourceId: id,
  title: text(),
  docNumber: text(),
  issuer: text(),
  issuedOn: isoDate,
  openness: text(),
  topics: nonEmpty(text()),
  /** plain-language summary written for residents */
  summary: text(),
  keyPoints: nonEmpty(keyPointSchema),
  milestones: z.array(milestoneSchema),
  sections: nonEmpty(sectionSchema),
})
export type Policy = z.infer<typeof policySchema>

export const newsSchema = z.object({
  id,
  title: text(),
  date: isoDate,
  source: text(),
  paragraphs: nonEmpty(text()),
})
export type News = z.infer<typeof newsSchema>

export const serviceModeSchema = z.enum(['yici-bupao', 'zhi-pao-yici', 'onsite'])
export type ServiceMode = z.infer<typeof serviceModeSchema>

export const materialSchema = z.object({
  id,
  name: text(),
  copies: z.int().check(z.positive()),
  form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']),
  note: z.optional(z.string()),
})

export const serviceSchema = z.object({
  id,
  name: text(),
  department: text(),
  mode: serviceModeSchema,
  /** 服务对象 */
  applicants: text(),
  conditions: nonEmpty(text()),
  materials: z.array(materialSchema),
  steps: nonEmpty(z.object({ title: text(), detail: text() })),
  timeLimit: z.object({ statutory: text(), promised: text() }),
  fee: text(),
  channels: nonEmpty(
    z.object({
      kind: z.enum(['online', 'window', 'phone', 'mail']),
      name: text(),
      detail: text(),
    }),
  ),
  legalBasis: nonEmpty(text()),
  office: z.object({
    name: text(),
    address: text(),
    hours: text(),
    phone: text(),
  }),
  relatedParameterIds: z._default(z.array(id), []),
  source: z.object({
    /** what the facts were taken from */
    description: text(),
    verified: z.boolean(),
    /** the reform document that sets the mode */
    reformRef: z.optional(z.string()),
  }),
})
export type Service = z.infer<typeof serviceSchema>

export const faqSchema = z.object({
  id,
  question: text(),
  answer: text(),
  /** what the answer rests on: parameter ids, policy ids or source ids */
  basedOn: nonEmpty(id),
})
export type Faq = z.infer<typeof faqSchema>

export const SECTION_NAMES = ['parameters', 'policies', 'services', 'faq', 'news', 'sources'] as const
export type SectionName = (typeof SECTION_NAMES)[number]
export const sectionNameSchema = z.enum(SECTION_NAMES)

export const packMetaSchema = z.object({
  /** monotonically increasing label, e.g. 2019.6-1 */
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  title: text(),
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
  sections: z.record(sectionNameSchema, z.object({ hash: z.string(), bytes: z.int().check(z.nonnegative()) })),
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
} as const satisfies Record<SectionName, z.ZodMiniType>
