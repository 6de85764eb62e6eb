// Published content versions: read the current one, list the history, publish and roll back.
// Every write is one transaction holding the write lock, so the If-Match check and the write can
// never interleave with another editor's, and a crash leaves either the old or the new version
// current (the pointer moves in the same commit that inserts the version).
import { type Kysely, sql } from 'kysely'
import { type ContentPack, contentPackSchema } from '../../src/domain'
import { type Database, SQLITE_BUSY_TIMEOUT_MS } from '../db/database'
import type { Tables, VersionKind } from '../db/tables'
import { sha256Hex } from '../lib/sha256'
import { yieldToLoop } from '../lib/yield-to-loop'
import { canonicalJson } from './hash'

export interface VersionInfo {
  seq: number
  /** server-assigned label, `v<seq>` */
  version: string
  /** the pack's own meta.version */
  packVersion: string
  packHash: string
  publishedAt: string
  kind: VersionKind
  restoredFrom: string | null
}

interface StoredVersionRef {
  version: string
  packVersion: string
  publishedAt: string
}

export interface StoredVersion extends VersionInfo {
  pack: ContentPack
}

/** "Whatever is current": an operator rolling back deliberately (CLI, or a rollback without If-Match). */
export const ANY_VERSION: unique symbol = Symbol('any version')

/**
 * What the writer expects to be current: a label (If-Match), null for "nothing yet" (first-start
 * seeding), or ANY_VERSION. A symbol, not '*', so no header text can ever turn into the wildcard.
 */
export type Expected = string | null | typeof ANY_VERSION

export type WriteResult =
  | { ok: true; version: StoredVersion }
  | { ok: false; reason: 'stale'; current: string | null }
  | { ok: false; reason: 'unknown_version' }
  | { ok: false; reason: 'already_current' }
  /** the rollback target's stored pack fails its check (hash, JSON or schema) */
  | { ok: false; reason: 'corrupt_version'; problem: string }
  /** the pack is identical to the current version's: nothing to publish (one rule for HTTP and CLI) */
  | { ok: false; reason: 'unchanged'; current: StoredVersionRef }
  /** a source text of that id is already stored with different words */
  | { ok: false; reason: 'text_conflict'; textId: string }

export function packHash(packJson: string): string {
  return sha256Hex(packJson)
}

function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString()
}

export const labelOf = (seq: number): string => `v${seq}`
const LABEL = /^v[1-9][0-9]{0,15}$/

type VersionRow = {
  seq: number
  label: string
  pack_version: string
  pack_hash: string
  published_at: Date | string
  kind: VersionKind
  restored_from: string | null
}

function infoOf(row: VersionRow): VersionInfo {
  return {
    seq: row.seq,
    version: row.label,
    packVersion: row.pack_version,
    packHash: row.pack_hash,
    publishedAt: toIso(row.published_at),
    kind: row.kind,
    restoredFrom: row.restored_from,
  }
}

export class ContentRepository {
  constructor(private readonly database: Database) {}

  private get db(): Kysely<Tables> {
    return this.database.db
  }

  /** The current label only: what the periodic check asks, one indexed row. */
  async currentPointer(): Promise<{ seq: number; version: string } | null> {
    const row = await this.db.selectFrom('content_pointer').select(['current_seq', 'current_label']).where('id', '=', 1).executeTakeFirst()
    return row ? { seq: row.current_seq, version: row.current_label } : null
  }

  /** The current version; throws CorruptVersionError when its stored pack fails the check. */
  async current(): Promise<StoredVersion | null> {
    const row = await this.db
      .selectFrom('content_pointer')
      .innerJoin('content_version', 'content_version.seq', 'content_pointer.current_seq')
      .selectAll('content_version')
      .where('content_pointer.id', '=', 1)
      .executeTakeFirst()
    return row ? orThrow(checkRow(row)) : null
  }

  async get(version: string): Promise<StoredVersion | null> {
    if (!LABEL.test(version)) return null
    const row = await this.db.selectFrom('content_version').selectAll().where('label', '=', version).executeTakeFirst()
    return row ? orThrow(checkRow(row)) : null
  }

  /** One version by its sequence number, checked (hash, JSON, schema) but never throwing for a bad pack. */
  async checked(seq: number): Promise<CheckedVersion | null> {
    const row = await this.db.selectFrom('content_version').selectAll().where('seq', '=', seq).executeTakeFirst()
    return row ? checkRow(row) : null
  }

  /** The sequence numbers below `seq`, newest first: where to look for the newest good version. */
  async seqsBefore(seq: number): Promise<number[]> {
    const rows = await this.db.selectFrom('content_version').select('seq').where('seq', '<', seq).orderBy('seq', 'desc').execute()
    return rows.map((row) => row.seq)
  }

