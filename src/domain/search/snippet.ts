// Builds the highlighted excerpt of one matched text. Highlights are returned as plain segments so
// the app renders them as text: content is never interpreted as markup.
import { type QueryToken, compactOffsets, compactText, foldText, isWordChar } from './text'

export interface SnippetSegment {
  text: string
  hit: boolean
}

export interface SnippetQuery {
  /** the whole query without whitespace, for phrase matches */
  phrase: string
  tokens: readonly QueryToken[]
  /** the last ASCII word is still being typed: match it as a prefix */
  prefixWord: string | null
}

interface Range {
  start: number
  end: number
  token: number
}

/** Characters of context shown around the best hit. */
export const SNIPPET_CHARS = 60
const LEAD_CHARS = 16
/** Texts this much longer than the window are shown whole rather than cut. */
const SLACK_CHARS = 12
/** Enough to highlight any window; stops a pathological text from costing more. */
const MAX_RANGES = 500
const ELLIPSIS = '…'

export function buildSnippet(raw: string, query: SnippetQuery, phraseMatched: boolean): SnippetSegment[] {
  const folded = foldText(raw)
  const ranges = phraseMatched ? phraseRanges(folded, query.phrase) : tokenRanges(folded, query)
  // The index only hands over texts that match, but an excerpt must never fail: show the opening.
  const [first] = ranges
  const anchor = first === undefined ? { start: 0, end: 0, token: 0 } : phraseMatched ? first : (densestRange(ranges) ?? first)
  const [start, end] = windowAround(raw, anchor)
  return segments(raw, start, end, ranges)
}

function phraseRanges(folded: string, phrase: string): Range[] {
  const compact = compactText(folded)
  const offsets = compactOffsets(folded)
  const ranges: Range[] = []
  for (let i = compact.indexOf(phrase); i >= 0 && ranges.length < MAX_RANGES; i = compact.indexOf(phrase, i + phrase.length)) {
    ranges.push(compactRange(offsets, i, phrase.length, 0))
  }
  return ranges
}

function tokenRanges(folded: string, query: SnippetQuery): Range[] {
  const compact = compactText(folded)
  const offsets = compactOffsets(folded)
  const ranges: Range[] = []
  query.tokens.forEach((token, t) => {
    if (token.kind === 'han') {
      for (let i = compact.indexOf(token.text); i >= 0 && ranges.length < MAX_RANGES; i = compact.indexOf(token.text, i + 1)) {
        ranges.push(compactRange(offsets, i, token.text.length, t))
      }
      return
    }
    const prefix = token.text === query.prefixWord
    for (let i = folded.indexOf(token.text); i >= 0 && ranges.length < MAX_RANGES; i = folded.indexOf(token.text, i + 1)) {
      const end = i + token.text.length
      const wholeStart = i === 0 || !isWordChar(folded.charCodeAt(i - 1))
      const wholeEnd = end === folded.length || !isWordChar(folded.charCodeAt(end))
      if (wholeStart && (wholeEnd || prefix)) ranges.push({ start: i, end, token: t })
    }
  })
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** The folded-text range of the compact characters [i, i + length), which lie inside the compact text. */
function compactRange(offsets: Int32Array, i: number, length: number, token: number): Range {
  const start = offsets[i]
  const last = offsets[i + length - 1]
  if (start === undefined || last === undefined) throw new RangeError(`compact span ${i}+${length} is outside the text`)
  return { start, end: last + 1, token }
}

/** The hit around which the most different query tokens fall within one window; undefined for none. */
function densestRange(ranges: readonly Range[]): Range | undefined {
  let best = ranges[0]
  let bestDistinct = 0
  const counts = new Map<number, number>()
  let left = 0
  for (const range of ranges) {
    counts.set(range.token, (counts.get(range.token) ?? 0) + 1)
    // the window's oldest hit; none left only when hits longer than the window run to the end
    let oldest = ranges[left]
    while (oldest && range.end - oldest.start > SNIPPET_CHARS) {
      const n = (counts.get(oldest.token) ?? 1) - 1
      if (n === 0) counts.delete(oldest.token)
      else counts.set(oldest.token, n)
      oldest = ranges[++left]
    }
    if (oldest && counts.size > bestDistinct) {
      bestDistinct = counts.size
      best = oldest
    }
  }
  return best
}

function windowAround(raw: string, anchor: Range): [number, number] {
  if (raw.length <= SNIPPET_CHARS + SLACK_CHARS) return [0, raw.length]
  let start = Math.max(0, Math.min(anchor.start - LEAD_CHARS, raw.length - SNIPPET_CHARS))
  let end = Math.max(Math.min(raw.length, start + SNIPPET_CHARS), anchor.end)
  // Never cut a surrogate pair in half: the halves would render as replacement characters.
  if (start > 0 && isLowSurrogate(raw.charCodeAt(start)) && isHighSurrogate(raw.charCodeAt(start - 1))) start--
  if (end < raw.length && isLowSurrogate(raw.charCodeAt(end)) && isHighSurrogate(raw.charCodeAt(end - 1))) end++
  return [start, end]
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function segments(raw: string, start: number, end: number, ranges: readonly Range[]): SnippetSegment[] {
  const out: SnippetSegment[] = []
  const push = (text: string, hit: boolean): void => {
    const shown = text.replace(/\s+/g, ' ')
    if (!shown) return
    const last = out[out.length - 1]
    if (last && last.hit === hit && !hit) last.text += shown
    else out.push({ text: shown, hit })
  }
  if (start > 0) push(ELLIPSIS, false)
  let cursor = start
  for (const range of mergeOverlaps(ranges)) {
    const from = Math.max(range.start, cursor)
    const to = Math.min(range.end, end)
    if (to <= from) continue
    push(raw.slice(cursor, from), false)
    push(raw.slice(from, to), true)
    cursor = to
  }
  push(raw.slice(cursor, end), false)
  if (end < raw.length) push(ELLIPSIS, false)
  return out
}

/** Overlapping token hits ("低保" and "保障" in "低保障") become one highlight. */
function mergeOverlaps(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const merged: Range[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}
