import type { Problem } from '../validate'
import { type RuleContext, problem } from './context'
import { duplicateIds } from './duplicates'

/** Services and answers point only at things the pack holds. */
export function checkServices(ctx: RuleContext): Problem[] {
  const parameterIds = new Set(ctx.pack.parameters.map((p) => p.id))
  const problems = duplicateIds(ctx.pack.services, 'services')
  ctx.pack.services.forEach((service, i) => {
    const path = `services[${i}]`
    problems.push(...duplicateIds(service.materials, `${path}.materials`))
    service.relatedParameterIds.forEach((id, k) => {
      if (!parameterIds.has(id)) problems.push(problem(`${path}.relatedParameterIds[${k}]`, `相关标准“${id}”不在 parameters 中`))
    })
  })
  return problems
}

export function checkFaq(ctx: RuleContext): Problem[] {
  const { parameters, policies, sources, services } = ctx.pack
  const known = new Set([...parameters, ...policies, ...sources, ...services].map((item) => item.id))
  const problems = duplicateIds(ctx.pack.faq, 'faq')
  ctx.pack.faq.forEach((item, i) => {
    item.basedOn.forEach((id, k) => {
      if (!known.has(id)) {
        problems.push(problem(`faq[${i}].basedOn[${k}]`, `依据“${id}”不是已有的标准、政策文件、来源或办事指南的编号`))
      }
    })
  })
  return problems
}

export function checkNews(ctx: RuleContext): Problem[] {
  return duplicateIds(ctx.pack.news, 'news')
}
