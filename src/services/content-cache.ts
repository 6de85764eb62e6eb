// The content pack's layout in Taro storage. Keys are versioned by the section's hash, so a new
// version is written beside the old one and the old keys are dropped only after the swap:
//   jdz:content:manifest                       {manifest, etag, syncedAt}: the pack in use
//   jdz:content:section:<name>:<hash>          {v: 1, data: [...]}        a section, or
//                                              {v: 1, chunks: n}          a large one's head, and
//   jdz:content:section:<name>:<hash>:<i>      "…"                        its JSON in pieces.
// WeChat allows 1 MB per key and 10 MB in all; pieces are kept under ~900 KB.
// Every read is validated; an unreadable or invalid entry is removed and reported as missing, so
// the caller refetches it instead of crashing.
import * as z from 'zod/mini'
import { type ContentPack, type Manifest, type SectionName, manifestSchema, sectionSchemas } from '../domain'
import { readStored, removeStored, storedBytes, storedKeys, utf8Bytes, writeStored } from './storage'
import { CONTENT_PREFIX } from './storage-keys'

export const MANIFEST_KEY = `${CONTENT_PREFIX}manifest`
export const SECTION_PREFIX = `${CONTENT_PREFIX}section:`

/** 300,000 UTF-16 units are at most 900 KB of UTF-8, whatever the text. */
export const CHUNK_CHARS = 300_000
/** Sections whose JSON is larger than this are split. */
export const CHUNK_THRESHOLD_BYTES = 900 * 1024

export type SectionData = { [K in SectionName]: ContentPack[K] }

export interface ManifestRecord {
  manifest: Manifest
  /** the server's ETag for the manifest, sent back as If-None-Match */
  etag: string | null
  /** when the content was last confirmed with the server (ISO timestamp) */
  syncedAt: string
}

const manifestRecordSchema = z.object({
  manifest: manifestSchema,
  etag: z.nullable(z.string()),
  syncedAt: z.string(),
})

const sectionHeadSchema = z.union([
  z.object({ v: z.literal(1), data: z.array(z.unknown()) }),
  z.object({ v: z.literal(1), chunks: z.int().check(z.positive(), z.maximum(64)) }),
])

/** Hashes come from the server: keep keys to a safe alphabet whatever they contain. */
function safeHash(hash: string): string {
  return hash.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.charCodeAt(0).toString(16)}`)
}

export function sectionKey(name: SectionName, hash: string): string {
  return `${SECTION_PREFIX}${name}:${safeHash(hash)}`
}

function chunkKey(name: SectionName, hash: string, index: number): string {
  return `${sectionKey(name, hash)}:${index}`
}

export function readManifestRecord(): ManifestRecord | null {
  const raw = readStored(MANIFEST_KEY)
  const parsed = manifestRecordSchema.safeParse(raw)
  if (!parsed.success) {
    removeStored(MANIFEST_KEY)
    return null
  }
  return parsed.data
}

export function removeManifestRecord(): void {
  removeStored(MANIFEST_KEY)
}

export function writeManifestRecord(record: ManifestRecord): boolean {
  return writeStored(MANIFEST_KEY, record)
}

/** The keys of one stored section (its head and pieces), whatever state they are in. */
function keysOfSection(name: SectionName, hash: string): string[] {
  const head = sectionKey(name, hash)
  return storedKeys(head).filter((key) => key === head || key.startsWith(`${head}:`))
}

export function dropSection(name: SectionName, hash: string): void {
  for (const key of keysOfSection(name, hash)) removeStored(key)
}

/** A stored section, validated; null when it is absent, corrupted or invalid (and then removed). */
export function readSection<N extends SectionName>(name: N, hash: string): SectionData[N] | null {
  const raw = readStored(sectionKey(name, hash))
  if (raw === undefined) {
    // absent, or not even JSON (the platform reads that as absent): clear any remains
    dropSection(name, hash)
    return null
  }
  const head = sectionHeadSchema.safeParse(raw)
  let payload: unknown
  if (!head.success) {
    payload = undefined
  } else if ('data' in head.data) {
    payload = head.data.data
  } else {
    let json = ''
    for (let i = 0; i < head.data.chunks; i++) {
      const piece = readStored(chunkKey(name, hash, i))
      if (typeof piece !== 'string') {
        json = ''
        break
      }
      json += piece
    }
    try {
      payload = json ? JSON.parse(json) : undefined
    } catch {
      payload = undefined
    }
  }
  const parsed = sectionSchemas[name].safeParse(payload)
  if (!parsed.success) {
    dropSection(name, hash)
    return null
  }
  return parsed.data as SectionData[N]
}

/** Split a string into pieces of at most `size` UTF-16 units without cutting a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + size, text.length)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

/** Store a section; false (and nothing left behind) when storage refused it. */
export function writeSection(name: SectionName, hash: string, data: readonly unknown[]): boolean {
  let json: string
  try {
    json = JSON.stringify(data)
  } catch {
    return false
  }
  if (utf8Bytes(json) <= CHUNK_THRESHOLD_BYTES) {
    if (writeStored(sectionKey(name, hash), { v: 1, data })) return true
    dropSection(name, hash)
    return false
  }
  const pieces = splitText(json, CHUNK_CHARS)
  // pieces first, head last: a head without all its pieces is never left behind as "valid"
  for (let i = 0; i < pieces.length; i++) {
    if (!writeStored(chunkKey(name, hash, i), pieces[i])) {
      dropSection(name, hash)
      return false
    }
  }
  if (!writeStored(sectionKey(name, hash), { v: 1, chunks: pieces.length })) {
    dropSection(name, hash)
    return false
  }
  return true
}

/** Remove every stored section except those listed (name → hash). */
export function dropSectionsExcept(keep: Partial<Record<SectionName, string>>): void {
  const kept = Object.entries(keep).map(([name, hash]) => sectionKey(name as SectionName, hash as string))
  for (const key of storedKeys(SECTION_PREFIX)) {
    if (!kept.some((head) => key === head || key.startsWith(`${head}:`))) removeStored(key)
  }
}

export function clearContentCache(): void {
  for (const key of storedKeys(CONTENT_PREFIX)) removeStored(key)
}

/** Bytes the content cache takes in storage. */
export function contentCacheBytes(): number {
  return storedKeys(CONTENT_PREFIX).reduce((sum, key) => sum + storedBytes(key), 0)
}
