// Can this server write to its database? A SQLite file without write permission, or a PostgreSQL
// role without write grants (or a standby), still holds the published content: the server then
// serves it read-only, with publishing disabled and /health degraded, instead of refusing to boot.
import { sql } from 'kysely'
import type { Database } from './database'

/** Errors that mean "you may read but not write here". */
export function isReadOnlyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code } = error as { code?: unknown }
  if (typeof code !== 'string') return false
  // SQLite read-only file or directory; PostgreSQL read-only transaction (standby), insufficient privilege
  return /^SQLITE_READONLY(_|$)/.test(code) || code === '25006' || code === '42501'
}

/**
 * Try the lock a publish takes, in a transaction that is rolled back: it fails exactly when a
 * publish would. true = writable; false = read-only; other errors (database away) propagate.
 */
export async function probeWritable(database: Database): Promise<boolean> {
  try {
    if (database.dialect === 'sqlite') {
      await database.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn)
        try {
          // BEGIN IMMEDIATE alone succeeds on a read-only file; a schema change in the transaction does not
          await sql`create table write_probe (x integer)`.execute(conn)
        } finally {
          await sql`rollback`.execute(conn)
        }
      })
    } else {
      await database.db.transaction().execute(async (trx) => {
        await sql`lock table content_pointer in share row exclusive mode`.execute(trx)
        await sql`select 1 from content_version where false for update`.execute(trx)
      })
    }
    return true
  } catch (error) {
    if (isReadOnlyError(error)) return false
    // another process holds the write lock right now: it is writable
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true
    throw error
  }
}
