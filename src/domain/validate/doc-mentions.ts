// Document numbers mentioned in free text (summaries, answers, legal bases, news) must be ones a
// source text prints or cites, or a registered source's: a mistyped number would send a reader to the
// wrong document.
import type { Problem } from '../validate'
import { type RuleContext, problem } from './context'
import { squeeze } from './source-text'

const NUMBER_TAIL = /〔\d{4}〕\d+号/g

export function checkDocNumberMentions(ctx: RuleContext): Problem[] {
  const known = [...ctx.citedDocNumbers]
  for (const source of ctx.pack.sources) known.push(squeeze(source.docNumber))
  const problems: Problem[] = []
  visitStrings(ctx.pack, '', (text, path) => {
    const squeezed = squeeze(text)
    for (const m of squeezed.matchAll(NUMBER_TAIL)) {
      const end = m.index + m[0].length
      if (known.some((number) => squeezed.endsWith(number, end))) continue
      const shown = squeezed.slice(issuerStart(squeezed, m.index), end)
      problems.push(problem(path, `提到的文号“${shown}”在各来源全文中找不到，也不是 sources 中登记的文件`))
    }
  })
  return problems
}

/** Start of the run of Chinese characters (the issuer's prefix) that ends at `index`. */
function issuerStart(text: string, index: number): number {
  let start = index
  while (start > 0 && /[\u4e00-\u9fa5]/.test(text.charAt(start - 1))) start--
  return start
}

// docNumber fields are checked against their own source by the dedicated rules; scanning them here
// too would report the same mistake twice.
function visitStrings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path)
  else if (Array.isArray(value)) value.forEach((item, i) => visitStrings(item, `${path}[${i}]`, visit))
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'docNumber') visitStrings(item, path ? `${path}.${key}` : key, visit)
    }
  }
}
