// Passages and dates shown as coming from a gazette document are held to its exact words.
import type { Problem } from '../validate'
import { formatChineseDate } from '../dates'
import { type RuleContext, problem } from './context'
import { locate, squeeze } from './gazette'

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat
}

/**
 * A passage attributed to a gazette document must be in that document, word for word
 * (whitespace aside). `what` names the passage in the message, e.g. 引文.
 */
export function checkVerbatim(ctx: RuleContext, docNumber: string, passage: string, path: string, what: string): Problem[] {
  const squeezed = squeeze(passage)
  if (squeezed === '') return [problem(path, `${what}不能只有空白`)]
  switch (locate(ctx.gazette, docNumber, squeezed)) {
    case 'in-document':
      return []
    case 'elsewhere':
      return [problem(path, `${what}“${excerpt(passage)}”出现在公报中，但不在${docNumber}的正文里`)]
    case 'missing':
      return [problem(path, `${what}“${excerpt(passage)}”在公报原文中找不到（已忽略空白），须逐字照录`)]
  }
}

/** A date shown as coming from a gazette document must be printed in it, as 2019年6月28日. */
export function checkDateInDocument(ctx: RuleContext, docNumber: string, date: string, path: string, what: string): Problem[] {
  const chinese = formatChineseDate(date)
  const found = locate(ctx.gazette, docNumber, chinese)
  if (found === 'in-document') return []
  return [problem(path, found === 'elsewhere' ? `${what}“${chinese}”不在${docNumber}的正文里` : `${what}“${chinese}”在公报原文中找不到`)]
}
