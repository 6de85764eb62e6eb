import type { DatedValue, Parameter, Reference } from '../schema'
import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { formatYuan } from '../money'
import { PLAUSIBLE_MONTHLY_FEN } from '../plausibility'
import { type RuleContext, problem } from './context'
import { checkDateInDocument, checkVerbatim } from './verbatim'
import { duplicateIds } from './duplicates'
import { squeeze } from './source-text'

/**
 * Dated values in order, each with a checkable reference, within plausible bounds, and either
 * stated in its quote or derived by arithmetic the validator recomputes (or a reviewer confirmed).
 */
export function checkParameters(ctx: RuleContext): Problem[] {
  const problems = duplicateIds(ctx.pack.parameters, 'parameters')
  ctx.pack.parameters.forEach((parameter, i) => {
    parameter.values.forEach((value, j) => {
      const path = `parameters[${i}].values[${j}]`
      const previous = j > 0 ? parameter.values[j - 1] : undefined
      if (previous) problems.push(...checkOrder(previous, value, path))
      problems.push(...checkValue(ctx, parameter, value, path))
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

function checkValue(ctx: RuleContext, parameter: Parameter, value: DatedValue, path: string): Problem[] {
  const problems: Problem[] = []
  if (value.effectiveFromBasis === 'assumed' && !value.effectiveNote?.trim()) {
    problems.push(
      problem(`${path}.effectiveNote`, '生效日期是推定的（effectiveFromBasis 为 assumed），须在 effectiveNote 中说明推定的依据'),
    )
  }
  if (value.lastVerifiedOn < value.publishedOn) {
    problems.push(problem(`${path}.lastVerifiedOn`, `核对日期 ${value.lastVerifiedOn} 早于公布日期 ${value.publishedOn}`))
  }
  problems.push(...checkPlausible(parameter, value, path), ...checkAmountTraced(value, path))
  problems.push(...checkReference(ctx, value.reference, `${path}.reference`))
  const source = ctx.sourcesById.get(value.reference.sourceId)
  if (source?.kind === 'gazette') {
    problems.push(...checkDateInDocument(ctx, source.docNumber, value.publishedOn, `${path}.publishedOn`, '公布日期'))
  }
  return problems
}

function checkPlausible(parameter: Parameter, value: DatedValue, path: string): Problem[] {
  const { min, max } = PLAUSIBLE_MONTHLY_FEN[parameter.group]
  if (value.amountFen >= min && value.amountFen <= max) return []
  return [
    problem(
      `${path}.amountFen`,
      `金额 ${formatYuan(value.amountFen)} 元超出${parameter.shortLabel}的合理范围（${formatYuan(min)}–${formatYuan(max)} 元/人/月），请核对是否多写或少写了位数`,
    ),
  ]
}

/** No value reaches the public without its figure in the quote, checked arithmetic, or a reviewer's confirmation. */
function checkAmountTraced(value: DatedValue, path: string): Problem[] {
  const { derivation, reference, amountFen } = value
  if (!derivation) {
    if (statesAmount(reference.quote, amountFen)) return []
    return [
      problem(
        `${path}.amountFen`,
        `金额“${formatYuan(amountFen)}元”在引文中找不到：引文须写明这个数字，否则须在 derivation 中写明由原文数字推算的算式（terms）或由审核人确认（confirmedBy）`,
      ),
    ]
  }
  if (!derivation.terms) {
    return derivation.confirmedBy
      ? []
      : [problem(`${path}.derivation`, '推算的金额须写明算式（terms），或经审核人确认（confirmedBy），否则不能发布')]
  }
  const problems: Problem[] = []
  derivation.terms.forEach((term, k) => {
    if (!statesAmount(reference.quote, Math.abs(term))) {
      problems.push(problem(`${path}.derivation.terms[${k}]`, `算式中的“${formatYuan(Math.abs(term))}元”在引文中找不到`))
    }
  })
  const sum = derivation.terms.reduce((total, term) => total + term, 0)
  if (sum !== amountFen) {
    problems.push(problem(`${path}.derivation.terms`, `算式之和为 ${formatYuan(sum)} 元，与金额 ${formatYuan(amountFen)} 元不符`))
  }
  return problems
}

/** "660元" in the quote, not as the tail of "1660元". */
function statesAmount(quote: string, amountFen: number): boolean {
  const squeezed = squeeze(quote)
  const figure = `${formatYuan(amountFen)}元`
  for (let at = squeezed.indexOf(figure); at >= 0; at = squeezed.indexOf(figure, at + 1)) {
    if (at === 0 || !/[\d.]/.test(squeezed[at - 1] ?? '')) return true
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
  if (source.kind === 'external') {
    problems.push(problem(`${path}.sourceId`, `救助标准须引自我们持有全文的通知或公报，不能只引外部来源“${source.id}”：否则引文无法核对`))
    return problems
  }
  problems.push(...checkVerbatim(ctx, source.docNumber, reference.quote, `${path}.quote`, '引文'))
  if (reference.approvedBy !== undefined) {
    problems.push(...checkVerbatim(ctx, source.docNumber, reference.approvedBy, `${path}.approvedBy`, '审议会议'))
  }
  return problems
}
