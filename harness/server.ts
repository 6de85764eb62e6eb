// Shared setup for the server tests: the same test files run against SQLite and PostgreSQL.
// PostgreSQL runs are skipped with a visible message when it is unreachable, unless
// REQUIRE_SERVICES=1 (CI), in which case they run and fail.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { type ContentPack, contentPackSchema } from '../src/domain'
import { validatePack } from '../src/domain/validate'
import { buildApp } from '../server/app'
import type { AppConfig, DatabaseTarget } from '../server/config'
import { ContentRepository } from '../server/content/repository'
import { readContentDir, readSourceTexts } from '../server/content/pack-files'
import { type Database, openDatabase } from '../server/db/database'
import { migrateToLatest } from '../server/db/migrate'

export type DialectName = 'sqlite' | 'postgres'

export const ROOT = path.resolve(__dirname, '..')
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1'
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'

let pgReachable: boolean | undefined

/** Checked synchronously (in a child process) because jest's describe blocks are synchronous. */
export function postgresReachable(): boolean {
  if (pgReachable === undefined) {
    const script =
      "const {Client}=require('pg');const c=new Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});" +
      'c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))'
    const r = spawnSync(process.execPath, ['-e', script, TEST_DATABASE_URL], { cwd: ROOT, timeout: 10_000 })
    pgReachable = r.status === 0
  }
  return pgReachable
}

/** The dialects this run covers: always SQLite; PostgreSQL when reachable or required. */
export function testDialects(): DialectName[] {
  // the quick tier (npm run test:quick) covers the embedded default only; `npm test` runs both
  if (process.env.TEST_DIALECTS === 'sqlite') return ['sqlite']
  if (postgresReachable() || REQUIRE_SERVICES) return ['sqlite', 'postgres']
  console.warn(
    `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: skipping the PostgreSQL runs of this file. ` +
      'Start PostgreSQL (or set TEST_DATABASE_URL=postgres://user@host:port/db) to run them; REQUIRE_SERVICES=1 makes this a failure.',
  )
  return ['sqlite']
}

export interface TestDatabase {
  dialect: DialectName
  target: DatabaseTarget
  database: Database
  /** the DATABASE_URL (and DATABASE_SCHEMA) a child process or the CLI would use */
  env: Record<string, string>
  /** drop the schema / delete the file */
  cleanup(): Promise<void>
}

/** A fresh, migrated, empty database: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'postgres' && !postgresReachable()) {
    throw new Error(`PostgreSQL is required (REQUIRE_SERVICES=1) but not reachable at ${TEST_DATABASE_URL}`)
  }
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-test-'))
    const file = path.join(dir, 'test.sqlite')
    const target: DatabaseTarget = { dialect: 'sqlite', file }
    const database = await openDatabase(target)
    await migrateToLatest(database)
    return {
      dialect,
      target,
      database,
      env: { DATABASE_URL: `sqlite://${file}` },
      cleanup: async () => {
        await database.close().catch(() => undefined)
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`
  const target: DatabaseTarget = { dialect: 'postgres', url: TEST_DATABASE_URL, schema }
  const database = await openDatabase(target)
  const cleanup = async () => {
    await database.close().catch(() => undefined)
    await dropSchema(schema)
  }
  try {
    await migrateToLatest(database)
  } catch (error) {
    await cleanup()
    throw error
  }
  return { dialect, target, database, env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }, cleanup }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}

export function testConfig(target: DatabaseTarget, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: target,
    adminToken: ADMIN_TOKEN,
    corsOrigins: [],
    logLevel: 'silent',
    rateLimit: { assess: 1000, admin: 1000, windowMs: 60_000 },
    // Tests check for new versions explicitly (app.content.refresh()) rather than wait on a timer.
    contentPollMs: 0,
    contentListen: false,
    trustProxy: 0,
    staticDir: null,
    shutdownTimeoutMs: 5000,
    ...overrides,
  }
}

let cachedPack: ContentPack | undefined

/** The repository's content pack, validated exactly as publish validates it. */
export function contentPack(): ContentPack {
  if (!cachedPack) {
    const result = validatePack(readContentDir(), readSourceTexts())
    if (!result.ok) throw new Error(`content/ does not validate: ${JSON.stringify(result.problems.slice(0, 5))}`)
    cachedPack = result.pack
  }
  return structuredClone(cachedPack)
}

/** The content pack with a different meta.version: a valid "new edition" to publish. */
export function editedPack(version: string): ContentPack {
  const pack = contentPack()
  pack.meta.version = version
  return contentPackSchema.parse(pack)
}

export interface TestApp {
  app: FastifyInstance
  db: TestDatabase
  repository: ContentRepository
  close(): Promise<void>
}

/** An app over a fresh database holding the content pack as v1. */
export async function createTestApp(
  dialect: DialectName,
  overrides: Partial<AppConfig> = {},
  options: { seed?: boolean; logStream?: NodeJS.WritableStream; now?: () => Date } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(dialect)
  const repository = new ContentRepository(db.database)
  if (options.seed !== false) {
    const result = await repository.publish(contentPack(), null, 'seed')
    if (!result.ok) throw new Error('seeding the test database failed')
  }
  const app = await buildApp({ config: testConfig(db.target, overrides), db: db.database, logStream: options.logStream, now: options.now })
  await app.ready()
  return {
    app,
    db,
    repository,
    close: async () => {
      await app.close()
      await db.cleanup()
    },
  }
}

export const bearer = (token: string = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` })
