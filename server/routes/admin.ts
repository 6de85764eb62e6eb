// Content publishing, registered only when ADMIN_TOKEN is set. Publishing requires If-Match with
// the current version so two editors never overwrite each other; the check and the write happen in
// one transaction (see ContentRepository).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { contentPackSchema, manifestSchema } from '../../src/domain'
import { withTexts } from '../../src/domain/pack-pipeline'
import { buildManifest } from '../content/hash'
import { assemble, preparePublicationOffThread } from '../content/pack-thread'
import type { PackSource, Preparation } from '../content/publication'
import type { Snapshot } from '../content/snapshot'
import { rollbackTargetProblem } from '../content/verify-stored'
import { ANY_VERSION, type Expected, type StoredVersion, type VersionInfo, type WriteResult } from '../content/repository'
import { ApiError, errorBodySchema, notFound } from '../lib/errors'
import { ifMatchProblem, parseIfMatch, requireIfMatch } from '../lib/if-match'
import { passBodyValidator } from '../lib/pass-body'
import { invalidJsonError } from '../plugins/error-handler'
import { readOnlyError } from '../plugins/error-handler'
import { bearerToken, tokenMatches } from '../lib/token'
import { type RouteOptions } from './context'
import { ingestRoutes } from './ingest'

export const ADMIN_BODY_LIMIT = 5 * 1024 * 1024

const versionInfoSchema = z.object({
  version: z.string(),
  packVersion: z.string(),
  packHash: z.string(),
  publishedAt: z.string(),
  kind: z.enum(['seed', 'publish', 'rollback']),
  restoredFrom: z.string().nullable(),
  current: z.boolean(),
})

const publishedSchema = z.object({
  version: z.string(),
  packVersion: z.string(),
  publishedAt: z.string(),
  kind: z.enum(['seed', 'publish', 'rollback']),
  restoredFrom: z.string().nullable(),
  manifest: manifestSchema,
})

const unchangedSchema = z.object({
  unchanged: z.literal(true),
  version: z.string().describe('当前版本（未变）'),
  packVersion: z.string(),
  publishedAt: z.string(),
  message: z.string(),
})

function describeVersion(v: VersionInfo, current: string | null) {
  return {
    version: v.version,
    packVersion: v.packVersion,
    packHash: v.packHash,
    publishedAt: v.publishedAt,
    kind: v.kind,
    restoredFrom: v.restoredFrom,
    current: v.version === current,
  }
}

/** Rollback: If-Match is optional (an operator restoring a known-good version); when given, the same rule. */
function optionalIfMatch(request: FastifyRequest): Expected {
  const parsed = parseIfMatch(request.headers['if-match'])
  if (parsed.kind === 'missing') return ANY_VERSION
  if (parsed.kind === 'version') return parsed.version
  const message = ifMatchProblem(parsed)
  throw new ApiError(412, 'if_match_invalid', message, [{ field: 'If-Match', message }])
}

function conflict(result: Extract<WriteResult, { ok: false }>, expected: string | null): ApiError {
  if (result.reason === 'stale') {
    const message = `内容已被更新为 ${result.current ?? '（无）'}，而您依据的是 ${expected ?? '（无）'}：请先获取最新版本，合并修改后再发布`
    return new ApiError(412, 'version_conflict', message, [{ field: 'If-Match', message }])
  }
  if (result.reason === 'unchanged') return new ApiError(409, 'unchanged', `内容与当前版本 ${result.current.version} 相同`)
  if (result.reason === 'corrupt_version') {
    const message = `这个版本保存的内容已损坏或被改动，不能回滚到它：${result.problem}`
    return new ApiError(409, 'version_corrupt', message, [{ field: 'version', message }])
  }
  if (result.reason === 'already_current') {
    const message = '这个版本已经是当前版本，无需回滚'
    return new ApiError(409, 'already_current', message, [{ field: 'version', message }])
  }
  if (result.reason === 'text_conflict') {
    const message = `全文“${result.textId}”已经以不同的文字保存过；已发布的全文不能更改，请为新文本使用新的编号`
    return new ApiError(409, 'text_conflict', message, [{ field: `sourceTexts.${result.textId}`, message }])
  }
  return notFound('version', '没有这个版本，请从发布历史中选择')
}

function invalidPack(prepared: Extract<Preparation, { reason: 'invalid_pack' }>): ApiError {
  const fields = prepared.problems.map((p) => ({ field: p.path || 'pack', message: p.message }))
  return new ApiError(422, 'invalid_pack', `内容包有 ${fields.length} 个问题，请逐条修改后再发布`, fields)
}

/** `served` is what accept installed: its manifest is this version's unless a newer one overtook it. */
function published(reply: FastifyReply, stored: StoredVersion, served: Snapshot) {
  reply.code(201).header('etag', `"${stored.version}"`).header('cache-control', 'no-store')
  return {
    version: stored.version,
    packVersion: stored.packVersion,
    publishedAt: stored.publishedAt,
    kind: stored.kind,
    restoredFrom: stored.restoredFrom,
    manifest: served.seq === stored.seq ? served.manifest : buildManifest(stored.pack, stored.version, stored.publishedAt),
  }
}

