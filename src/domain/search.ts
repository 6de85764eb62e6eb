// Search over the content pack, fast enough to run on every keystroke on a phone: the index is built
// once (an inverted index of Han characters, Han character pairs and ASCII words), and a query only
// touches the texts that share a token with it. One result per policy, service, parameter or answer.
import type { ContentPack, ServiceMode } from './schema'
import { type SnippetQuery, type SnippetSegment, buildSnippet } from './search/snippet'
import { type QueryToken, compactText, foldText, indexTokens, isWordChar, normalizeQuery, queryTokens } from './search/text'

export { normalizeQuery } from './search/text'
export type { SnippetSegment } from './search/snippet'

export type SearchKind = 'policy' | 'service' | 'parameter' | 'faq'

export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  score: number
  /** the best matching passage, about 60 characters, with the matched characters marked */
  snippet: SnippetSegment[]
  /** for policies: the section id where the best hit is */
  sectionId?: string
  /** the whole query appears in it as typed (not only some of its words: 营业 of 营业执照) */
  whole: boolean
}

export interface SearchOptions {
  /** at most this many results (default 20) */
  limit?: number
  /** only these kinds; an empty list matches nothing */
  kinds?: readonly SearchKind[]
}

/** Where a text sits in its document decides how much a match in it counts. */
const TIER = { title: 3, summary: 2, heading: 1.5, body: 1 } as const

// Scores are arranged in bands so the ranking rules hold whatever the bonuses add up to:
// any whole-phrase match (≥ PHRASE + 1) outranks any scattered match (≤ 3 + bonuses), and within a
// band a higher tier always wins because the bonuses together stay below the smallest tier step (0.5).
// A scattered match counts by the square of the share of the query it covers, so a text holding most
// of a question outranks a title that shares one rare pair of characters with it.
const PHRASE = 10
const EXACT_TITLE = 1
const COVERAGE_BONUS = 0.3
const PHRASE_COUNT_BONUS = 0.01
const MAX_COUNTED_PHRASES = 10
/**
 * A title that is mostly the phrase beats one that merely contains it: for 低保, 城市低保 (the
 * standard itself) before 城市低保补差. Scaled by the share of the title the phrase covers.
 */
const TIGHT_TITLE = 0.1
const DEFAULT_LIMIT = 20
/** A one-letter ASCII prefix could expand to half the vocabulary; the first few are enough. */
const MAX_PREFIX_EXPANSIONS = 64

const SERVICE_MODE_TEXT: Record<ServiceMode, string> = {
  'yici-bupao': '一次不跑',
  'zhi-pao-yici': '只跑一次',
  onsite: '到现场办理',
}

interface IndexedDoc {
  kind: SearchKind
  id: string
  title: string
}

interface IndexedField {
  doc: number
  tier: number
  text: string
  /** folded, whitespace removed: where phrases are looked for */
  compact: string
  sectionId?: string
}

interface IndexData {
  docs: IndexedDoc[]
  fields: IndexedField[]
  /** token → indexes of the fields holding it, ascending and without repeats */
  postings: Map<string, number[]>
  /** the ASCII words among the tokens, sorted, for prefix matching while a word is being typed */
  words: string[]
}

const DATA = Symbol('search-index')

/** Built by buildSearchIndex; its contents are private to this module. */
export interface SearchIndex {
  readonly [DATA]: IndexData
}

export type SearchablePack = Pick<ContentPack, 'policies' | 'services' | 'parameters' | 'faq'>

export function buildSearchIndex(pack: SearchablePack): SearchIndex {
  const builder = searchIndexBuilder(pack)
  for (const step of builder.steps) step()
  return builder.finish()
}

/**
 * The index built one document at a time: `steps` in order, then `finish`. A server can run the
 * steps between turns of its event loop (with a large pack the whole build is one long block).
 */
