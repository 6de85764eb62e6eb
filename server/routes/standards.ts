// Relief standards on a date, each with the value in 元, the change from the previous figure and
// where it comes from; and one standard's full history. A date before any known figure is a 422,
// never another year's figures.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  type DatedValue,
  type Parameter,
  fenToYuan,
  firstEffectiveFrom,
  historyOf,
  isoDate,
  standardsOn,
  todayInShanghai,
  upcomingValue,
  type ValueOnDate,
} from '../../src/domain'
import type { Snapshot } from '../content/snapshot'
import { derive } from '../content/snapshot'
import { ApiError, errorBodySchema, notFound } from '../lib/errors'
import { DERIVED_CACHE, type RouteOptions, requireSnapshot, sendJsonBytes } from './context'

const citationSchema = z.object({
  sourceId: z.string(),
  docNumber: z.string().describe('文号'),
  article: z.string().describe('条款'),
  quote: z.string().describe('原文'),
  approvedBy: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  sourceIssuer: z.string().nullable(),
  sourceLocation: z.string().nullable(),
  sourceUrl: z.string().nullable(),
})

const valueFields = {
  value: z.number().describe('元/人/月'),
  effectiveFrom: z.string(),
  effectiveFromBasis: z.enum(['stated', 'assumed']),
  effectiveNote: z.string().nullable(),
  publishedOn: z.string(),
  validUntil: z.string().nullable(),
  derivation: z.string().nullable().describe('原文没有直接写出这个数字时，它是怎样推算出来的'),
  lastVerifiedOn: z.string().describe('最近一次由人工对照原文核对的日期'),
  citation: citationSchema,
}

const parameterFields = {
  id: z.string(),
  label: z.string(),
  shortLabel: z.string(),
  group: z.string(),
  area: z.enum(['urban', 'rural']).nullable(),
  unit: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  description: z.string(),
}

const standardOnDateSchema = z.object({
  ...parameterFields,
  ...valueFields,
  previousValue: z.number().nullable(),
  change: z.number().nullable(),
  possiblyOutdated: z.boolean().describe('所问日期在最新收录的通知生效日期之后的次年1月1日或更晚：可能已有更新的标准'),
  upcoming: z
    .object({ value: z.number(), effectiveFrom: z.string() })
    .nullable()
    .describe('已公布、今天（北京时间）还未执行的下一个标准（即将执行）'),
})

const standardsResponseSchema = z.object({
  on: z.string(),
  contentVersion: z.string(),
  standards: z.array(standardOnDateSchema),
  notYetInForce: z.array(z.object({ id: z.string(), label: z.string(), firstEffectiveFrom: z.string() })),
})

const historyResponseSchema = z.object({
  ...parameterFields,
  contentVersion: z.string(),
  history: z.array(z.object({ ...valueFields, change: z.number().nullable() })),
})

const yuanOrNull = (fen: number | null): number | null => (fen === null ? null : fenToYuan(fen))

function citationOf(snapshot: Snapshot, value: DatedValue): z.infer<typeof citationSchema> {
  const ref = value.reference
  const source = snapshot.sources.get(ref.sourceId)
  return {
    sourceId: ref.sourceId,
    docNumber: ref.docNumber,
    article: ref.article,
    quote: ref.quote,
    approvedBy: ref.approvedBy ?? null,
    sourceTitle: source?.title ?? null,
    sourceIssuer: source?.issuer ?? null,
    sourceLocation: source?.location ?? null,
    sourceUrl: source?.url ?? null,
  }
}

function describeParameter(p: Parameter) {
  return {
    id: p.id,
    label: p.label,
    shortLabel: p.shortLabel,
    group: p.group,
    area: p.area ?? null,
    unit: p.unit,
    region: p.region,
    description: p.description,
  }
}

function describeValue(snapshot: Snapshot, value: DatedValue, validUntil: string | null) {
  return {
    value: fenToYuan(value.amountFen),
    effectiveFrom: value.effectiveFrom,
    effectiveFromBasis: value.effectiveFromBasis,
    effectiveNote: value.effectiveNote ?? null,
    publishedOn: value.publishedOn,
    validUntil,
    derivation: value.derivation?.explanation ?? null,
    lastVerifiedOn: value.lastVerifiedOn,
    citation: citationOf(snapshot, value),
  }
}

function describeOnDate(snapshot: Snapshot, v: ValueOnDate, today: string): z.infer<typeof standardOnDateSchema> {
  const upcoming = upcomingValue(v.parameter, today)
  return {
    ...describeParameter(v.parameter),
    ...describeValue(snapshot, v.current, v.validUntil),
    previousValue: v.previous ? fenToYuan(v.previous.amountFen) : null,
    change: yuanOrNull(v.changeFen),
    possiblyOutdated: v.possiblyOutdated,
    upcoming: upcoming ? { value: fenToYuan(upcoming.amountFen), effectiveFrom: upcoming.effectiveFrom } : null,
  }
}

const onQuery = z.object({
  on: z.optional(isoDate).describe('日期 YYYY-MM-DD，默认今天（北京时间）'),
})

export const standardsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/standards',
    {
      schema: {
        tags: ['standards'],
        summary: '某一天执行的全部救助标准（元），附变化与出处',
        querystring: onQuery,
        response: { 200: standardsResponseSchema, 304: z.null(), 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const today = todayInShanghai()
      const on = request.query.on ?? today
      // `upcoming` depends on today as well as on the date asked about.
      const key = `standards:${on}:${today}`
      const memo = snapshot.derived.get(key)
      if (memo) return sendJsonBytes(request, reply, memo, DERIVED_CACHE)
      const result = standardsOn(snapshot.pack.parameters, on)
      if (!result.ok) {
        const { code, message, field } = result.error
        throw new ApiError(code === 'before_first_value' ? 422 : 400, code, message, field ? [{ field, message }] : undefined)
      }
      const payload = derive(snapshot, key, () => ({
        on,
        contentVersion: snapshot.version,
        standards: result.value.inForce.map((v) => describeOnDate(snapshot, v, today)),
        notYetInForce: result.value.notYetInForce.map((p) => ({
          id: p.id,
          label: p.label,
          firstEffectiveFrom: firstEffectiveFrom(p),
        })),
      }))
      return sendJsonBytes(request, reply, payload, DERIVED_CACHE)
    },
  )

  app.get(
    '/standards/:id',
    {
      schema: {
        tags: ['standards'],
        summary: '一项救助标准的全部历史，从早到晚',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: historyResponseSchema, 304: z.null(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const snapshot = requireSnapshot(ctx.store)
      const result = historyOf(snapshot.pack.parameters, request.params.id)
      if (!result.ok) throw notFound('id', result.error.message)
      const { parameter, entries } = result.value
      const payload = derive(snapshot, `standard:${parameter.id}`, () => ({
        ...describeParameter(parameter),
        contentVersion: snapshot.version,
        history: entries.map((e) => ({ ...describeValue(snapshot, e.value, e.validUntil), change: yuanOrNull(e.changeFen) })),
      }))
      return sendJsonBytes(request, reply, payload, DERIVED_CACHE)
    },
  )
}