  /** Newest first. */
  async history(): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom('content_version')
      .select(['seq', 'label', 'pack_version', 'pack_hash', 'published_at', 'kind', 'restored_from'])
      .orderBy('seq', 'desc')
      .execute()
    return rows.map(infoOf)
  }

  /** Full texts stored with earlier publishes, by id. */
  async storedTexts(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('source_text').select(['id', 'text']).execute()
    return new Map(rows.map((row) => [row.id, row.text]))
  }

  /**
   * Publish a validated pack as a new version, if `expected` is still current, storing in the same
   * transaction the full texts of its sources that are not stored yet.
   */
  async publish(
    pack: ContentPack,
    expected: Expected,
    kind: 'seed' | 'publish' = 'publish',
    texts: ReadonlyMap<string, string> = new Map(),
  ): Promise<WriteResult> {
    // The heavy steps (serialize, hash, parse back) run before the write lock is taken, with a turn
    // of the event loop between them: on a 5 MB pack each takes a good share of a second.
    return this.publishStorable(await storable(pack), expected, kind, texts)
  }

  /**
   * Publish a pack already serialized and read back (by the pack worker, see pack-thread.ts):
   * `stored.json` is its canonical JSON, `stored.hash` that JSON's packHash.
   */
  async publishStorable(
    stored: Storable,
    expected: Expected,
    kind: 'seed' | 'publish' = 'publish',
    texts: ReadonlyMap<string, string> = new Map(),
  ): Promise<WriteResult> {
    const { pack } = stored
    return this.withWriteLock(async (trx) => {
      const pointer = await readPointer(trx)
      if (!matches(expected, pointer)) return { ok: false, reason: 'stale', current: pointer?.current_label ?? null }
      if (pointer) {
        const current = await trx
          .selectFrom('content_version')
          .select(['label', 'pack_version', 'pack_hash', 'published_at'])
          .where('seq', '=', pointer.current_seq)
          .executeTakeFirst()
        if (current && current.pack_hash === stored.hash) {
          return {
            ok: false,
            reason: 'unchanged',
            current: { version: current.label, packVersion: current.pack_version, publishedAt: toIso(current.published_at) },
          }
        }
      }
      const conflict = await storeTexts(trx, pack, texts)
      if (conflict) return { ok: false, reason: 'text_conflict', textId: conflict }
      return { ok: true, version: await insertVersion(trx, stored, kind, null, pointer !== undefined) }
    })
  }

  /** Make an earlier version current again, recorded as a new version (history stays linear). */
  async rollback(target: string, expected: Expected): Promise<WriteResult> {
    return this.withWriteLock(async (trx) => {
      const pointer = await readPointer(trx)
      if (!matches(expected, pointer)) return { ok: false, reason: 'stale', current: pointer?.current_label ?? null }
      // Labels are always v<seq>. Anything else cannot exist, and must not reach the database as a
      // parameter either: PostgreSQL refuses text holding a NUL byte with an error, not "no rows".
      if (!LABEL.test(target)) return { ok: false, reason: 'unknown_version' }
      const row = await trx.selectFrom('content_version').selectAll().where('label', '=', target).executeTakeFirst()
      if (!row) return { ok: false, reason: 'unknown_version' }
      if (pointer?.current_label === target) return { ok: false, reason: 'already_current' }
      const checked = checkRow(row)
      // a tampered or damaged version is never made current again
      if (!checked.ok) return { ok: false, reason: 'corrupt_version', problem: checked.problem }
      const stored = await storable(checked.version.pack)
      return { ok: true, version: await insertVersion(trx, stored, 'rollback', target, pointer !== undefined) }
    })
  }

  /**
   * Run `fn` in a transaction that excludes every other writer, in this process or another:
   * SQLite `BEGIN IMMEDIATE` takes the database write lock up front (a plain deferred BEGIN could
   * fail to upgrade from read to write under WAL); PostgreSQL locks the pointer table against other
   * writers while still letting readers (every server's version check) through.
   */
  private async withWriteLock(fn: (trx: Kysely<Tables>) => Promise<WriteResult>): Promise<WriteResult> {
    try {
      if (this.database.dialect === 'sqlite') {
        return await this.db.connection().execute(async (conn) => {
          await beginImmediate(conn)
          try {
            const result = await fn(conn)
            await sql`commit`.execute(conn)
            return result
          } catch (error) {
            await sql`rollback`.execute(conn).catch(() => undefined)
            throw error
          }
        })
      }
      return await this.db.transaction().execute(async (trx) => {
        await sql`lock table content_pointer in share row exclusive mode`.execute(trx)
        return fn(trx)
      })
    } catch (error) {
      // Belt and braces: should two writers ever race past the lock, the unique label turns the
      // loser into a conflict rather than a second "current" version.
      if (isUniqueViolation(error)) {
        const pointer = await this.currentPointer()
        return { ok: false, reason: 'stale', current: pointer?.version ?? null }
      }
      throw error
    }
  }
}

/**
 * SQLite `BEGIN IMMEDIATE`, waiting for another process's write lock without blocking the event loop.
 * better-sqlite3 is synchronous: left to SQLite's busy timeout, a publish waiting on a lock held by
 * the CLI (or a stuck process) would freeze every request, reads from memory included, for up to the
 * whole timeout. So the wait is done here, in short asynchronous naps, with the busy timeout off.
 */
