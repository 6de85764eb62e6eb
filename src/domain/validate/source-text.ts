// A source's full text prepared once per validation: a gazette issue (which prints many documents)
// or a single notice. Gazette texts were extracted from a PDF, so lines and spaces break sentences
// at random: every comparison is made with all whitespace removed. The text is also split into the
// documents it prints, so a quote can be checked against the right one.
import { captured } from '../captured'

/** Removes every whitespace character (including the ideographic space). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '')
}

/**
 * An editor's visible note on a misprint, left where the gazette's own words stand: 〔原文如此〕 or
 * 〔原文如此，应为“和”〕. The printed words are kept (a correction made silently would put words in
 * the document's mouth), and the note is not part of them, so it is set aside before a comparison.
 */
export const EDITORIAL_NOTE = /〔原文如此[^〔〕]*〕/g

export function withoutEditorialNotes(text: string): string {
  return text.replace(EDITORIAL_NOTE, '')
}

export interface PrintedDocument {
  docNumber: string
  /** the date printed under the title, e.g. 2019年6月28日 */
  date: string
  /** the document from its title to the next document's title, squeezed */
  text: string
}

export interface SourceTextIndex {
  text: string
  /** printed documents by document number */
  documents: ReadonlyMap<string, PrintedDocument>
  /** every complete document number the text prints or cites, squeezed */
  docNumbers: ReadonlySet<string>
}

// Each document is printed as its title, then a line holding only its number and date.
const HEADER = /^([\u4e00-\u9fa5]+〔\d{4}〕\d+号)\s+(\d{4}年\d{1,2}月\d{1,2}日)$/
// A document number is a run of Chinese characters (the issuer's prefix) right after a non-Chinese
// character; the capture excludes the boundary so 景府字 is never read as 府字.
const CITED_NUMBER = /(^|[^\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,12}\s*〔\s*\d{4}\s*〕\s*\d+\s*号)/g

export function indexSourceText(raw: string): SourceTextIndex {
  const lines = raw.split(/\r?\n/)
  const headers: Array<{ line: number; titleLine: number; docNumber: string; date: string }> = []
  lines.forEach((line, i) => {
    const m = HEADER.exec(line.trim())
    if (m) headers.push({ line: i, titleLine: previousNonEmpty(lines, i), docNumber: captured(m, 1), date: captured(m, 2) })
  })
  const documents = new Map<string, PrintedDocument>()
  headers.forEach((h, k) => {
    const end = headers[k + 1]?.titleLine ?? lines.length
    documents.set(h.docNumber, { docNumber: h.docNumber, date: h.date, text: squeeze(lines.slice(h.titleLine, end).join('')) })
  })
  const docNumbers = new Set<string>()
  for (const m of raw.matchAll(CITED_NUMBER)) docNumbers.add(squeeze(captured(m, 2)))
  return { text: squeeze(raw), documents, docNumbers }
}

function previousNonEmpty(lines: readonly string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (lines[i]?.trim()) return i
  return index
}

export type QuoteLocation = 'in-document' | 'elsewhere' | 'missing'

/**
 * Where a squeezed quote appears: in the document it is attributed to, elsewhere in the text, or
 * nowhere. When the text does not print that document under a header (a single notice), the whole
 * text is searched (the source rule reports a gazette document that is missing).
 */
export function locate(index: SourceTextIndex, docNumber: string, squeezedQuote: string): QuoteLocation {
  const document = index.documents.get(squeeze(docNumber))
  if (document?.text.includes(squeezedQuote)) return 'in-document'
  if (index.text.includes(squeezedQuote)) return document ? 'elsewhere' : 'in-document'
  return 'missing'
}
