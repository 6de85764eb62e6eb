// 低保 / 特困 self-check for other clients: the very same parse and assess functions the app runs
// on the phone, so both reject the same input with the same words and compute the same figures.
// Nothing of the request is logged or stored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  type Assessment,
  type DibaoAssessment,
  type DomainError,
  type Step,
  type TekunAssessment,
  assessDibao,
  assessTekun,
  fenToYuan,
  parseDibaoInput,
  parseTekunInput,
  todayInShanghai,
} from '../../src/domain'
import { MAX_HOUSEHOLD_SIZE } from '../../src/domain/eligibility/inputs'
import { ApiError, errorBodySchema } from '../lib/errors'
import { passBodyValidator } from '../lib/pass-body'
import { type RouteOptions, requireSnapshot } from './context'

// The body schemas document the API (OpenAPI); validation itself is the domain parser's, which
// names the field at fault in the words the app uses. Hence the pass-through body validator.
const onField = z.string().optional().describe('按哪一天的标准计算，YYYY-MM-DD，默认今天（北京时间）')
const dibaoBody = z.object({
  program: z.literal('dibao'),
  area: z.enum(['urban', 'rural']),
  householdSize: z.number().int().min(1).max(MAX_HOUSEHOLD_SIZE).describe('共同生活的家庭人口'),
  monthlyIncome: z.number().min(0).describe('家庭月收入（元）'),
  on: onField,
})
const tekunBody = z.object({
  program: z.literal('tekun'),
  area: z.enum(['urban', 'rural']),
  care: z.enum(['centralized', 'dispersed']).optional().describe('农村必填：集中供养或分散供养'),
  age: z.number().int().min(0),
  canWork: z.boolean(),
  monthlyIncome: z.number().min(0).describe('本人月收入（元）'),
  hasCapableSupporter: z.boolean().describe('是否有有能力赡养（抚养、扶养）的法定义务人'),
  selfCare: z.enum(['self', 'semi', 'full']),
  on: onField,
})
const assessBody = z.discriminatedUnion('program', [dibaoBody, tekunBody])

const citationOut = z.object({
  sourceId: z.string(),
  docNumber: z.string(),
  title: z.string(),
  article: z.string(),
  gist: z.string(),
  note: z.string().optional(),
})
const stepOut = z.object({
  id: z.string(),
  label: z.string(),
  text: z.string(),
  amount: z.number().nullable().describe('元'),
  citation: citationOut,
})
const common = {
  on: z.string(),
  standardEffectiveFrom: z.string().describe('所用救助标准的起始执行日期（特困为基本生活标准）'),
  area: z.enum(['urban', 'rural']),
  contentVersion: z.string(),
  steps: z.array(stepOut),
  caveats: z.array(z.string()).describe('要核实的情况；标准可能过时时，第一条是 outdatedNote'),
  outdatedNote: z.string().nullable().describe('所用标准可能已被新标准取代时的提示，否则为 null'),
  alternatives: z.array(z.string()),
  serviceIds: z.array(z.string()),
  possiblyOutdated: z.boolean(),
}
const dibaoOut = z.object({
  program: z.literal('dibao'),
  ...common,
  householdSize: z.number(),
  monthlyIncome: z.number(),
  standard: z.number().describe('低保标准，元/人/月'),
  perCapitaIncome: z.number(),
  meetsIncomeTest: z.boolean(),
  monthlyAllowance: z.number().describe('全家每月低保金估算（元），不符合时为 0'),
})
const tekunOut = z.object({
  program: z.literal('tekun'),
  ...common,
  care: z.enum(['centralized', 'dispersed']).nullable(),
  meetsCriteria: z.boolean(),
  criteria: z.object({ noWorkCapacity: z.boolean(), noLivelihood: z.boolean(), noCapableSupporter: z.boolean() }),
  supportStandard: z.number(),
  careStandard: z.number(),
  monthlySupport: z.number(),
  careAllowance: z.number(),
  monthlyTotal: z.number(),
})

function stepsOut(steps: Step[]) {
  return steps.map((s) => ({
    id: s.id,
    label: s.label,
    text: s.text,
    amount: s.amountFen === undefined ? null : fenToYuan(s.amountFen),
    citation: s.citation,
  }))
}