export const adminRoutes: FastifyPluginAsyncZod<RouteOptions & { token: string }> = async (app, { ctx, token }) => {
  const limit = app.rateLimit({ max: ctx.config.rateLimit.admin, timeWindow: ctx.config.rateLimit.windowMs })
  // Rate limit first, so guessing tokens is throttled; then authenticate before any body is read.
  app.addHook('onRequest', limit)
  app.addHook('onRequest', async (request, reply) => {
    const given = bearerToken(request.headers.authorization)
    if (given === null) {
      reply.header('www-authenticate', 'Bearer realm="admin"')
      throw new ApiError(401, 'unauthorized', '需要管理令牌：请在 Authorization 头中带上 Bearer <ADMIN_TOKEN>')
    }
    if (!tokenMatches(given, token)) throw new ApiError(403, 'forbidden', '管理令牌不正确')
  })

  // A read-only database: publishing and rollback are refused up front, with a code saying why.
  app.addHook('preHandler', async (request) => {
    if (ctx.readOnly && request.method === 'POST') throw readOnlyError()
  })

  const security = [{ bearer: [] }]
  const authErrors = { 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema }

  // Notice ingestion, behind the same token and rate limit (a child plugin inherits these hooks).
  await app.register(ingestRoutes, { store: ctx.store })

  // Publishing reads the body as bytes: they are parsed (with Fastify's rules) in the pack worker
  // together with the validation, so a 5 MB body never holds the event loop (see pack-thread.ts).
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
    scope.post(
      '/admin/content',
      {
        bodyLimit: ADMIN_BODY_LIMIT,
        validatorCompiler: passBodyValidator,
        schema: {
          tags: ['admin'],
          summary: '发布新的内容包',
          description:
            '请求体为 ContentPack，或 export 得到的 {manifest, pack, sourceTexts}（sourceTexts：新来源的全文，按 textId），用与命令行相同的流程（preparePack）校验。必须带 If-Match: 当前版本（如 "v3"，强比较；* 和 W/ 弱校验不接受，返回 412）；版本已变返回 412，缺少返回 428。内容与当前版本相同则不发布新版本，返回 200 和 unchanged: true（与命令行相同）。',
          security,
          headers: z.object({ 'if-match': z.string().optional().describe('当前内容版本，如 "v3"') }),
          body: contentPackSchema,
          response: {
            200: unchangedSchema,
            201: publishedSchema,
            ...authErrors,
            412: errorBodySchema,
            413: errorBodySchema,
            422: errorBodySchema,
            428: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const held = withTexts(ctx.texts, await ctx.repository.storedTexts())
        // the body is parsed, validated and serialized in the pack worker, off the event loop
        const body: unknown = request.body
        const source: PackSource = Buffer.isBuffer(body) ? { kind: 'bytes', body } : { kind: 'value', value: body }
        const prepared = await preparePublicationOffThread(source, held)
        // the order of the answers as before: the body must be JSON, then If-Match, then the pack valid
        if (!prepared.ok && prepared.reason === 'invalid_json') throw invalidJsonError(prepared.empty)
        const expected = requireIfMatch(request.headers['if-match'])
        if (!prepared.ok) throw invalidPack(prepared)
        const { publication } = prepared
        const { pack, sections } = await assemble(publication)
        const stored = { json: publication.json, hash: publication.hash, pack }
        const result = await ctx.repository.publishStorable(stored, expected, 'publish', publication.sourceTexts)
        if (!result.ok && result.reason === 'unchanged') {
          // The same rule as the CLI: an identical pack is not a new version. 200, naming the current one.
          reply.code(200).header('etag', `"${result.current.version}"`).header('cache-control', 'no-store')
          return {
            unchanged: true as const,
            version: result.current.version,
            packVersion: result.current.packVersion,
            publishedAt: result.current.publishedAt,
            message: `内容与当前版本 ${result.current.version} 相同，未发布新版本`,
          }
        }
        if (!result.ok) throw conflict(result, expected)
        const served = await ctx.store.accept(result.version, sections)
        request.log.info({ version: result.version.version, packVersion: result.version.packVersion }, 'content published')
        return published(reply, result.version, served)
      },
    )
  })

  app.get(
    '/admin/content/history',
    {
      schema: {
        tags: ['admin'],
        summary: '发布历史，从新到旧',
        security,
        response: { 200: z.object({ current: z.string().nullable(), versions: z.array(versionInfoSchema) }), ...authErrors },
      },
    },
    async (_request, reply) => {
      const [pointer, versions] = await Promise.all([ctx.repository.currentPointer(), ctx.repository.history()])
      const current = pointer?.version ?? null
      reply.header('cache-control', 'no-store')
      return { current, versions: versions.map((v) => describeVersion(v, current)) }
    },
  )

  app.post(
    '/admin/content/rollback',
    {
      schema: {
        tags: ['admin'],
        summary: '回滚到以前的某个版本（记为一个新版本）',
        description: '可带 If-Match: 当前版本（强比较，不接受 * 和 W/），版本已变则返回 412。',
        security,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.object({
          version: z.string({ error: '请填写要回滚到的版本，如 v2' }).trim().min(1, '请填写要回滚到的版本，如 v2').max(64, '版本号太长了'),
        }),
        response: { 201: publishedSchema, ...authErrors, 404: errorBodySchema, 409: errorBodySchema, 412: errorBodySchema },
      },
    },
    async (request, reply) => {
      const expected = optionalIfMatch(request)
      const problem = await rollbackTargetProblem(ctx.repository, request.body.version, ctx.texts)
      if (problem) throw conflict({ ok: false, reason: 'corrupt_version', problem }, null)
      const result = await ctx.repository.rollback(request.body.version, expected)
      if (!result.ok) throw conflict(result, expected === ANY_VERSION ? null : expected)
      const served = await ctx.store.accept(result.version)
      request.log.info({ version: result.version.version, restoredFrom: result.version.restoredFrom }, 'content rolled back')
      return published(reply, result.version, served)
    },
  )
}
