// The application factory: plugins → repository/store → thin routes (as in fastify/demo). Tests
// build one app per test file over their own database; main.ts builds one for the process.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { type ZodTypeProvider, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import type { SourceTexts } from '../src/domain/validate'
import type { AppConfig } from './config'
import { ContentRepository } from './content/repository'
import { readSourceTexts } from './content/pack-files'
import { PublishedContent } from './content/published-content'
import { verifyStoredPack } from './content/verify-stored'
import type { Database } from './db/database'
import { quickCheck } from './db/integrity'
import { probeWritable } from './db/writable'
import { ApiError, errorBody } from './lib/errors'
import { HealthMonitor } from './lib/health'
import { registerDocs } from './plugins/docs'
import { fromRouter, handleClientError, installErrorHandler } from './plugins/error-handler'
import { loggerOptions } from './plugins/logger'
import { registerSecurity } from './plugins/security'
import { registerStaticApp } from './plugins/static-app'
import { registerConsoleStatic } from './plugins/console-static'
import { adminRoutes } from './routes/admin'
import { assessRoutes } from './routes/assess'
import { catalogRoutes } from './routes/catalog'
import { consoleRoutes } from './routes/console'
import { ingestNotice } from '../src/domain/ingest'
import { contentRoutes } from './routes/content'
import type { ApiContext } from './routes/context'
import { searchRoutes } from './routes/search'
import { standardsRoutes } from './routes/standards'

// Zod's generic messages (for anything a schema does not word itself) in Chinese.
z.config(z.locales.zhCN())

/** Small bodies everywhere except the admin publish route (5 MB, set on that route). */
export const DEFAULT_BODY_LIMIT = 64 * 1024

export interface BuildAppOptions {
  config: AppConfig
  db: Database
  /** source texts for validatePack; defaults to content/source */
  texts?: SourceTexts
  /** where logs go (tests capture them); defaults to stdout */
  logStream?: NodeJS.WritableStream
  /** the clock for console sessions and TOTP (tests move it); defaults to the real one */
  now?: () => Date
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the content held in memory (tests use it to force a version check) */
    content: PublishedContent
    /** what /health reports (tests count its database probes) */
    health: HealthMonitor
  }
}

/** Fastify's default router limit on one path parameter (maxParamLength). */
const MAX_PARAM_LENGTH = 100

/** A path that looks like a file (has an extension) is never answered with the SPA's index.html. */
const LOOKS_LIKE_FILE = /\/[^/]+\.[a-z0-9]+$/i

/**
 * A malformed %-escape or an over-long path parameter is rejected by the router before any hook
 * runs; answer it in the common error shape too, not Fastify's own.
 */
function answerRouterError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const api = fromRouter(error)
  reply
    .code(api.statusCode)
    .header('x-content-type-options', 'nosniff')
    .type('application/json; charset=utf-8')
    .send(errorBody(api.code, api.message))
}

export async function buildApp({ config, db, texts, logStream, now }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Trust X-Forwarded-For from at most that many proxy hops (the CDN, a load balancer).
    trustProxy: config.trustProxy > 0 ? (_address: string, hop: number) => hop < config.trustProxy : false,
    // Keep-alive connections that are idle are closed at shutdown; busy ones finish first.
    forceCloseConnections: 'idle',
    // Requests arriving while closing get our own 503 (below), in the common error shape.
    return503OnClosing: false,
    // Errors raised before any route or hook runs get the common error shape too.
    frameworkErrors: answerRouterError,
    clientErrorHandler: handleClientError,
  })
  // JSON only: a text/plain body is a 415, not a string the routes would have to reject.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)

  const health = new HealthMonitor(() => sql`select 1`.execute(db.db))
  app.decorate('health', health)
  const damage = await quickCheck(db)
  if (damage.length) {
    app.log.error({ problems: damage }, 'database integrity check failed')
    health.report('database_corrupt', `数据库文件有损坏（${damage[0]}），发布历史和回滚可能无法使用；请从备份恢复`)
  }
  const readOnly = !(await probeWritable(db))
  if (readOnly) {
    app.log.warn({ database: db.describe }, 'database is read-only: serving content, publishing disabled')
    health.report('database_read_only', '数据库只读：已发布的内容照常提供，发布和回滚已停用')
  }
  const repository = new ContentRepository(db)
  const sourceTexts = texts ?? readSourceTexts()
  const store = new PublishedContent(repository, db, {
    pollMs: config.contentPollMs,
    listen: config.contentListen,
    logger: app.log,
    health,
    verify: verifyStoredPack(repository, sourceTexts),
  })
  await store.load()
  store.start()
  app.decorate('content', store)
  app.addHook('onClose', async () => {
    await store.stop()
  })
  // Graceful shutdown: requests in flight finish, and their keep-alive connections are then closed
  // (otherwise an idle client connection would hold the process open until the timeout).
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done()
    reply.header('connection', 'close')
    done(new ApiError(503, 'shutting_down', '服务正在重启，请稍后重试'))
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })

  const ctx: ApiContext = { config, database: db, repository, store, texts: sourceTexts, health, readOnly }

  await registerSecurity(app, config)
  await registerDocs(app)

  const api = app.withTypeProvider<ZodTypeProvider>()
  await api.register(
    async (v1) => {
      await v1.register(contentRoutes, { ctx })
      await v1.register(standardsRoutes, { ctx })
      await v1.register(catalogRoutes, { ctx })
      await v1.register(searchRoutes, { ctx })
      await v1.register(assessRoutes, { ctx })
      // Not registered at all without a token: the admin routes then simply do not exist (404).
      if (config.adminToken) await v1.register(adminRoutes, { ctx, token: config.adminToken })
      await v1.register(consoleRoutes, { prefix: '/console', ctx, now: now ?? (() => new Date()), ingest: ingestNotice })
    },
    { prefix: '/api/v1' },
  )

  await registerConsoleStatic(app)
  const staticDir = config.staticDir
  if (staticDir) await registerStaticApp(app, staticDir)

  app.setNotFoundHandler((request, reply) => {
    // split always yields at least one part
    const [path = ''] = request.url.split('?')
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/') && !LOOKS_LIKE_FILE.test(path)
    if (staticDir && isPage) {
      // SPA fallback (the H5 router is in hash mode, so this is mostly for typed-in paths).
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    // The router does not match a path parameter over MAX_PARAM_LENGTH: that is a URI too long, not
    // an unknown id (414, as for the other over-long addresses).
    if (path.startsWith('/api/') && path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      return reply.code(414).type('application/json; charset=utf-8').send(errorBody('uri_too_long', '地址太长了，请检查后重试'))
    }
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(errorBody('not_found', `找不到 ${request.method} ${path}，接口说明见 /api/docs`))
  })

  return app
}
