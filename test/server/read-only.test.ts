// A read-only database (a SQLite file that cannot be written, a PostgreSQL role with SELECT only):
// the server boots, serves the published content, refuses to publish with 503 read_only, and
// /health says degraded.
import { spawnSync } from 'node:child_process'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import type { DatabaseTarget } from '../../server/config'
import { ContentRepository } from '../../server/content/repository'
import { type Database, openDatabase } from '../../server/db/database'
import {
  TEST_DATABASE_URL,
  type TestDatabase,
  bearer,
  contentPack,
  createTestDatabase,
  editedPack,
  testConfig,
  testDialects,
} from './helpers'
import pg from 'pg'
import { sql } from 'kysely'

/** Make the database read-only for this test; returns the target to open and an undo. */
async function readOnlyTarget(db: TestDatabase): Promise<{ target: DatabaseTarget; undo: () => Promise<void> } | null> {
  if (db.target.dialect === 'sqlite') {
    const file = db.target.file
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.database.db)
    // tests run as root, for whom file modes do not apply: the immutable flag does
    const set = spawnSync('chattr', ['+i', file])
    if (set.status !== 0) return null
    return { target: db.target, undo: async () => void spawnSync('chattr', ['-i', file]) }
  }
  const schema = db.target.schema as string
  const role = `ro_${schema}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`create role "${role}" login`)
    await admin.query(`grant usage on schema "${schema}" to "${role}"`)
    await admin.query(`grant select on all tables in schema "${schema}" to "${role}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_DATABASE_URL)
  url.username = role
  return {
    target: { dialect: 'postgres', url: url.toString(), schema },
    undo: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      await c.query(`drop owned by "${role}"`).catch(() => undefined)
      await c.query(`drop role if exists "${role}"`).catch(() => undefined)
      await c.end()
    },
  }
}

describe.each(testDialects())('a read-only database (%s)', (dialect) => {
  let db: TestDatabase
  let readOnly: { target: DatabaseTarget; undo: () => Promise<void> } | null = null
  let database: Database | null = null
  let app: FastifyInstance | null = null
  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    expect((await new ContentRepository(db.database).publish(contentPack(), null, 'seed')).ok).toBe(true)
    readOnly = await readOnlyTarget(db)
    if (!readOnly) return
    // a handle opened before the file became read-only could still write: open a new one
    if (db.target.dialect === 'sqlite') await db.database.close()
    database = await openDatabase(readOnly.target)
    app = await buildApp({ config: testConfig(readOnly.target), db: database })
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
    await readOnly?.undo()
    await db?.cleanup()
  })

  test('boots, serves content, health degraded, publish and rollback 503 read_only', async () => {
    if (!app) {
      console.warn('chattr is not available: cannot make a SQLite file read-only for root; skipping')
      return
    }
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'ok', version: 'v1', problems: [{ code: 'database_read_only' }] })
    expect((await app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).statusCode).toBe(200)
    const publish = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/content',
      headers: { ...bearer(), 'if-match': '"v1"' },
      payload: editedPack('2019.6-ro'),
    })
    expect(publish.statusCode).toBe(503)
    expect(publish.json().error.code).toBe('read_only')
    const rollback = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/content/rollback',
      headers: bearer(),
      payload: { version: 'v1' },
    })
    expect(rollback.statusCode).toBe(503)
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })).statusCode).toBe(200)
  })
})
