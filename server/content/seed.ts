// First start: publish the content directory as version v1 when the database holds no content yet.
import type { FastifyBaseLogger } from 'fastify'
import { formatProblems, preparePack } from '../../src/domain/pack-pipeline'
import type { ContentRepository } from './repository'
import { CONTENT_DIR, readContentDir, readSourceTexts } from './pack-files'

export class SeedError extends Error {}

export async function seedIfEmpty(
  repository: ContentRepository,
  log: Pick<FastifyBaseLogger, 'info'>,
  dir: string = CONTENT_DIR,
): Promise<'seeded' | 'present'> {
  if (await repository.currentPointer()) return 'present'
  const prepared = preparePack(readContentDir(dir), readSourceTexts(dir))
  if (!prepared.ok) {
    throw new SeedError(`content/ 中的内容无法作为初始内容：\n${formatProblems(prepared.problems, 20).join('\n')}`)
  }
  // expected = null: only if still empty, so two processes starting together seed once.
  const result = await repository.publish(prepared.pack, null, 'seed')
  if (result.ok) log.info({ version: result.version.version, packVersion: result.version.packVersion }, 'seeded content from content/')
  return result.ok ? 'seeded' : 'present'
}
