// What "the published content is intact" means, checked against the database and a running server:
// the history is gap-free with the pointer on its newest entry, every stored version hashes to what
// was recorded when it was published, the current pack passes validatePack, and the server serves
// exactly that pack (manifest and every section, by hash and byte count).
import { SECTION_NAMES, type SectionName } from '../src/domain'
import { validatePack } from '../src/domain/validate'
import { buildManifest, canonicalJson, sectionHash } from '../server/content/hash'
import { ContentRepository, type StoredVersion, type VersionInfo, packHash } from '../server/content/repository'
import { readSourceTexts } from '../server/content/pack-files'
import type { Database } from '../server/db/database'

const texts = readSourceTexts()

export interface Integrity {
  history: VersionInfo[]
  current: StoredVersion
  /** the served sections' bodies, parsed */
  served: Record<SectionName, unknown>
}

export async function checkIntegrity(database: Database, serverUrl: string | null, options: { fromSeq?: number } = {}): Promise<Integrity> {
  const repo = new ContentRepository(database)
  const history = await repo.history()
  const seqs = history.map((v) => v.seq)
  const expected = history.map((_v, i) => history.length - i)
  if (seqs.join() !== expected.join()) throw new Error(`history has gaps or repeats: ${seqs.slice(0, 20).join(',')}…`)
  const pointer = await repo.currentPointer()
  if (!pointer || pointer.version !== history[0]?.version)
    throw new Error(`pointer ${pointer?.version} is not the newest version ${history[0]?.version}`)

  for (const v of history) {
    if (v.seq < (options.fromSeq ?? 1)) break
    const stored = await repo.get(v.version)
    if (!stored) throw new Error(`${v.version} is listed but cannot be read`)
    if (packHash(canonicalJson(stored.pack)) !== v.packHash)
      throw new Error(`${v.version} does not hash to what was recorded: a torn write`)
  }

  const current = await repo.current()
  if (!current) throw new Error('no current version')
  const validation = validatePack(JSON.parse(JSON.stringify(current.pack)), texts)
  if (!validation.ok) throw new Error(`current ${current.version} does not validate: ${validation.problems[0]?.message}`)

  const served = {} as Record<SectionName, unknown>
  if (serverUrl) {
    const manifest = (await (await fetch(`${serverUrl}/api/v1/content/manifest`)).json()) as {
      version: string
      sections: Record<string, { hash: string; bytes: number }>
    }
    if (manifest.version !== current.version) throw new Error(`server serves ${manifest.version}, database says ${current.version}`)
    const expectedSections = buildManifest(current.pack, current.version, current.publishedAt).sections
    for (const name of SECTION_NAMES) {
      const listed = manifest.sections[name]
      if (listed?.hash !== expectedSections[name].hash) throw new Error(`manifest hash of ${name} is not the stored pack's`)
      const res = await fetch(`${serverUrl}/api/v1/content/${name}`)
      const body = Buffer.from(await res.arrayBuffer())
      const parsed: unknown = JSON.parse(body.toString('utf8'))
      if (sectionHash(parsed) !== expectedSections[name].hash || body.length !== expectedSections[name].bytes) {
        throw new Error(`served ${name} is not the stored pack's`)
      }
      served[name] = parsed
    }
  }
  return { history, current, served }
}
