// What ingesting a notice returns: the document, the values it proposes, and the figures it could not place.
import { z } from 'zod'
import { isoDate } from '../schema'
import { PARAMETER_LABELS, type ParameterId } from './vocabulary'

const parameterIds = Object.keys(PARAMETER_LABELS) as [ParameterId, ...ParameterId[]]
const offset = z.number().int().min(0)

export const ingestDocumentSchema = z.object({
  docNumber: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  issuer: z.string().min(1).nullable(),
  issuedOn: z.nullable(isoDate),
  effectiveFrom: z.nullable(isoDate),
})

export const proposalSchema = z.object({
  parameterId: z.enum(parameterIds),
  label: z.string().min(1),
  amountFen: z.number().int().positive(),
  /** the amount before this notice, only where the text states it (or states old and increase) */
  previousAmountFen: z.number().int().positive().nullable(),
  effectiveFrom: z.nullable(isoDate),
  /** a verbatim slice of the input: input.slice(quoteStart, quoteEnd) */
  quote: z.string().min(1),
  quoteStart: offset,
  quoteEnd: offset,
  /** for the reviewer, in Chinese: why this needs a look, how a figure was converted or derived */
  notes: z.array(z.string().min(1)),
  needsReview: z.boolean(),
})

export const unmatchedSchema = z.object({
  quote: z.string().min(1),
  quoteStart: offset,
  quoteEnd: offset,
  reason: z.string().min(1),
})

export const ingestResultSchema = z.object({
  document: ingestDocumentSchema,
  proposals: z.array(proposalSchema),
  unmatched: z.array(unmatchedSchema),
})

export type Proposal = z.infer<typeof proposalSchema>
export type Unmatched = z.infer<typeof unmatchedSchema>
export type IngestResult = z.infer<typeof ingestResultSchema>
