// A quick integrity check of the database file at start (SQLite `PRAGMA quick_check`): a file with
// damaged pages otherwise looks healthy until a request happens to read them. PostgreSQL checks its
// own pages (and reports damage as SQLSTATE XX001/XX002 when read).
import { sql } from 'kysely'
import type { Database } from './database'

/** The problems quick_check found (at most a few), or [] when the file is sound or not SQLite. */
export async function quickCheck(database: Database): Promise<string[]> {
  if (database.dialect !== 'sqlite') return []
  try {
    const { rows } = await sql<{ quick_check: string }>`pragma quick_check(5)`.execute(database.db)
    const lines = rows.map((row) => Object.values(row)[0]).filter((line): line is string => typeof line === 'string')
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines
  } catch (error) {
    // a header too damaged to even run the check is a finding too
    return [error instanceof Error ? error.message : String(error)]
  }
}
