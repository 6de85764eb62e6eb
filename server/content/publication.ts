// What a publish computes before anything is written, in one function that runs in the pack worker
// (pack-worker.ts) so the event loop stays free: parse the request body, validate through the one
// pipeline (preparePack), and serialize: the stored canonical JSON and its hash, and each section's
// served bytes and hash. On a 5 MB pack each step took a good share of a second on the main thread.
import { type ContentPack, SECTION_NAMES, type SectionName, contentPackSchema } from '../../src/domain'
import { preparePack, unwrapPack, withTexts } from '../../src/domain/pack-pipeline'
import type { Problem, SourceTexts } from '../../src/domain/validate'
import { canonicalJson, sectionHash } from './hash'
import { packHash } from './repository'

/** A section as served: its JSON bytes, their hash, and where each element's JSON lies in them. */
export interface SectionBytes {
  body: Uint8Array
  hash: string
  /** start and end byte of each element, in pairs: the main thread parses them a few at a time */
  items: Uint32Array
}

export interface Publication {
  /** canonical JSON, as stored, and its hash */
  json: string
  hash: string
  /** the pack's top-level keys in order; the sections come as bytes, the rest (meta) as JSON */
  keys: string[]
  other: Record<string, string>
  sections: Record<SectionName, SectionBytes>
  /** the full texts the input brought, to be stored with it */
  sourceTexts: ReadonlyMap<string, string>
}

export type PackSource =
  /** a request body as received: JSON bytes */
  | { kind: 'bytes'; body: Uint8Array }
  /** an already parsed value (a pack, or {pack, sourceTexts}) */
  | { kind: 'value'; value: unknown }

export type Preparation =
  | { ok: true; publication: Publication }
  | { ok: false; reason: 'invalid_pack'; problems: Problem[] }
  /** the body is empty, not JSON, or carries prototype keys (as Fastify's own JSON parser refuses) */
  | { ok: false; reason: 'invalid_json'; empty: boolean }

const SECTIONS = new Set<string>(SECTION_NAMES)

export function preparePublication(source: PackSource, held: SourceTexts): Preparation {
  let raw: unknown
  if (source.kind === 'bytes') {
    // as Fastify reads a body: UTF-8 (bad bytes become U+FFFD), a leading BOM dropped
    if (source.body.length === 0) return { ok: false, reason: 'invalid_json', empty: true }
    const text = new TextDecoder().decode(source.body)
    try {
      raw = JSON.parse(text)
    } catch {
      return { ok: false, reason: 'invalid_json', empty: false }
    }
    if ((SUSPECT_PROTO.test(text) || SUSPECT_CONSTRUCTOR.test(text)) && poisoned(raw))
      return { ok: false, reason: 'invalid_json', empty: false }
  } else {
    raw = source.value
  }
  const input = unwrapPack(raw)
  const prepared = preparePack(input.pack, withTexts(held, input.sourceTexts))
  if (!prepared.ok) return { ok: false, reason: 'invalid_pack', problems: prepared.problems }
  return { ok: true, publication: serializePack(prepared.pack, input.sourceTexts) }
}

/** The stored form and the served bytes of a validated pack (as the repository and snapshot compute them). */
function serializePack(valid: ContentPack, sourceTexts: ReadonlyMap<string, string>): Publication {
  const json = canonicalJson(valid)
  // what is served is the pack as it will be read back from the database
  const pack = contentPackSchema.parse(JSON.parse(json)) as Record<string, unknown>
  const encoder = new TextEncoder()
  const other: Record<string, string> = {}
  const sections = {} as Record<SectionName, SectionBytes>
  for (const [key, value] of Object.entries(pack)) {
    if (!SECTIONS.has(key)) {
      other[key] = JSON.stringify(value)
      continue
    }
    const elements = (value as unknown[]).map((element) => encoder.encode(JSON.stringify(element)))
    // the same bytes as JSON.stringify(section): "[" elements joined by "," "]"
    const length = elements.reduce((sum, e) => sum + e.length, 0) + Math.max(elements.length - 1, 0) + 2
    const body = new Uint8Array(length)
    const items = new Uint32Array(elements.length * 2)
    let at = 0
    body[at++] = 0x5b
    elements.forEach((element, i) => {
      if (i > 0) body[at++] = 0x2c
      items[2 * i] = at
      body.set(element, at)
      at += element.length
      items[2 * i + 1] = at
    })
    body[at] = 0x5d
    sections[key as SectionName] = { body, hash: sectionHash(value), items }
  }
  return { json, hash: packHash(json), keys: Object.keys(pack), other, sections, sourceTexts }
}

/** The buffers to hand over rather than copy. */
export function transferables(publication: Publication): ArrayBuffer[] {
  return Object.values(publication.sections).flatMap((s) => [s.body.buffer as ArrayBuffer, s.items.buffer as ArrayBuffer])
}

// Prototype keys, refused as secure-json-parse (Fastify's JSON parser) refuses them: an own
// "__proto__", or a "constructor" object with its own "prototype", anywhere in the body.
const SUSPECT_PROTO =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/
const SUSPECT_CONSTRUCTOR =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/
const own = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key)

function poisoned(value: unknown): boolean {
  const stack = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (own(node, '__proto__')) return true
    const ctor: unknown = own(node, 'constructor') ? (node as { constructor: unknown }).constructor : null
    if (typeof ctor === 'object' && ctor !== null && own(ctor, 'prototype')) return true
    for (const child of Object.values(node)) stack.push(child)
  }
  return false
}