export function searchIndexBuilder(pack: SearchablePack): { steps: (() => void)[]; finish: () => SearchIndex } {
  const data: IndexData = { docs: [], fields: [], postings: new Map(), words: [] }
  const addDoc = (kind: SearchKind, id: string, title: string): number => data.docs.push({ kind, id, title }) - 1
  const addField = (doc: number, tier: number, text: string, sectionId?: string): void => {
    if (!text.trim()) return
    const folded = foldText(text)
    const index = data.fields.push({ doc, tier, text, compact: compactText(folded), sectionId }) - 1
    for (const token of indexTokens(folded)) {
      const list = data.postings.get(token)
      if (list) list.push(index)
      else data.postings.set(token, [index])
    }
  }
  const steps: (() => void)[] = []

  for (const policy of pack.policies) {
    steps.push(() => {
      const doc = addDoc('policy', policy.id, policy.title)
      addField(doc, TIER.title, policy.title)
      addField(doc, TIER.title, policy.docNumber)
      addField(doc, TIER.summary, policy.summary)
      addField(doc, TIER.summary, policy.topics.join('、'))
      for (const point of policy.keyPoints) addField(doc, TIER.summary, point.text)
      for (const milestone of policy.milestones) addField(doc, TIER.body, `${milestone.title}：${milestone.quote}`)
      for (const section of policy.sections) {
        addField(doc, TIER.heading, section.heading, section.id)
        for (const paragraph of section.paragraphs) addField(doc, TIER.body, paragraph, section.id)
        for (const table of section.tables) {
          if (table.title) addField(doc, TIER.body, table.title, section.id)
          addField(doc, TIER.body, table.columns.join(' | '), section.id)
          for (const row of table.rows) addField(doc, TIER.body, row.join(' | '), section.id)
        }
      }
    })
  }
  for (const service of pack.services) {
    steps.push(() => {
      const doc = addDoc('service', service.id, service.name)
      addField(doc, TIER.title, service.name)
      addField(doc, TIER.summary, SERVICE_MODE_TEXT[service.mode])
      addField(doc, TIER.summary, service.department)
      addField(doc, TIER.summary, service.applicants)
      for (const condition of service.conditions) addField(doc, TIER.heading, condition)
      for (const material of service.materials)
        addField(doc, TIER.body, material.note ? `${material.name}：${material.note}` : material.name)
      for (const step of service.steps) addField(doc, TIER.body, `${step.title}：${step.detail}`)
      for (const basis of service.legalBasis) addField(doc, TIER.body, basis)
    })
  }
  for (const parameter of pack.parameters) {
    steps.push(() => {
      const doc = addDoc('parameter', parameter.id, parameter.label)
      addField(doc, TIER.title, parameter.label)
      addField(doc, TIER.title, parameter.shortLabel)
      addField(doc, TIER.summary, parameter.description)
    })
  }
  for (const item of pack.faq) {
    steps.push(() => {
      const doc = addDoc('faq', item.id, item.question)
      addField(doc, TIER.title, item.question)
      addField(doc, TIER.summary, item.answer)
    })
  }

  const finish = (): SearchIndex => {
    data.words = [...data.postings.keys()].filter((token) => isWordChar(token.charCodeAt(0))).sort()
    return { [DATA]: data }
  }
  return { steps, finish }
}

interface FieldMatch {
  weight: number
  tokens: number
}

interface DocMatch {
  weight: number
  lastToken: number
  score: number
  field: number
  phraseFields: number
  /** the best match outside the titles: a snippet of body text says more than the title again */
  textScore: number
  textField: number
}

interface ScoredField {
  score: number
  phrase: boolean
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const data = index[DATA]
  const limit = options.limit ?? DEFAULT_LIMIT
  const normalized = normalizeQuery(query)
  const tokens = queryTokens(normalized)
  const last = tokens[tokens.length - 1]
  if (limit <= 0 || last === undefined) return []
  const kinds = options.kinds ? new Set(options.kinds) : null
  const prefixWord = last.kind === 'word' && normalized.endsWith(last.text) ? last.text : null
  const phrase = compactText(normalized)

  // A lone Chinese character (the 号 of "35号") is too common to find anything by itself when the
  // query has pairs or words: it only adds to texts those found, which is why they are looked up first.
  const hasStrong = tokens.some(isStrong)
  const ordered = hasStrong ? [...tokens.filter(isStrong), ...tokens.filter((token) => !isStrong(token))] : tokens

  // Pass 1: which fields and documents hold which tokens, weighted so rare tokens count for more.
  const fieldMatches = new Map<number, FieldMatch>()
  const docMatches = new Map<number, DocMatch>()
  let totalWeight = 0
  let presentTokens = 0
  ordered.forEach((token, t) => {
    const fields = fieldsWith(data, token.text, token.text === prefixWord)
    if (fields.length === 0) return
    const weight = Math.log(1 + data.fields.length / fields.length)
    const addsOnly = hasStrong && !isStrong(token)
    totalWeight += weight
    presentTokens++
    for (const f of fields) {
      const doc = fieldAt(data, f).doc
      if (kinds && !kinds.has(docAt(data, doc).kind)) continue
      if (addsOnly && !docMatches.has(doc)) continue
      const fieldMatch = fieldMatches.get(f)
      if (fieldMatch) {
        fieldMatch.weight += weight
        fieldMatch.tokens++
      } else if (!addsOnly) fieldMatches.set(f, { weight, tokens: 1 })
      const docMatch = docMatches.get(doc)
      if (!docMatch) docMatches.set(doc, { weight, lastToken: t, score: -1, field: -1, phraseFields: 0, textScore: -1, textField: -1 })
      else if (docMatch.lastToken !== t) {
        docMatch.weight += weight
        docMatch.lastToken = t
      }
    }
  })
  if (docMatches.size === 0) return []

