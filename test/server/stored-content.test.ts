// Stored content is checked at load: a pack_json edited in the database (hash left as it was, or
// recomputed) is not served; the newest good version is, /health says degraded, the check is logged
// once, and the server keeps running. A SQLite file with damaged pages is found at start, and the
// routes that read the damage answer 503 database_corrupt, not 500.
import fs from 'node:fs'
import { Writable } from 'node:stream'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { ContentRepository, packHash } from '../../server/content/repository'
import { openDatabase } from '../../server/db/database'
import { type TestDatabase, bearer, contentPack, createTestDatabase, editedPack, testConfig, testDialects } from './helpers'

type LogLine = { level: number; msg?: string; version?: string }

function capture(): { stream: Writable; lines: LogLine[] } {
  const lines: LogLine[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      cb()
    },
  })
  return { stream, lines }
}

const urbanStandard = async (app: FastifyInstance): Promise<number> => {
  const body = (await app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })).json()
  return body.standards.find((s: { id: string }) => s.id === 'dibao-urban-standard').value
}

describe.each(testDialects())('stored content checked at load (%s)', (dialect) => {
  let db: TestDatabase
  let app: FastifyInstance | null = null
  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    const repository = new ContentRepository(db.database)
    expect((await repository.publish(contentPack(), null, 'seed')).ok).toBe(true)
    expect((await repository.publish(editedPack('2019.6-b'), 'v1')).ok).toBe(true)
  })
  afterEach(async () => {
    await app?.close()
    app = null
    await db.cleanup()
  })

  const tamper = async (recomputeHash: boolean) => {
    const row = await db.database.db.selectFrom('content_version').select('pack_json').where('label', '=', 'v2').executeTakeFirstOrThrow()
    expect(row.pack_json).toContain('"amountFen":66000')
    const edited = row.pack_json.replace('"amountFen":66000', '"amountFen":96000')
    await db.database.db
      .updateTable('content_version')
      .set(recomputeHash ? { pack_json: edited, pack_hash: packHash(edited) } : { pack_json: edited })
      .where('label', '=', 'v2')
      .execute()
  }

  test.each([
    ['the hash left as it was', false],
    ['the hash recomputed (the quote check catches it)', true],
  ])('a current version tampered in the database (%s) is not served: v1 is, health degraded, logged once', async (_label, recompute) => {
    await tamper(recompute)
    const { stream, lines } = capture()
    app = await buildApp({ config: testConfig(db.target, { logLevel: 'info' }), db: db.database, logStream: stream })
    expect(await urbanStandard(app)).toBe(660)
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toMatchObject({ status: 'degraded', version: 'v1', problems: [{ code: 'content_corrupt' }] })
    expect(health.json().problems[0].message).toMatch(/v2.*v1/)
    // the periodic check does not log it again
    for (let i = 0; i < 3; i++) await app.content.refresh()
    expect(lines.filter((l) => l.level >= 50 && l.version === 'v2')).toHaveLength(1)
    // rolling back to the good version clears the problem; rolling back to the bad one is refused
    const restore = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/content/rollback',
      headers: { ...bearer(), 'if-match': '"v2"' },
      payload: { version: 'v1' },
    })
    expect(restore.statusCode).toBe(201)
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok', version: 'v3', problems: [] })
    const rollback = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/content/rollback',
      headers: bearer(),
      payload: { version: 'v2' },
    })
    expect(rollback.statusCode).toBe(409)
    expect(rollback.json().error.code).toBe('version_corrupt')
  })
})

describe('a SQLite file with damaged pages', () => {
  let db: TestDatabase
  afterAll(async () => {
    await db?.cleanup()
  })

  test('health says degraded from the start check; history and rollback answer 503 database_corrupt; content is served', async () => {
    db = await createTestDatabase('sqlite')
    const repository = new ContentRepository(db.database)
    expect((await repository.publish(contentPack(), null, 'seed')).ok).toBe(true)
    expect((await repository.publish(editedPack('2019.6-b'), 'v1')).ok).toBe(true)
    expect((await repository.publish(editedPack('2019.6-c'), 'v2')).ok).toBe(true)
    await db.database.close()
    if (db.target.dialect !== 'sqlite') throw new Error('sqlite only')
    const file = db.target.file
    // The first overflow page of content_version holds part of v1's pack (inserted first). A garbage
    // "next page" pointer there breaks v1's row (history reads past it to pack_hash) but not v3's.
    const raw = new SqliteDatabase(file)
    raw.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = raw.pragma('page_size', { simple: true }) as number
    const page = raw.prepare("select min(pageno) as p from dbstat where name = 'content_version' and pagetype = 'overflow'").get() as {
      p: number
    }
    raw.close()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.from([0x7f, 0xff, 0xff, 0xf0]), 0, 4, (page.p - 1) * pageSize)
    fs.closeSync(fd)

    db.database = await openDatabase(db.target)
    const app = await buildApp({ config: testConfig(db.target), db: db.database })
    try {
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' })
      expect(health.json()).toMatchObject({ status: 'degraded', version: 'v3' })
      expect(health.json().problems.map((p: { code: string }) => p.code)).toContain('database_corrupt')
      expect(await urbanStandard(app)).toBe(660)
      const history = await app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })
      expect(history.statusCode).toBe(503)
      expect(history.json().error.code).toBe('database_corrupt')
      const rollback = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/content/rollback',
        headers: bearer(),
        payload: { version: 'v1' },
      })
      expect(rollback.statusCode).toBe(503)
      expect(rollback.json().error.code).toBe('database_corrupt')
      await sql`select 1`.execute(db.database.db)
    } finally {
      await app.close()
    }
  })
})