async function beginImmediate(conn: Kysely<Tables>): Promise<void> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS
  await sql.raw('pragma busy_timeout = 0').execute(conn)
  try {
    for (let nap = 5; ; nap = Math.min(nap * 2, 100)) {
      try {
        await sql`begin immediate`.execute(conn)
        return
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + nap > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, nap))
      }
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(conn)
  }
}

/** Store the texts the pack's sources cite; returns the id of one stored earlier with other words. */
async function storeTexts(trx: Kysely<Tables>, pack: ContentPack, texts: ReadonlyMap<string, string>): Promise<string | null> {
  const cited = new Set(pack.sources.map((source) => source.textId).filter((id): id is string => id !== undefined))
  for (const [id, text] of texts) {
    if (!cited.has(id)) continue
    const hash = sha256Hex(text)
    const stored = await trx.selectFrom('source_text').select('text_hash').where('id', '=', id).executeTakeFirst()
    if (stored) {
      if (stored.text_hash !== hash) return id
      continue
    }
    await trx.insertInto('source_text').values({ id, text, text_hash: hash, stored_at: new Date().toISOString() }).execute()
  }
  return null
}

async function readPointer(trx: Kysely<Tables>) {
  return trx.selectFrom('content_pointer').select(['current_seq', 'current_label']).where('id', '=', 1).executeTakeFirst()
}

function matches(expected: Expected, pointer: { current_label: string } | undefined): boolean {
  if (expected === ANY_VERSION) return true
  if (expected === null) return pointer === undefined
  return pointer !== undefined && pointer.current_label === expected
}

/** A pack as stored: its canonical JSON, the hash of that, and the pack parsed back from it. */
export interface Storable {
  json: string
  hash: string
  pack: ContentPack
}

async function storable(input: ContentPack): Promise<Storable> {
  await yieldToLoop()
  const json = canonicalJson(input)
  await yieldToLoop()
  const hash = packHash(json)
  await yieldToLoop()
  const pack = parsePack(json)
  await yieldToLoop()
  return { json, hash, pack }
}

async function insertVersion(
  trx: Kysely<Tables>,
  { json: packJson, hash, pack }: Storable,
  kind: VersionKind,
  restoredFrom: string | null,
  pointerExists: boolean,
): Promise<StoredVersion> {
  const max = await trx
    .selectFrom('content_version')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst()
  const seq = Number(max?.max ?? 0) + 1
  const label = labelOf(seq)
  const publishedAt = new Date().toISOString()
  await trx
    .insertInto('content_version')
    .values({
      seq,
      label,
      pack_version: pack.meta.version,
      pack_json: packJson,
      pack_hash: hash,
      published_at: publishedAt,
      kind,
      restored_from: restoredFrom,
    })
    .execute()
  if (pointerExists) {
    await trx
      .updateTable('content_pointer')
      .set({ current_seq: seq, current_label: label, updated_at: publishedAt })
      .where('id', '=', 1)
      .execute()
  } else {
    await trx.insertInto('content_pointer').values({ id: 1, current_seq: seq, current_label: label, updated_at: publishedAt }).execute()
  }
  return {
    seq,
    version: label,
    packVersion: pack.meta.version,
    packHash: hash,
    publishedAt,
    kind,
    restoredFrom,
    pack,
  }
}

/** Stored packs were validated when published; parsing again gives typed data and defaults. */
function parsePack(json: string): ContentPack {
  return contentPackSchema.parse(JSON.parse(json))
}

/** A stored version after its check: the pack, or why it cannot be trusted. */
export type CheckedVersion = { ok: true; version: StoredVersion } | { ok: false; info: VersionInfo; problem: string }

export class CorruptVersionError extends Error {
  constructor(
    readonly version: string,
    readonly problem: string,
  ) {
    super(`内容版本 ${version} 已损坏或被改动：${problem}`)
  }
}

/**
 * Stored content is not trusted blindly: the pack must still hash to what was recorded when it was
 * published (a row edited in the database, or damaged on disk, does not), and parse as a pack.
 */
function checkRow(row: VersionRow & { pack_json: string }): CheckedVersion {
  const info = infoOf(row)
  if (packHash(row.pack_json) !== row.pack_hash)
    return { ok: false, info, problem: '内容与发布时记录的哈希不符（数据库中的内容被改动或损坏）' }
  let raw: unknown
  try {
    raw = JSON.parse(row.pack_json)
  } catch {
    return { ok: false, info, problem: '保存的内容不是有效的 JSON' }
  }
  const parsed = contentPackSchema.safeParse(raw)
  if (!parsed.success) {
    // zod reports at least one issue for every failed parse
    const issue = parsed.error.issues[0]!
    return { ok: false, info, problem: `保存的内容不符合内容包格式（${issue.path.join('.') || '根'}：${issue.message}）` }
  }
  return { ok: true, version: { ...info, pack: parsed.data } }
}

function orThrow(checked: CheckedVersion): StoredVersion {
  if (!checked.ok) throw new CorruptVersionError(checked.info.version, checked.problem)
  return checked.version
}

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}
