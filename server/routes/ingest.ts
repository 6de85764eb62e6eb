// Notice ingestion over HTTP: POST /api/v1/admin/ingest with {text} answers the proposals for a
// pasted notice (src/domain/ingest). It reads nothing and writes nothing: a reviewer's tool only.
// Registered inside the admin routes, so it has their Bearer ADMIN_TOKEN check and rate limit; the
// handler logic (ingestRequest) and schemas are exported for a route behind an editor session.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type IngestOptions, heldValuesIn, ingestNotice, ingestResultSchema } from '../../src/domain/ingest'
import type { PublishedContent } from '../content/published-content'
import { ApiError, errorBodySchema } from '../lib/errors'
import { passBodyValidator } from '../lib/pass-body'
import { sha256Hex } from '../lib/sha256'

/** The longest notice text accepted, in UTF-8 bytes (a long notice is ~20 KB). */
export const INGEST_MAX_TEXT_BYTES = 200 * 1024
/**
 * JSON may write each byte of the text as a six-character escape (\u00XX), so a body up to six times
 * the text limit can still hold an acceptable text: Fastify's own limit sits above that, and the
 * text limit is checked here, so the 413 names `text`.
 */
export const INGEST_BODY_LIMIT = 6 * INGEST_MAX_TEXT_BYTES + 4 * 1024

export const ingestBodySchema = z.object({ text: z.string().describe('通知全文（纯文本，粘贴即可），不超过 200 KB') })
export const ingestResponseSchema = ingestResultSchema.extend({
  /** sha256 of the text as received (first 128 bits, hex), so a reviewer can tie offsets to this exact text */
  textHash: z.string(),
})
export type IngestResponse = z.infer<typeof ingestResponseSchema>

function textTooLarge(): ApiError {
  const message = `通知全文太长了（最多 ${INGEST_MAX_TEXT_BYTES / 1024} KB），请只粘贴这一份通知`
  return new ApiError(413, 'text_too_large', message, [{ field: 'text', message }])
}

/**
 * The standards the server holds now, for a notice that states a multiple of one it does not restate
 * (特困 = 1.3 × 低保): the extractor computes it from the held value and flags it for review.
 */
export function heldStandards(store: PublishedContent): IngestOptions {
  const current = store.current
  return current ? { heldValue: heldValuesIn(current.pack.parameters) } : {}
}

/** Validate the body and ingest its text; throws ApiError (400 / 413) naming `text`. */
export function ingestRequest(body: unknown, options: IngestOptions = {}): IngestResponse {
  const text = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).text : undefined
  if (typeof text !== 'string' || text.trim() === '') {
    const message = typeof text === 'string' || text === undefined ? '请粘贴通知全文' : '通知全文应为文字（字符串）'
    throw new ApiError(400, 'invalid_input', `text：${message}`, [{ field: 'text', message }])
  }
  if (Buffer.byteLength(text, 'utf8') > INGEST_MAX_TEXT_BYTES) throw textTooLarge()
  return { ...ingestNotice(text, options), textHash: sha256Hex(text) }
}

/** A body even larger than INGEST_BODY_LIMIT is still a text that is too long: say so, naming it. */
function bodyTooLarge(error: FastifyError, _request: FastifyRequest, _reply: FastifyReply): never {
  throw error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? textTooLarge() : error
}

export const ingestRoutes: FastifyPluginAsyncZod<{ store: PublishedContent }> = async (app, { store }) => {
  app.post(
    '/admin/ingest',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      validatorCompiler: passBodyValidator,
      errorHandler: bodyTooLarge,
      schema: {
        tags: ['admin'],
        summary: '从通知全文中识别救助标准（不保存任何内容）',
        description:
          '请求体 {text}：通知全文，不超过 200 KB。返回文号、标题、发文机关、印发日期和执行日期，每项标准的新数额（分）、原数额、执行日期和原文引文（含在 text 中的字符位置），需要人工核对的项目及原因，以及无法对应的含数额句子。textHash 为 text 的 sha256（前 128 位）。',
        security: [{ bearer: [] }],
        body: ingestBodySchema,
        response: {
          200: ingestResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          413: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return ingestRequest(request.body, heldStandards(store))
    },
  )
}
