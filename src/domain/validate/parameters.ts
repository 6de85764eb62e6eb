import type { DatedValue, Reference } from '../schema'
import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import { type RuleContext, problem } from './context'
import { checkDateInDocument, checkVerbatim } from './verbatim'
import { duplicateIds } from './duplicates'
import { squeeze } from './gazette'

/** Dated values in order, each with a checkable reference and a figure its quote states. */
export function checkParameters(ctx: RuleContext): Problem[] {
  const problems = duplicateIds(ctx.pack.parameters, 'parameters')
  ctx.pack.parameters.forEach((parameter, i) => {
    parameter.values.forEach((value, j) => {
      const path = `parameters[${i}].values[${j}]`
      const previous = j > 0 ? parameter.values[j - 1] : null
      if (previous) problems.push(...checkOrder(previous, value, path))
      problems.push(...checkValue(ctx, value, path))
    })
  })
  return problems
}

// valueOn picks the last entry on or before a date: entries out of order or on the same day would
// make the answer depend on their position in the file.
function checkOrder(previous: DatedValue, value: DatedValue, path: string): Problem[] {
  if (value.effectiveFrom > previous.effectiveFrom) return []
  const [current, before] = [formatChineseDate(value.effectiveFrom), formatChineseDate(previous.effectiveFrom)]
  return [
    problem(
      `${path}.effectiveFrom`,
      value.effectiveFrom === previous.effectiveFrom
        ? `生效日期${current}与上一条相同，两条标准会在同一天重叠`
        : `生效日期${current}早于上一条的${before}：各条须按生效日期从早到晚排列`,
    ),
  ]
}

function checkValue(ctx: RuleContext, value: DatedValue, path: string): Problem[] {
  const problems: Problem[] = []
  if (value.effectiveFromBasis === 'assumed' && !value.effectiveNote?.trim()) {
    problems.push(
      problem(`${path}.effectiveNote`, '生效日期是推定的（effectiveFromBasis 为 assumed），须在 effectiveNote 中说明推定的依据'),
    )
  }
  if (!value.derivation?.trim() && !statesAmount(value.reference.quote, value.amountFen)) {
    problems.push(
      problem(
        `${path}.amountFen`,
        `金额“${formatYuan(value.amountFen)}元”在引文中找不到：引文须写明这个数字，否则须在 derivation 中说明它是怎样由原文推算出来的`,
      ),
    )
  }
  problems.push(...checkReference(ctx, value.reference, `${path}.reference`))
  const source = ctx.sourcesById.get(value.reference.sourceId)
  if (source?.kind === 'gazette') {
    problems.push(...checkDateInDocument(ctx, source.docNumber, value.publishedOn, `${path}.publishedOn`, '公布日期'))
  }
  return problems
}

/** "660元" in the quote, not as the tail of "1660元". */
function statesAmount(quote: string, amountFen: number): boolean {
  const squeezed = squeeze(quote)
  const figure = `${formatYuan(amountFen)}元`
  for (let at = squeezed.indexOf(figure); at >= 0; at = squeezed.indexOf(figure, at + 1)) {
    if (at === 0 || !/[\d.]/.test(squeezed[at - 1])) return true
  }
  return false
}

function checkReference(ctx: RuleContext, reference: Reference, path: string): Problem[] {
  const source = ctx.sourcesById.get(reference.sourceId)
  if (!source) return [problem(`${path}.sourceId`, `引用的来源“${reference.sourceId}”不在 sources 中`)]
  const problems: Problem[] = []
  if (reference.docNumber !== source.docNumber) {
    problems.push(problem(`${path}.docNumber`, `文号“${reference.docNumber}”与来源“${source.id}”的文号“${source.docNumber}”不一致`))
  }
  if (source.kind === 'gazette') {
    problems.push(...checkVerbatim(ctx, source.docNumber, reference.quote, `${path}.quote`, '引文'))
    if (reference.approvedBy !== undefined) {
      problems.push(...checkVerbatim(ctx, source.docNumber, reference.approvedBy, `${path}.approvedBy`, '审议会议'))
    }
  }
  return problems
}
