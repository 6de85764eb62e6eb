import type { Source } from '../schema'
import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { type RuleContext, problem } from './context'
import { duplicateIds } from './duplicates'
import { squeeze } from './source-text'

/**
 * A gazette source must be a document its gazette text prints, under that number and date; a
 * notice's own text must carry its number. Both need a text we hold; an external source has none.
 */
export function checkSources(ctx: RuleContext): Problem[] {
  const problems = duplicateIds(ctx.pack.sources, 'sources')
  ctx.pack.sources.forEach((source, i) => problems.push(...checkSource(ctx, source, `sources[${i}]`)))
  return problems
}

function checkSource(ctx: RuleContext, source: Source, path: string): Problem[] {
  if (source.kind === 'external') {
    return source.textId === undefined ? [] : [problem(`${path}.textId`, '外部来源没有全文，不应填写 textId')]
  }
  if (!source.textId) return [problem(`${path}.textId`, `来源类型为 ${source.kind}，须写明全文的编号 textId`)]
  const text = ctx.textOf(source)
  if (!text) return [problem(`${path}.textId`, `找不到全文“${source.textId}”：须随内容一起提供这份文件的全文`)]
  if (!text.text.includes(squeeze(source.docNumber))) {
    return [problem(`${path}.docNumber`, `文号“${source.docNumber}”在全文“${source.textId}”中找不到`)]
  }
  if (source.kind === 'notice') return []
  const document = text.documents.get(squeeze(source.docNumber))
  if (!document) {
    return [problem(`${path}.kind`, `公报只引用了“${source.docNumber}”，没有刊登这份文件；来源类型应为 external，并写明官方出处`)]
  }
  const issued = formatChineseDate(source.issuedOn)
  if (issued === document.date) return []
  return [problem(`${path}.issuedOn`, `发文日期“${issued}”与公报不符：公报中${document.docNumber}的发文日期是${document.date}`)]
}
