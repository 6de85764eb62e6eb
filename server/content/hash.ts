// Section hashes: sha256 over the section's canonical JSON, so equal content always hashes equal
// (the server's manifest and the app's bundled copy agree without sharing state).
import { type ContentPack, type Manifest, SECTION_NAMES } from '../../src/domain'
import { sha256Hex } from '../lib/sha256'

/** JSON with object keys sorted, so hashing does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {}
      for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k]
      return sorted
    }
    return v
  })
}

export function sectionHash(section: unknown): string {
  return sha256Hex(canonicalJson(section))
}

export function buildManifest(pack: ContentPack, version: string, publishedAt: string): Manifest {
  const sections = {} as Manifest['sections']
  for (const name of SECTION_NAMES) {
    const json = JSON.stringify(pack[name])
    sections[name] = { hash: sectionHash(pack[name]), bytes: Buffer.byteLength(json) }
  }
  return { version, publishedAt, asOf: pack.meta.asOf, sections }
}
