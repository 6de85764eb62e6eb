// Compressed answers for the JSON the API serves from memory. A content section is read by every
// phone after each publish, often on a weak mobile network: brotli sends a quarter of the bytes.
// Each body is compressed once per encoding and kept with it (the bodies live as long as their
// content version), so a busy server compresses a section once, not once per request.
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { FastifyReply } from 'fastify'

export type Coding = 'br' | 'gzip'

/** Below this, compression saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

/** Static files the H5 build ships compressed copies of (scripts/precompress.ts writes them). */
export const PRECOMPRESSED_FILE = /\.(js|css|svg|json|txt)$/i

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
// brotli 6 is within 2% of brotli 9 on the policies section at a sixth of the time
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }

/** The encoding to answer with for this Accept-Encoding header: brotli, then gzip, else none. */
export function preferredCoding(acceptEncoding: string | string[] | undefined): Coding | null {
  if (!acceptEncoding) return null
  const quality = new Map<string, number>()
  for (const part of (Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = q ? Number(q.slice(2)) : 1
    quality.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (coding: string) => (quality.get(coding) ?? quality.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return null
}

const encoded = new WeakMap<Buffer, Map<Coding, Promise<Buffer>>>()

/** `body` compressed with `coding`, computed once per body. */
export function compressed(body: Buffer, coding: Coding): Promise<Buffer> {
  let byCoding = encoded.get(body)
  if (!byCoding) {
    byCoding = new Map()
    encoded.set(body, byCoding)
  }
  let result = byCoding.get(coding)
  if (!result) {
    result = coding === 'br' ? brotli(body, BROTLI_OPTIONS) : gzip(body)
    byCoding.set(coding, result)
  }
  return result
}

/** Add a field to the reply's Vary header, keeping what other hooks (CORS: Origin) put there. */
export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary')
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (fields.some((v) => v === '*' || v.toLowerCase() === field.toLowerCase())) return
  reply.header('vary', [...fields, field].join(', '))
}
