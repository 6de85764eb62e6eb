// A stored pack is checked at load by the same pipeline as a publish (quotes against the source
// texts, plausibility, derivations): a row edited in the database with a matching hash still has to
// agree with the gazette it cites before it is served.
import type { ContentPack } from '../../src/domain'
import { preparePack, withTexts } from '../../src/domain/pack-pipeline'
import type { SourceTexts } from '../../src/domain/validate'
import { type ContentRepository, CorruptVersionError } from './repository'

export function verifyStoredPack(repository: ContentRepository, texts: SourceTexts): (pack: ContentPack) => Promise<string | null> {
  return async (pack) => {
    const prepared = preparePack(pack, withTexts(texts, await repository.storedTexts()))
    if (prepared.ok) return null
    const [first, ...others] = prepared.problems
    if (!first) throw new Error('preparePack failed without naming a problem')
    return `${first.path || '(根)'}: ${first.message}${others.length > 0 ? `（另有 ${others.length} 个问题）` : ''}`
  }
}

/**
 * Why an earlier version must not be made current again (a rollback target): its stored pack fails
 * the hash check or the publish rules. null when it passes or does not exist (the rollback itself
 * then says "no such version").
 */
export async function rollbackTargetProblem(repository: ContentRepository, label: string, texts: SourceTexts): Promise<string | null> {
  let stored
  try {
    stored = await repository.get(label)
  } catch (error) {
    if (error instanceof CorruptVersionError) return error.problem
    throw error
  }
  return stored ? verifyStoredPack(repository, texts)(stored.pack) : null
}
