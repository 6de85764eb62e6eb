// Which errors mean "the database is unavailable right now" rather than "a bug": the caller should be
// told to retry (503) instead of getting a generic 500, and operators see a warning naming the cause.
// The published content keeps being served from memory meanwhile; only writes and history need it.

/** SQLite result codes (better-sqlite3 `code`, extended codes included via the prefix). */
// (Corruption is told apart by isDatabaseCorrupt below: retrying will not help.)
const SQLITE_UNAVAILABLE = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]

/** Node socket errors seen when PostgreSQL is down, restarting or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])

/**
 * PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources (disk full, too
 * many connections), 57P0x operator intervention (admin shutdown, crash shutdown, cannot connect
 * now, terminated backend), 25006 read-only transaction (a standby after failover).
 */
function isPostgresUnavailable(code: string): boolean {
  return code.startsWith('08') || code.startsWith('53') || /^57P0[1-4]$/.test(code) || code === '25006'
}

/** pg raises these without a code when a connection breaks or cannot be made in time. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|connect ECONNREFUSED|terminating connection/i

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable)
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string') {
    if (SQLITE_UNAVAILABLE.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) return true
    if (SOCKET_CODES.has(code)) return true
    if (/^[0-9A-Z]{5}$/.test(code) && isPostgresUnavailable(code)) return true
  }
  return typeof message === 'string' && PG_MESSAGES.test(message)
}

/**
 * Damaged storage: SQLite's CORRUPT/NOTADB, PostgreSQL's data_corrupted/index_corrupted (XX001,
 * XX002). Not transient, but not a bug either: the caller gets a 503 saying so, the operator a
 * warning, and /health already says degraded from the check at start.
 */
export function isDatabaseCorrupt(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code } = error as { code?: unknown }
  if (typeof code !== 'string') return false
  return /^SQLITE_(CORRUPT|NOTADB)(_|$)/.test(code) || code === 'XX001' || code === 'XX002'
}
