import type { ContentPack, Source } from '../schema'
import type { Problem } from '../validate'
import type { GazetteIndex } from './gazette'

/** What every rule reads: the parsed pack, the prepared gazette, and sources by id. */
export interface RuleContext {
  pack: ContentPack
  gazette: GazetteIndex
  sourcesById: ReadonlyMap<string, Source>
}

export const problem = (path: string, message: string): Problem => ({ path, message })
