// A notice is matched in a normalised form (full-width digits and punctuation folded by NFKC,
// traditional characters simplified, line breaks and spaces dropped), but every quote handed to a
// reviewer must be a verbatim slice of what was pasted. So each normalised character remembers the
// span of the input it came from.
import { Converter } from 'opencc-js/t2cn'

export interface NormalisedText {
  /** the text as matched: NFKC, simplified, without line breaks or spaces */
  readonly text: string
  /** for each character of `text`, where its source starts in the input */
  readonly starts: readonly number[]
  /** for each character of `text`, where its source ends in the input (exclusive) */
  readonly ends: readonly number[]
  /** offsets in `text` at which a line of the input begins (headers and signatures are line-based) */
  readonly lineStarts: readonly number[]
}

// Whitespace carries no meaning in Chinese running text, and PDFs break lines (and numbers) anywhere.
const DROPPED = /[\s\u00a0\u200b\u2028\u2029\u3000\ufeff]/
const LINE_BREAK = /[\n\r\u2028\u2029]/

let toSimplified: ((text: string) => string) | null = null
function simplify(text: string): string {
  // Built on first use: the dictionary is large and only the ingestion path needs it.
  toSimplified ??= Converter({ from: 't', to: 'cn' })
  return toSimplified(text)
}

export function normalise(input: string): NormalisedText {
  const chars: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  const lineStarts: number[] = [0]
  let offset = 0
  for (const codePoint of input) {
    const start = offset
    offset += codePoint.length
    if (DROPPED.test(codePoint)) {
      if (LINE_BREAK.test(codePoint) && lineStarts[lineStarts.length - 1] !== chars.length) lineStarts.push(chars.length)
      continue
    }
    for (const unit of codePoint.normalize('NFKC')) {
      if (DROPPED.test(unit)) continue
      for (let i = 0; i < unit.length; i++) {
        chars.push(unit.charAt(i))
        starts.push(start)
        ends.push(offset)
      }
    }
  }
  const folded = chars.join('')
  // OpenCC converts phrase by phrase; a phrase that changes length would break the offset map, so
  // fall back to converting character by character in that (rare) case.
  let text = simplify(folded)
  if (text.length !== folded.length) text = chars.map((c) => (simplify(c).length === c.length ? simplify(c) : c)).join('')
  return { text, starts, ends, lineStarts }
}

/** The span of the input that produced normalised characters [from, to). */
export function originalSpan(n: NormalisedText, from: number, to: number): { start: number; end: number } {
  const start = n.starts[from]
  const end = n.ends[to - 1]
  if (from >= to || start === undefined || end === undefined) throw new RangeError(`bad normalised span ${from}..${to}`)
  return { start, end }
}