/** Clients before `outdatedNote` read the outdated-standard note as the first caveat; keep it there. */
function caveatsOut(a: Assessment): string[] {
  return a.outdatedNote ? [a.outdatedNote, ...a.caveats] : a.caveats
}

function toApiError(error: DomainError): ApiError {
  const fields = error.field ? [{ field: error.field, message: error.message }] : undefined
  if (error.code === 'before_first_value') return new ApiError(422, error.code, error.message, fields)
  if (error.code === 'unknown_parameter') {
    // The published content lacks a standard the rules need: our problem, not the caller's.
    return new ApiError(503, 'content_incomplete', '当前内容缺少计算所需的救助标准，请稍后再试')
  }
  return new ApiError(400, error.code, error.message, fields)
}

function dibaoResponse(a: DibaoAssessment, contentVersion: string) {
  return {
    program: a.program,
    on: a.on,
    standardEffectiveFrom: a.standardEffectiveFrom,
    area: a.area,
    contentVersion,
    householdSize: a.householdSize,
    monthlyIncome: fenToYuan(a.monthlyIncomeFen),
    standard: fenToYuan(a.standardFen),
    perCapitaIncome: fenToYuan(a.perCapitaIncomeFen),
    meetsIncomeTest: a.meetsIncomeTest,
    monthlyAllowance: fenToYuan(a.monthlyAllowanceFen),
    steps: stepsOut(a.steps),
    caveats: caveatsOut(a),
    outdatedNote: a.outdatedNote,
    alternatives: a.alternatives,
    serviceIds: a.serviceIds,
    possiblyOutdated: a.possiblyOutdated,
  }
}

function tekunResponse(a: TekunAssessment, care: 'centralized' | 'dispersed' | null, contentVersion: string) {
  return {
    program: a.program,
    on: a.on,
    standardEffectiveFrom: a.standardEffectiveFrom,
    area: a.area,
    contentVersion,
    care,
    meetsCriteria: a.meetsCriteria,
    criteria: a.criteria,
    supportStandard: fenToYuan(a.supportStandardFen),
    careStandard: fenToYuan(a.careStandardFen),
    monthlySupport: fenToYuan(a.monthlySupportFen),
    careAllowance: fenToYuan(a.careAllowanceFen),
    monthlyTotal: fenToYuan(a.monthlyTotalFen),
    steps: stepsOut(a.steps),
    caveats: caveatsOut(a),
    outdatedNote: a.outdatedNote,
    alternatives: a.alternatives,
    serviceIds: a.serviceIds,
    possiblyOutdated: a.possiblyOutdated,
  }
}

export const assessRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.post(
    '/assess',
    {
      validatorCompiler: passBodyValidator,
      config: { rateLimit: { max: ctx.config.rateLimit.assess, timeWindow: ctx.config.rateLimit.windowMs } },
      schema: {
        tags: ['assess'],
        summary: '低保 / 特困自测（与 App 相同的规则），金额单位为元',
        description: '请求内容不会被记录或保存。',
        body: assessBody,
        response: { 200: z.union([dibaoOut, tekunOut]), 400: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const raw: unknown = request.body
      const program = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).program : undefined
      if (program !== 'dibao' && program !== 'tekun') {
        const message = '请选择要测算的项目：dibao（低保）或 tekun（特困人员供养）'
        throw new ApiError(400, 'invalid_input', message, [{ field: 'program', message }])
      }
      const snapshot = requireSnapshot(ctx.store)
      const data = { parameters: snapshot.pack.parameters, sources: snapshot.pack.sources }
      const today = todayInShanghai()
      reply.header('cache-control', 'no-store')
      if (program === 'dibao') {
        const input = parseDibaoInput(raw, today)
        if (!input.ok) throw toApiError(input.error)
        const result = assessDibao(data, input.value)
        if (!result.ok) throw toApiError(result.error)
        return dibaoResponse(result.value, snapshot.version)
      }
      const input = parseTekunInput(raw, today)
      if (!input.ok) throw toApiError(input.error)
      const result = assessTekun(data, input.value)
      if (!result.ok) throw toApiError(result.error)
      return tekunResponse(result.value, input.value.care, snapshot.version)
    },
  )
}
