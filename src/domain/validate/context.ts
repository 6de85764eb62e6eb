import type { ContentPack, Source } from '../schema'
import type { Problem, SourceTexts } from '../validate'
import { type SourceTextIndex, indexSourceText } from './source-text'

/** What every rule reads: the parsed pack, sources by id, and the full texts the quotes come from. */
export interface RuleContext {
  pack: ContentPack
  sourcesById: ReadonlyMap<string, Source>
  /** the prepared full text a gazette or notice source is printed in; null when we hold none */
  textOf(source: Source): SourceTextIndex | null
  /** the prepared full text of the source with this document number, when we hold it */
  textOfDoc(docNumber: string): SourceTextIndex | null
  /** every document number printed or cited in the texts the pack's sources refer to */
  citedDocNumbers: ReadonlySet<string>
}

export const problem = (path: string, message: string): Problem => ({ path, message })

/** Texts are indexed once each, and only those the pack's sources refer to. */
export function ruleContext(pack: ContentPack, texts: SourceTexts): RuleContext {
  const indexes = new Map<string, SourceTextIndex>()
  const indexOf = (textId: string): SourceTextIndex | null => {
    const cached = indexes.get(textId)
    if (cached) return cached
    const raw = texts.get(textId)
    if (raw === undefined) return null
    const index = indexSourceText(raw)
    indexes.set(textId, index)
    return index
  }
  const citedDocNumbers = new Set<string>()
  for (const source of pack.sources) {
    if (source.kind === 'external' || !source.textId) continue
    for (const number of indexOf(source.textId)?.docNumbers ?? []) citedDocNumbers.add(number)
  }
  const textOf = (source: Source): SourceTextIndex | null => (source.kind !== 'external' && source.textId ? indexOf(source.textId) : null)
  const sourceByDoc = new Map(pack.sources.filter((s) => s.kind !== 'external').map((s) => [s.docNumber, s]))
  return {
    pack,
    sourcesById: new Map(pack.sources.map((source) => [source.id, source])),
    textOf,
    textOfDoc: (docNumber) => {
      const source = sourceByDoc.get(docNumber)
      return source ? textOf(source) : null
    },
    citedDocNumbers,
  }
}
