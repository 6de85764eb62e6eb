// One Database over SQLite (better-sqlite3) or PostgreSQL (pg), as in kysely's example and the
// atproto PDS: the rest of the server only sees Kysely<Tables> plus the dialect, which is threaded
// into the migrations and the few places where SQL differs (locking, LISTEN/NOTIFY).
import fs from 'node:fs'
import path from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseTarget } from '../config'
import { sqliteThreadDialect } from './sqlite-thread'
import type { Tables } from './tables'

export type Dialect = 'sqlite' | 'postgres'

export interface Database {
  dialect: Dialect
  db: Kysely<Tables>
  /** where it lives, for messages (never contains a password) */
  describe: string
  /** PostgreSQL: the schema the tables live in (current_schema()); SQLite: null */
  schema: string | null
  /** PostgreSQL only: a fresh client with the same settings, for LISTEN */
  newClient: (() => pg.Client) | null
  close(): Promise<void>
}

/** How long SQLite waits for another process's write lock before giving up (SQLITE_BUSY, a 503). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000

/** How long to wait for a new PostgreSQL connection before failing the query (503 to the caller). */
export const CONNECT_TIMEOUT_MS = 5000

/** PostgreSQL channel on which a publish is announced (by a trigger, at commit). */
export const CONTENT_CHANNEL = 'jdz_content'

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, target.schema)
}

async function openSqlite(file: string): Promise<Database> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // The connection (WAL, FULL sync, foreign keys: see sqlite-worker.ts) lives in a worker thread, so
  // SQLite's synchronous work never holds the event loop.
  const db = new Kysely<Tables>({ dialect: sqliteThreadDialect(file, SQLITE_BUSY_TIMEOUT_MS) })
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => undefined)
    throw error
  }
  return {
    dialect: 'sqlite',
    db,
    describe: `SQLite ${file}`,
    schema: null,
    newClient: null,
    close: () => db.destroy(),
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

async function openPostgres(url: string, schema: string | null): Promise<Database> {
  // search_path is set per connection, so every unqualified table name (including the migrator's
  // own tables) lands in the schema: that is what isolates tests and co-hosted deployments.
  const settings: pg.ClientConfig = {
    connectionString: url,
    // A database host that drops packets would otherwise hold a request (or the boot) forever:
    // give up on connecting after a while, so the caller gets a 503 and can retry.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
    await admin.connect()
    try {
      // only when missing: a read-only role may not create schemas, even ones that exist
      const found = await admin.query('select 1 from pg_namespace where nspname = $1', [schema])
      if (found.rowCount === 0) await admin.query(`create schema if not exists ${quoteIdent(schema)}`)
    } finally {
      await admin.end()
    }
  }
  const pool = new pg.Pool({ ...settings, max: 10, idleTimeoutMillis: 30_000 })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  // Nor may a client in use: pg-pool listens for errors only while a client is idle, and a connection
  // that dies between two statements of a transaction (no query in flight) emits 'error' on the
  // client, which with no listener is an uncaught exception. The failure still reaches the caller (the
  // next statement rejects, a 503), and the pool discards the client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  // Fail at boot, not on the first request, when the database is unreachable.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const safe = new URL(url)
  safe.password = ''
  return {
    dialect: 'postgres',
    db,
    describe: `PostgreSQL ${safe.host}${safe.pathname}${schema ? ` (schema ${schema})` : ''}`,
    schema: rows[0]?.schema ?? schema ?? 'public',
    newClient: () => new pg.Client(settings),
    close: () => db.destroy(),
  }
}
