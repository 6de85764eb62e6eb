// Text folding and tokens for search. Chinese is written without spaces and a word segmenter is
// too large for a mini-program, so Han text is indexed as overlapping character pairs (bigrams):
// any query of two or more characters matches wherever its characters stand side by side.

const FOLDABLE = /[\uff01-\uff5e\u3000A-Z]/g

/**
 * Full-width ASCII → half-width, ideographic space → space, A–Z → a–z. Every change is one UTF-16
 * unit for one, so offsets in the folded text are offsets in the original (highlights rely on it).
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, (ch) => {
    const code = ch.charCodeAt(0)
    if (code === 0x3000) return ' '
    const half = code >= 0xff01 ? code - 0xfee0 : code
    return String.fromCharCode(half >= 65 && half <= 90 ? half + 32 : half)
  })
}

const WHITESPACE = /\s/

/** The same set as the regex \s, with a fast path for ASCII. */
export function isWhitespace(ch: string): boolean {
  const code = ch.charCodeAt(0)
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return WHITESPACE.test(ch)
}

function isHan(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x323af) ||
    codePoint === 0x3007
  )
}

/** a–z and 0–9 only: runs of these are indexed as whole words ("12345", "35"). */
export function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
}

/** A stretch of indexable text: Han characters (whitespace between them does not break it) or one ASCII word. */
export type Run = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string }

/** Splits folded text into runs; punctuation, symbols and anything else separate them. */
export function scanRuns(folded: string): Run[] {
  const runs: Run[] = []
  let han: string[] = []
  let word = ''
  const endHan = (): void => {
    if (han.length) runs.push({ kind: 'han', chars: han })
    han = []
  }
  const endWord = (): void => {
    if (word) runs.push({ kind: 'word', text: word })
    word = ''
  }
  // for…of walks code points, so characters outside the BMP stay whole and lone surrogates
  // arrive on their own (and count as separators).
  for (const ch of folded) {
    const code = ch.codePointAt(0) ?? 0
    if (isWordChar(code)) {
      endHan()
      word += ch
    } else if (isHan(code)) {
      endWord()
      han.push(ch)
    } else if (isWhitespace(ch)) {
      // Gazette text often has stray spaces inside Chinese phrases ("2019 年底"): keep Han runs whole.
      endWord()
    } else {
      endHan()
      endWord()
    }
  }
  endHan()
  endWord()
  return runs
}

/** Every token a text is findable by: each Han character, each adjacent pair, each ASCII word. */
export function indexTokens(folded: string): Set<string> {
  const tokens = new Set<string>()
  for (const run of scanRuns(folded)) {
    if (run.kind === 'word') {
      tokens.add(run.text)
      continue
    }
    let previous: string | undefined
    for (const char of run.chars) {
      tokens.add(char)
      if (previous !== undefined) tokens.add(previous + char)
      previous = char
    }
  }
  return tokens
}

export interface QueryToken {
  text: string
  kind: 'han' | 'word'
}

/**
 * The tokens a query is matched by: pairs for Han runs (a lone Han character stands for itself,
 * as in "35号"), whole ASCII words. Duplicates are dropped, order kept.
 */
export function queryTokens(folded: string): QueryToken[] {
  const seen = new Set<string>()
  const tokens: QueryToken[] = []
  const add = (text: string, kind: QueryToken['kind']): void => {
    if (seen.has(text)) return
    seen.add(text)
    tokens.push({ text, kind })
  }
  for (const run of scanRuns(folded)) {
    if (run.kind === 'word') add(run.text, 'word')
    else {
      let previous: string | undefined
      for (const char of run.chars) {
        if (previous !== undefined) add(previous + char, 'han')
        previous = char
      }
      if (run.chars.length === 1 && previous !== undefined) add(previous, 'han')
    }
  }
  return tokens
}

/** Folded text without whitespace: phrases are matched here, so "2019年底" finds "2019 年底". */
export function compactText(folded: string): string {
  return folded.replace(/\s+/g, '')
}

/** Offsets into `folded` of each unit of compactText(folded), for mapping matches back to the original. */
export function compactOffsets(folded: string): Int32Array {
  const offsets = new Int32Array(folded.length)
  let n = 0
  for (let i = 0; i < folded.length; i++) {
    if (!isWhitespace(folded.charAt(i))) offsets[n++] = i
  }
  return offsets.subarray(0, n)
}

export const MAX_QUERY_CHARS = 200

/**
 * Trim, collapse whitespace, fold width and case, and cut to MAX_QUERY_CHARS characters. The raw
 * input is cut first so a pasted megabyte costs no more than a long query.
 */
export function normalizeQuery(query: string): string {
  const bounded = query.length > MAX_QUERY_CHARS * 4 ? query.slice(0, MAX_QUERY_CHARS * 4) : query
  const collapsed = foldText(bounded).trim().replace(/\s+/g, ' ')
  const chars = Array.from(collapsed)
  return chars.length > MAX_QUERY_CHARS ? chars.slice(0, MAX_QUERY_CHARS).join('').trimEnd() : collapsed
}
