// The notice itself: 文号, title, issuer, issue date and the date it takes effect (often stated in the
// body, apart from the issue date: 「决定从2019年1月1日起」, 「自2020年4月1日起执行」).
import { DATE_SOURCE, findDates, findEffectiveStatements, isoFromParts } from './dates'
import { type NormalisedText, originalSpan } from './normalise'
import { captured } from '../captured'

export interface NoticeDocument {
  docNumber: string | null
  title: string | null
  issuer: string | null
  issuedOn: string | null
  effectiveFrom: string | null
}

function lines(n: NormalisedText): Array<{ start: number; end: number; text: string }> {
  return n.lineStarts
    .map((start, k) => {
      const end = n.lineStarts[k + 1] ?? n.text.length
      return { start, end, text: n.text.slice(start, end) }
    })
    .filter((line) => line.text !== '')
}

/** Text for display: the input as written (full-width brackets kept), minus whitespace, digits folded. */
function display(input: string, n: NormalisedText, from: number, to: number, simplified: string): string {
  const { start, end } = originalSpan(n, from, to)
  const raw = input.slice(start, end).replace(/\s+/g, '')
  // Keep the simplified characters, but the original punctuation: walk both in step where lengths agree.
  const folded = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (folded.length !== simplified.length) return simplified
  return [...folded].map((c, i) => (/[\u4e00-\u9fff]/.test(c) ? simplified[i] : c)).join('')
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,6}(?:发|字|函|电))[〔[(【]((?:19|20)\d{2})[〕\])】](\d{1,4})号/y

function findDocNumber(n: NormalisedText): { value: string; line: number } | null {
  const all = lines(n)
  for (const [k, line] of all.entries()) {
    DOC_NUMBER.lastIndex = line.start
    const m = DOC_NUMBER.exec(n.text)
    if (m) return { value: `${m[1]}〔${m[2]}〕${m[3]}号`, line: k }
  }
  return null
}

const TITLE_END = /(?:通知|决定|意见|批复|通报|方案|办法|规定|函)/g
const ISSUER_END = /(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|局|厅|委员会|委|部|中心|会)$/

function findTitle(input: string, n: NormalisedText): { title: string; issuer: string | null; end: number } | null {
  const lineEnds = new Set([...n.lineStarts, n.text.length])
  for (const line of lines(n)) {
    const about = line.text.indexOf('关于')
    if (about < 0 || about > 40) continue
    const from = line.start
    TITLE_END.lastIndex = from + about + 2
    for (let m = TITLE_END.exec(n.text); m && m.index - from < 160; m = TITLE_END.exec(n.text)) {
      const end = m.index + m[0].length
      // A title ends with its line (it may wrap over several lines of the paste).
      if (!lineEnds.has(end)) continue
      const title = display(input, n, from, end, n.text.slice(from, end))
      if (/[。;!?]/.test(n.text.slice(from, end))) break
      const prefix = n.text.slice(from, from + about)
      const issuer = ISSUER_END.test(prefix) ? display(input, n, from, from + about, prefix) : null
      return { title, issuer, end }
    }
  }
  return null
}

/** A line holding only a date (the date under the signature), possibly in brackets. */
const DATE_LINE = new RegExp(`^\\(?${DATE_SOURCE}\\)?$`)

function findSignature(n: NormalisedText): { issuedOn: string | null; issuer: string | null } {
  const all = lines(n)
  for (const [k, line] of [...all.entries()].reverse()) {
    const m = DATE_LINE.exec(line.text)
    if (!m) continue
    const issuedOn = isoFromParts(captured(m, 1), captured(m, 2), m[3])
    const above = all[k - 1]?.text ?? ''
    const issuer = above.length <= 40 && ISSUER_END.test(above) && !/[,。:;]/.test(above) ? above : null
    return { issuedOn, issuer }
  }
  return { issuedOn: null, issuer: null }
}

export interface DocumentReading {
  document: NoticeDocument
  /** where the heading (title, 文号 line) ends: no sentence of the body runs across these */
  boundaries: number[]
}

export function readDocument(input: string, n: NormalisedText): DocumentReading {
  const number = findDocNumber(n)
  const heading = findTitle(input, n)
  const signature = findSignature(n)
  // A gazette prints the date beside the 文号; a notice as sent puts it under the signature.
  const numberLine = number ? lines(n)[number.line] : null
  const besideNumber = numberLine ? (findDates(numberLine.text)[0]?.iso ?? null) : null
  const issuedOn = besideNumber ?? signature.issuedOn
  const effective = findEffectiveStatements(n.text)[0]
  const effectiveFrom = effective ? (effective.date === 'issue' ? issuedOn : effective.date) : null
  const document = {
    docNumber: number?.value ?? null,
    title: heading?.title ?? null,
    issuer: heading?.issuer ?? signature.issuer,
    issuedOn,
    effectiveFrom,
  }
  const boundaries = [heading?.end, numberLine?.end].filter((b): b is number => b !== undefined)
  return { document, boundaries }
}
