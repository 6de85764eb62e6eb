// Search across policies, services, standards and the FAQ with highlighted snippets, using the same
// index and ranking as the app (src/domain/search.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type SearchHit, type SearchKind, search } from '../../src/domain/search'
import { derive } from '../content/snapshot'
import { errorBodySchema } from '../lib/errors'
import { qParam } from './catalog'
import { DERIVED_CACHE, type RouteOptions, requireSnapshot, sendJsonBytes } from './context'

const KINDS = ['policy', 'service', 'parameter', 'faq'] as const satisfies readonly SearchKind[]

const HREF: Record<SearchKind, (id: string) => string | null> = {
  policy: (id) => `/api/v1/policies/${id}`,
  service: (id) => `/api/v1/services/${id}`,
  parameter: (id) => `/api/v1/standards/${id}`,
  // FAQ answers are short and come whole in the faq section
  faq: () => null,
}

const hitSchema = z.object({
  kind: z.enum(KINDS).describe('policy 政策 | service 办事指南 | parameter 救助标准 | faq 问答'),
  id: z.string(),
  title: z.string(),
  score: z.number(),
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean().describe('是否为匹配到的文字（用于高亮）') })),
  sectionId: z.string().optional(),
  href: z.string().nullable().describe('该条目的接口地址'),
})

const kindsParam = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return undefined
    const kinds = raw
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
    const bad = kinds.find((k) => !(KINDS as readonly string[]).includes(k))
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `没有“${bad}”这种类型，可选：${KINDS.join('、')}（多个用逗号分隔）` })
      return z.NEVER
    }
    return kinds as SearchKind[]
  })

const limitParam = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw === '') return 20
    // decimal digits only: Number() would also take 0x10, 1e1 or ' 16 '
    const n = /^[0-9]{1,3}$/.test(raw) ? Number(raw) : NaN
    if (!Number.isInteger(n) || n < 1 || n > 50) {
      ctx.addIssue({ code: 'custom', message: '条数应为 1 到 50 之间的整数' })
      return z.NEVER
    }
    return n
  })

export const searchRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['catalog'],
        summary: '搜索政策、办事指南、救助标准和常见问题，返回带高亮片段的结果',
        querystring: z.object({
          q: z.string({ error: '请填写搜索词（参数 q）' }).pipe(qParam),
          kinds: kindsParam.describe(`只搜这些类型，逗号分隔：${KINDS.join(',')}`),
          limit: limitParam.describe('最多返回多少条，默认 20，最多 50'),
        }),
        response: {
          200: z.object({ q: z.string(), contentVersion: z.string(), total: z.number().int(), results: z.array(hitSchema) }),
          304: z.null(),
          400: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const { q, kinds, limit } = request.query
      // the same words are searched again and again (each keystroke's prefix): answer them from memory
      const key = `search:${JSON.stringify([q, kinds ?? null, limit])}`
      const payload = derive(snapshot, key, () => {
        const hits: SearchHit[] = search(snapshot.searchIndex, q, { limit, ...(kinds ? { kinds } : {}) })
        return { q, contentVersion: snapshot.version, total: hits.length, results: hits.map((h) => ({ ...h, href: HREF[h.kind](h.id) })) }
      })
      return sendJsonBytes(request, reply, payload, DERIVED_CACHE)
    },
  )
}
