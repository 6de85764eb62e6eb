// What the route plugins need, passed explicitly as plugin options (no global singletons, so a test
// can build as many apps as it likes).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SourceTexts } from '../../src/domain/validate'
import type { AppConfig } from '../config'
import type { ContentRepository } from '../content/repository'
import type { SerializedBody, Snapshot } from '../content/snapshot'
import type { PublishedContent } from '../content/published-content'
import type { Database } from '../db/database'
import { COMPRESS_MIN_BYTES, addVary, compressed, preferredCoding } from '../lib/compression'
import { ApiError } from '../lib/errors'
import type { HealthMonitor } from '../lib/health'

export interface ApiContext {
  config: AppConfig
  database: Database
  repository: ContentRepository
  store: PublishedContent
  /** source texts validatePack checks quotes against */
  texts: SourceTexts
  /** the cached database probe and the known problems /health reports */
  health: HealthMonitor
  /** the database refused a trial write at start: serve, but do not publish */
  readOnly: boolean
}

export interface RouteOptions {
  ctx: ApiContext
}

/** Content is needed to answer; before the first publish there is none. */
export function requireSnapshot(store: PublishedContent): Snapshot {
  const snapshot = store.current
  if (!snapshot) throw new ApiError(503, 'no_content', '内容尚未发布，请稍后再试')
  return snapshot
}

/** Sections: a minute fresh, then served stale by a CDN for up to ten while it revalidates. */
export const SECTION_CACHE = 'public, max-age=60, stale-while-revalidate=600'
/** The manifest is how clients learn of a new version: keep it short. */
export const MANIFEST_CACHE = 'public, max-age=10, stale-while-revalidate=60'
/** Derived answers (standards, lists, search). */
export const DERIVED_CACHE = 'public, max-age=60, stale-while-revalidate=600'

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x". */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return (t.startsWith('W/') ? t.slice(2) : t) === etag
  })
}

/**
 * Send pre-serialized JSON with a strong ETag, or 304 when the client already has it; brotli or gzip
 * when the client accepts it. The ETag names the JSON whatever its transfer encoding, so a phone's
 * If-None-Match matches however the copy it holds was compressed (Vary keeps caches apart).
 */
export async function sendJsonBytes(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: SerializedBody,
  cacheControl: string,
): Promise<FastifyReply> {
  reply.header('etag', payload.etag).header('cache-control', cacheControl)
  const compressible = payload.body.length >= COMPRESS_MIN_BYTES
  if (compressible) addVary(reply, 'Accept-Encoding')
  if (ifNoneMatchHits(request.headers['if-none-match'], payload.etag)) return reply.code(304).send()
  reply.type('application/json; charset=utf-8')
  const coding = compressible ? preferredCoding(request.headers['accept-encoding']) : null
  if (!coding) return reply.send(payload.body)
  return reply.header('content-encoding', coding).send(await compressed(payload.body, coding))
}
