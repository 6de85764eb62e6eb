// Policy documents and the service guide: summaries with simple filters, and the full item by id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { policySchema, serviceModeSchema, serviceSchema } from '../../src/domain'
import { matchesAllTerms, policyFilterText, serviceFilterText } from '../../src/domain/search/filter'
import { derive, serialize } from '../content/snapshot'
import { errorBodySchema, notFound } from '../lib/errors'
import { intParam, qParam } from '../lib/query-params'
import { DERIVED_CACHE, type RouteOptions, requireSnapshot, sendJsonBytes } from './context'

const policySummarySchema = z.object(policySchema.shape).pick({
  id: true,
  title: true,
  docNumber: true,
  issuer: true,
  issuedOn: true,
  topics: true,
  summary: true,
})

const serviceSummarySchema = z.object(serviceSchema.shape).pick({
  id: true,
  name: true,
  department: true,
  mode: true,
  applicants: true,
  fee: true,
  timeLimit: true,
})

export const catalogRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/policies',
    {
      schema: {
        tags: ['catalog'],
        summary: '政策文件列表（摘要），按印发日期从新到旧',
        querystring: z.object({
          q: qParam.optional().describe('关键词，多个用空格分隔，须全部出现'),
          topic: z.string().trim().min(1, '请填写主题').max(50, '主题太长了').optional(),
          page: intParam('页码', 1, 10_000, 1),
          pageSize: intParam('每页条数', 1, 100, 20),
        }),
        response: {
          200: z.object({
            contentVersion: z.string(),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            items: z.array(policySummarySchema),
          }),
          304: z.null(),
          400: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const { q, topic, page, pageSize } = request.query
      const key = `policies:${JSON.stringify([q ?? null, topic ?? null, page, pageSize])}`
      // Free-text queries are not memoized: arbitrary strings would only churn the cache.
      const make = () => {
        const matching = snapshot.pack.policies
          .filter((p) => (topic === undefined || p.topics.includes(topic)) && (q === undefined || matchesAllTerms(q, policyFilterText(p))))
          .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id))
        return {
          contentVersion: snapshot.version,
          total: matching.length,
          page,
          pageSize,
          items: matching.slice((page - 1) * pageSize, page * pageSize).map((p) => ({
            id: p.id,
            title: p.title,
            docNumber: p.docNumber,
            issuer: p.issuer,
            issuedOn: p.issuedOn,
            topics: p.topics,
            summary: p.summary,
          })),
        }
      }
      const payload = q === undefined ? derive(snapshot, key, make) : serialize(make())
      return sendJsonBytes(request, reply, payload, DERIVED_CACHE)
    },
  )

  app.get(
    '/policies/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '一份政策文件的全文与解读',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: policySchema, 304: z.null(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const policy = snapshot.policies.get(request.params.id)
      if (!policy) throw notFound('id', `没有编号为“${request.params.id}”的政策文件`)
      return sendJsonBytes(
        request,
        reply,
        derive(snapshot, `policy:${policy.id}`, () => policy),
        DERIVED_CACHE,
      )
    },
  )

  app.get(
    '/services',
    {
      schema: {
        tags: ['catalog'],
        summary: '办事指南列表（摘要）',
        querystring: z.object({
          q: qParam.optional(),
          mode: z
            .enum(serviceModeSchema.options, {
              error: '办理方式应为 yici-bupao（一次不跑）、zhi-pao-yici（只跑一次）或 onsite（现场办理）',
            })
            .optional()
            .describe('yici-bupao 一次不跑 | zhi-pao-yici 只跑一次 | onsite 现场办理'),
          department: z.string().trim().min(1, '请填写部门').max(100, '部门名称太长了').optional(),
        }),
        response: {
          200: z.object({ contentVersion: z.string(), total: z.number().int(), items: z.array(serviceSummarySchema) }),
          304: z.null(),
          400: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const { q, mode, department } = request.query
      const key = `services:${JSON.stringify([q ?? null, mode ?? null, department ?? null])}`
      const make = () => {
        const matching = snapshot.pack.services.filter(
          (s) =>
            (mode === undefined || s.mode === mode) &&
            (department === undefined || s.department === department) &&
            (q === undefined || matchesAllTerms(q, serviceFilterText(s))),
        )
        return {
          contentVersion: snapshot.version,
          total: matching.length,
          items: matching.map((s) => ({
            id: s.id,
            name: s.name,
            department: s.department,
            mode: s.mode,
            applicants: s.applicants,
            fee: s.fee,
            timeLimit: s.timeLimit,
          })),
        }
      }
      const payload = q === undefined ? derive(snapshot, key, make) : serialize(make())
      return sendJsonBytes(request, reply, payload, DERIVED_CACHE)
    },
  )

  app.get(
    '/services/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '一项服务的办事指南',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: serviceSchema, 304: z.null(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const service = snapshot.services.get(request.params.id)
      if (!service) throw notFound('id', `没有编号为“${request.params.id}”的办事指南`)
      return sendJsonBytes(
        request,
        reply,
        derive(snapshot, `service:${service.id}`, () => service),
        DERIVED_CACHE,
      )
    },
  )
}
