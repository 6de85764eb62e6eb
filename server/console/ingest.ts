// The notice extractor as the console uses it (src/domain/ingest): the shape of its answer, so the
// console depends on the answer rather than the module's internals.
import type { IngestOptions } from '../../src/domain/ingest'

export interface IngestProposal {
  parameterId: string
  label: string
  amountFen: number
  previousAmountFen: number | null
  effectiveFrom: string | null
  quote: string
  quoteStart?: number
  quoteEnd?: number
  notes: string[]
  needsReview: boolean
}

export interface IngestResult {
  document: { docNumber: string | null; title: string | null; issuer: string | null; issuedOn: string | null; effectiveFrom: string | null }
  proposals: IngestProposal[]
  unmatched: Array<{ quote: string; reason: string }>
}

export type IngestFn = (text: string, options?: IngestOptions) => IngestResult