  // Pass 2: score each matching field, keep each document's best.
  const phrasePossible = presentTokens === tokens.length
  const scored = new Map<number, ScoredField>()
  for (const [f, match] of fieldMatches) {
    const field = fieldAt(data, f)
    const isPhrase = phrasePossible && match.tokens === tokens.length && field.compact.includes(phrase)
    const score = isPhrase
      ? PHRASE +
        field.tier +
        (field.tier === TIER.title
          ? (field.compact === phrase ? EXACT_TITLE : 0) + TIGHT_TITLE * (phrase.length / field.compact.length)
          : 0)
      : field.tier * (match.weight / totalWeight) ** 2
    scored.set(f, { score, phrase: isPhrase })
    const doc = docMatches.get(field.doc)
    if (!doc) continue
    if (isPhrase) doc.phraseFields++
    if (isBetter(score, f, doc.score, doc.field)) {
      doc.score = score
      doc.field = f
    }
    if (field.tier !== TIER.title && isBetter(score, f, doc.textScore, doc.textField)) {
      doc.textScore = score
      doc.textField = f
    }
  }

  const ranked = [...docMatches].map(([doc, match]) => ({
    doc,
    match,
    score:
      match.score + COVERAGE_BONUS * (match.weight / totalWeight) + PHRASE_COUNT_BONUS * Math.min(match.phraseFields, MAX_COUNTED_PHRASES),
  }))
  ranked.sort((a, b) => b.score - a.score || a.doc - b.doc)

  const snippetQuery: SnippetQuery = { phrase, tokens, prefixWord }
  return ranked.slice(0, limit).map(({ doc, match, score }) => {
    const best = scored.get(match.field)
    const text = scored.get(match.textField)
    // Show body text when it matches as well as the title does (both as a phrase, or both not).
    const f = text && best && text.phrase === best.phrase ? match.textField : match.field
    const field = fieldAt(data, f)
    const { kind, id, title } = docAt(data, doc)
    const hit: SearchHit = {
      kind,
      id,
      title,
      score,
      snippet: buildSnippet(field.text, snippetQuery, scored.get(f)?.phrase ?? false),
      whole: match.phraseFields > 0,
    }
    if (kind === 'policy' && field.sectionId) hit.sectionId = field.sectionId
    return hit
  })
}

// Postings, fields and docs refer to each other by position in one build, so a position with
// nothing there means the index itself is broken.
function fieldAt(data: IndexData, f: number): IndexedField {
  const field = data.fields[f]
  if (!field) throw new Error(`search index has no field ${f}`)
  return field
}

function docAt(data: IndexData, doc: number): IndexedDoc {
  const found = data.docs[doc]
  if (!found) throw new Error(`search index has no document ${doc}`)
  return found
}

function isStrong(token: QueryToken): boolean {
  return token.kind === 'word' || Array.from(token.text).length > 1
}

function isBetter(score: number, field: number, bestScore: number, bestField: number): boolean {
  return score > bestScore || (score === bestScore && field < bestField)
}

/** Fields holding a token; a word still being typed also matches the words it begins. */
function fieldsWith(data: IndexData, token: string, asPrefix: boolean): readonly number[] {
  if (!asPrefix) return data.postings.get(token) ?? []
  const words = data.words
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    // lo ≤ mid < hi ≤ words.length, so there is a word at mid
    if (words[mid]! < token) lo = mid + 1
    else hi = mid
  }
  const lists: number[][] = []
  for (let i = lo; lists.length < MAX_PREFIX_EXPANSIONS; i++) {
    const word = words[i]
    if (word === undefined || !word.startsWith(token)) break
    const list = data.postings.get(word)
    if (list) lists.push(list)
  }
  if (lists.length <= 1) return lists[0] ?? []
  return [...new Set(lists.flat())].sort((a, b) => a - b)
}
