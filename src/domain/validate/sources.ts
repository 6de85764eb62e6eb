import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { type RuleContext, problem } from './context'
import { duplicateIds } from './duplicates'
import { squeeze } from './gazette'

/** A gazette source must be a document the gazette prints, under that number and date. */
export function checkSources(ctx: RuleContext): Problem[] {
  const problems = duplicateIds(ctx.pack.sources, 'sources')
  ctx.pack.sources.forEach((source, i) => {
    if (source.kind !== 'gazette') return
    const path = `sources[${i}]`
    if (!ctx.gazette.text.includes(squeeze(source.docNumber))) {
      problems.push(problem(`${path}.docNumber`, `文号“${source.docNumber}”在公报原文中找不到`))
      return
    }
    const document = ctx.gazette.documents.get(squeeze(source.docNumber))
    if (!document) {
      problems.push(problem(`${path}.kind`, `公报只引用了“${source.docNumber}”，没有刊登这份文件；来源类型应为 external，并写明官方出处`))
      return
    }
    const issued = formatChineseDate(source.issuedOn)
    if (issued !== document.date) {
      problems.push(problem(`${path}.issuedOn`, `发文日期“${issued}”与公报不符：公报中${document.docNumber}的发文日期是${document.date}`))
    }
  })
  return problems
}
