// Passages and dates shown as coming from a source we hold the text of are held to its exact words.
import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { type RuleContext, problem } from './context'
import { locate, squeeze, withoutEditorialNotes } from './source-text'

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat
}

/**
 * A passage attributed to a gazette document must be in that document, word for word
 * (whitespace and editorial notes such as 〔原文如此〕 aside). `what` names the passage in the message, e.g. 引文.
 */
export function checkVerbatim(ctx: RuleContext, docNumber: string, passage: string, path: string, what: string): Problem[] {
  const squeezed = squeeze(withoutEditorialNotes(passage))
  if (squeezed === '') return [problem(path, `${what}不能只有空白`)]
  const text = ctx.textOfDoc(docNumber)
  if (!text) return [problem(path, `${what}的来源“${docNumber}”没有可核对的全文`)]
  switch (locate(text, docNumber, squeezed)) {
    case 'in-document':
      return []
    case 'elsewhere':
      return [problem(path, `${what}“${excerpt(passage)}”出现在原文中，但不在${docNumber}的正文里`)]
    case 'missing':
      return [problem(path, `${what}“${excerpt(passage)}”在原文中找不到（已忽略空白），须逐字照录`)]
  }
}

/** A date shown as coming from a gazette document must be printed in it, as 2019年6月28日. */
export function checkDateInDocument(ctx: RuleContext, docNumber: string, date: string, path: string, what: string): Problem[] {
  const chinese = formatChineseDate(date)
  const text = ctx.textOfDoc(docNumber)
  if (!text) return [problem(path, `${what}的来源“${docNumber}”没有可核对的全文`)]
  const found = locate(text, docNumber, chinese)
  if (found === 'in-document') return []
  return [problem(path, found === 'elsewhere' ? `${what}“${chinese}”不在${docNumber}的正文里` : `${what}“${chinese}”在原文中找不到`)]
}
