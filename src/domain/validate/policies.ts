import type { Policy, Source } from '../schema'
import type { Problem } from '../validate'
import { type RuleContext, problem } from './context'
import { checkVerbatim } from './verbatim'
import { duplicateIds } from './duplicates'

/** A policy restates its source's number and date, and reproduces a gazette document's words. */
export function checkPolicies(ctx: RuleContext): Problem[] {
  const problems = duplicateIds(ctx.pack.policies, 'policies')
  ctx.pack.policies.forEach((policy, i) => {
    const path = `policies[${i}]`
    problems.push(...duplicateIds(policy.sections, `${path}.sections`))
    const source = ctx.sourcesById.get(policy.sourceId)
    if (!source) {
      problems.push(problem(`${path}.sourceId`, `来源“${policy.sourceId}”不在 sources 中`))
      return
    }
    if (policy.docNumber !== source.docNumber) {
      problems.push(problem(`${path}.docNumber`, `文号“${policy.docNumber}”与来源“${source.id}”的文号“${source.docNumber}”不一致`))
    }
    if (policy.issuedOn !== source.issuedOn) {
      problems.push(problem(`${path}.issuedOn`, `发文日期 ${policy.issuedOn} 与来源“${source.id}”的发文日期 ${source.issuedOn} 不一致`))
    }
    if (source.kind !== 'external') problems.push(...checkText(ctx, policy, source, path))
  })
  return problems
}

function checkText(ctx: RuleContext, policy: Policy, source: Source, path: string): Problem[] {
  const verbatim = (passage: string, at: string, what: string) => checkVerbatim(ctx, source.docNumber, passage, at, what)
  const problems: Problem[] = []
  policy.milestones.forEach((milestone, m) => {
    problems.push(...verbatim(milestone.quote, `${path}.milestones[${m}].quote`, '时间节点的原文'))
  })
  policy.sections.forEach((section, s) => {
    const at = `${path}.sections[${s}]`
    section.paragraphs.forEach((paragraph, p) => problems.push(...verbatim(paragraph, `${at}.paragraphs[${p}]`, '原文段落')))
    section.tables.forEach((table, t) => {
      // Cells carry the gazette's figures, so each is held to the same standard as a paragraph. Column
      // headers are not: the gazette's two-row merged headers (国家考核标准 over 断面总数) must be
      // joined into one label, which is then no longer a verbatim string.
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.trim()) problems.push(...verbatim(cell, `${at}.tables[${t}].rows[${r}][${c}]`, '表格内容'))
        }),
      )
    })
  })
  return problems
}
