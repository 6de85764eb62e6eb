// The current version, prepared once for serving: each section serialized to bytes with its hash
// (the ETag), the manifest, lookups by id and the search index. Content changes rarely, so requests
// are answered from memory and never touch the database.
import { type ContentPack, type Manifest, type Policy, SECTION_NAMES, type SectionName, type Service, type Source } from '../../src/domain'
import { type SearchIndex, searchIndexBuilder } from '../../src/domain/search'
import { sha256Hex } from '../lib/sha256'
import { runInSlices, yieldToLoop } from '../lib/yield-to-loop'
import { canonicalJson } from './hash'
import type { StoredVersion } from './repository'

export interface SerializedBody {
  body: Buffer
  /** strong ETag, quoted */
  etag: string
}

export interface Snapshot {
  seq: number
  version: string
  packVersion: string
  publishedAt: string
  pack: ContentPack
  manifest: Manifest
  manifestBody: SerializedBody
  sections: Record<SectionName, SerializedBody>
  policies: Map<string, Policy>
  services: Map<string, Service>
  sources: Map<string, Source>
  searchIndex: SearchIndex
  /**
   * Serialized answers derived from this version (e.g. standards on a date), so repeated questions
   * cost a map lookup. Bounded; dropped with the snapshot when a new version arrives.
   */
  derived: Map<string, SerializedBody>
}

const MAX_DERIVED = 1000

/**
 * Build the snapshot of a version, one section at a time with a turn of the event loop between the
 * steps: a 5 MB pack done in one go froze every request for seconds. The bytes, hashes and manifest
 * are the same as buildManifest gives. A publish brings its sections already serialized (by the pack
 * worker, see pack-thread.ts), so only the search index is built here, in slices.
 */
export async function buildSnapshot(stored: StoredVersion, serialized?: Record<SectionName, SerializedBody>): Promise<Snapshot> {
  const { pack } = stored
  const sections = {} as Record<SectionName, SerializedBody>
  const manifestSections = {} as Manifest['sections']
  for (const name of SECTION_NAMES) {
    const given = serialized?.[name]
    if (given) {
      sections[name] = given
      manifestSections[name] = { hash: given.etag.slice(1, -1), bytes: given.body.length }
      continue
    }
    await yieldToLoop()
    const body = Buffer.from(JSON.stringify(pack[name]))
    await yieldToLoop()
    const hash = sha256Hex(canonicalJson(pack[name]))
    // the serialization served is the one measured, so `bytes` in the manifest is exact
    sections[name] = { body, etag: `"${hash}"` }
    manifestSections[name] = { hash, bytes: body.length }
  }
  const manifest: Manifest = { version: stored.version, publishedAt: stored.publishedAt, asOf: pack.meta.asOf, sections: manifestSections }
  await yieldToLoop()
  const index = searchIndexBuilder(pack)
  await runInSlices(index.steps)
  const searchIndex = index.finish()
  await yieldToLoop()
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]))
  const [policies, services, sources] = [byId(pack.policies), byId(pack.services), byId(pack.sources)]
  await yieldToLoop()
  return {
    seq: stored.seq,
    version: stored.version,
    packVersion: stored.packVersion,
    publishedAt: stored.publishedAt,
    pack,
    manifest,
    manifestBody: serialize(manifest),
    sections,
    policies,
    services,
    sources,
    searchIndex,
    derived: new Map(),
  }
}

/** Memoize a serialized answer on the snapshot it was derived from. */
export function derive(snapshot: Snapshot, key: string, make: () => unknown): SerializedBody {
  const hit = snapshot.derived.get(key)
  if (hit) return hit
  const payload = serialize(make())
  if (snapshot.derived.size >= MAX_DERIVED) snapshot.derived.clear()
  snapshot.derived.set(key, payload)
  return payload
}

export function serialize(value: unknown): SerializedBody {
  const json = JSON.stringify(value)
  return { body: Buffer.from(json), etag: `"${sha256Hex(json)}"` }
}
