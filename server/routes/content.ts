// Health, the content manifest and the pack's sections: bytes from memory with strong ETags, so
// the app (and a CDN in front) revalidates with If-None-Match and mostly gets a 304.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { SECTION_NAMES, type SectionName, manifestSchema } from '../../src/domain'
import { errorBodySchema, notFound } from '../lib/errors'
import { MANIFEST_CACHE, type RouteOptions, SECTION_CACHE, requireSnapshot, sendJsonBytes } from './context'

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string().nullable().describe('当前内容版本（服务器分配，如 v3）'),
  packVersion: z.string().nullable().describe('内容包自身的版本标签（meta.version）'),
  publishedAt: z.string().nullable(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })).describe('已知问题；为空表示一切正常'),
})

const isSection = (name: string): name is SectionName => (SECTION_NAMES as readonly string[]).includes(name)

export const contentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['content'],
        summary: '服务状态与当前内容版本',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const snapshot = ctx.store.current
      const database = (await ctx.health.databaseReachable()) ? 'ok' : 'unreachable'
      const problems = ctx.health.list()
      if (database === 'unreachable')
        problems.push({ code: 'database_unreachable', message: '数据库暂时无法访问；已发布的内容仍由内存提供' })
      if (!snapshot) problems.push({ code: 'no_content', message: '还没有可提供的内容' })
      reply.header('cache-control', 'no-store')
      // Without content there is nothing to serve: tell the load balancer so.
      return reply.code(snapshot ? 200 : 503).send({
        status: problems.length === 0 ? 'ok' : 'degraded',
        database,
        problems,
        version: snapshot?.version ?? null,
        packVersion: snapshot?.packVersion ?? null,
        publishedAt: snapshot?.publishedAt ?? null,
      })
    },
  )

  app.get(
    '/content/manifest',
    {
      schema: {
        tags: ['content'],
        summary: '内容清单：版本、发布时间、数据截至日期，以及各分区的哈希和字节数',
        description: '带强 ETag；用 If-None-Match 重新验证时内容未变返回 304。',
        response: { 200: manifestSchema, 304: z.null().describe('未变'), 503: errorBodySchema },
      },
    },
    async (request, reply) => sendJsonBytes(request, reply, requireSnapshot(ctx.store).manifestBody, MANIFEST_CACHE),
  )

  app.get(
    '/content/:section',
    {
      schema: {
        tags: ['content'],
        summary: '内容包的一个分区',
        description: `分区：${SECTION_NAMES.join('、')}。ETag 即清单中该分区的哈希（加引号）。`,
        params: z.object({ section: z.string().describe(SECTION_NAMES.join(' | ')) }),
        response: { 200: z.array(z.unknown()), 304: z.null(), 404: errorBodySchema, 503: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { section } = request.params
      if (!isSection(section)) throw notFound('section', `没有“${section}”这个分区，可选：${SECTION_NAMES.join('、')}`)
      return sendJsonBytes(request, reply, requireSnapshot(ctx.store).sections[section], SECTION_CACHE)
    },
  )
}
