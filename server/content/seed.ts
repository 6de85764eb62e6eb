// First start: publish the content directory as version v1 when the database holds no content yet.
import type { FastifyBaseLogger } from 'fastify'
import { validatePack } from '../../src/domain/validate'
import type { ContentRepository } from './repository'
import { CONTENT_DIR, readContentDir, readSourceTexts } from './source-dir'

export class SeedError extends Error {}

export async function seedIfEmpty(
  repository: ContentRepository,
  log: Pick<FastifyBaseLogger, 'info'>,
  dir: string = CONTENT_DIR,
): Promise<'seeded' | 'present'> {
  if (await repository.currentPointer()) return 'present'
  const validation = validatePack(readContentDir(dir), readSourceTexts(dir))
  if (!validation.ok) {
    const lines = validation.problems.slice(0, 20).map((p) => `  - ${p.path}: ${p.message}`)
    throw new SeedError(`content/ 中的内容包有 ${validation.problems.length} 个问题，无法作为初始内容：\n${lines.join('\n')}`)
  }
  // expected = null: only if still empty, so two processes starting together seed once.
  const result = await repository.publish(validation.pack, null, 'seed')
  if (result.ok) log.info({ version: result.version.version, packVersion: result.version.packVersion }, 'seeded content from content/')
  return result.ok ? 'seeded' : 'present'
}
