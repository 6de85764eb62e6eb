// Notice ingestion: the plain text of a relief-standard notice in, proposed parameter values out, each
// with its verbatim quote and offsets. Pure TypeScript, shared by the server route, the console and tests.
import { readDocument } from './document'
import { extract } from './extract'
import { normalise } from './normalise'
import type { IngestResult } from './result'
import type { IngestOptions } from './options'

export type { IngestResult } from './result'
export type { IngestOptions } from './options'
export { heldValuesIn } from './options'
export { ingestResultSchema } from './result'
export { PARAMETER_LABELS } from './vocabulary'

export function ingestNotice(text: string, options: IngestOptions = {}): IngestResult {
  const n = normalise(text)
  const reading = readDocument(text, n)
  const { proposals, unmatched } = extract(text, n, reading, options)
  return { document: reading.document, proposals, unmatched }
}
