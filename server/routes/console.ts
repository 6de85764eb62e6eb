// The editor console's API under /api/v1/console: cookie sessions for people (ADMIN_TOKEN stays
// for automation on /api/v1/admin).
import type { FastifyPluginAsync } from 'fastify'
import { AccountStore } from '../console/accounts'
import type { GuardDeps } from '../console/guard'
import type { IngestFn } from '../console/ingest'
import { consoleAuthRoutes } from './console-auth'
import { consoleDraftRoutes } from './console-drafts'
import type { ApiContext } from './context'

export interface ConsoleOptions {
  ctx: ApiContext
  /** the clock (tests move it to expire sessions and step TOTP codes) */
  now: () => Date
  ingest: IngestFn | null
}

export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (app, { ctx, now, ingest }) => {
  const limit = app.rateLimit({ max: ctx.config.rateLimit.admin * 10, timeWindow: ctx.config.rateLimit.windowMs })
  app.addHook('onRequest', limit)
  app.addHook('onSend', async (_request, reply) => {
    // nothing the console answers may be cached by a browser or a proxy
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
  const deps: GuardDeps = { db: ctx.database.db, accounts: new AccountStore(ctx.database.db), now }
  await app.register(consoleAuthRoutes, { deps })
  await app.register(consoleDraftRoutes, { deps, ctx, ingest })
}
