// The SQLite connections of this process live in this worker thread (see sqlite-thread.ts):
// better-sqlite3 is synchronous, and writing a 5 MB version (with the fsync at commit) took the main
// thread for hundreds of milliseconds, stalling every request meanwhile.
import SqliteDatabase from 'better-sqlite3'
import { parentPort } from 'node:worker_threads'
import { serveRequests } from '../lib/worker-thread'

type Request =
  | { kind: 'open'; connection: number; file: string; timeoutMs: number }
  | { kind: 'query'; connection: number; sql: string; parameters: unknown[] }
  | { kind: 'close'; connection: number }

const connections = new Map<number, SqliteDatabase.Database>()

function open(file: string, timeoutMs: number): SqliteDatabase.Database {
  const db = new SqliteDatabase(file, { timeout: timeoutMs })
  try {
    // WAL: readers never block the writer and a commit is atomic even if the process is killed
    // mid-publish. FULL sync because publishes are rare and must survive a power cut too.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Buffers arrive as Uint8Array; better-sqlite3 binds only Buffers as blobs. */
function bindable(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value
}

function connection(id: number): SqliteDatabase.Database {
  const db = connections.get(id)
  if (!db) throw Object.assign(new Error('SQLite connection is closed'), { code: 'SQLITE_MISUSE' })
  return db
}

if (parentPort) {
  serveRequests(parentPort, async (request: Request) => {
    if (request.kind === 'open') {
      connections.set(request.connection, open(request.file, request.timeoutMs))
      return { value: null }
    }
    if (request.kind === 'close') {
      connections.get(request.connection)?.close()
      connections.delete(request.connection)
      return { value: null }
    }
    const stmt = connection(request.connection).prepare(request.sql)
    const parameters = request.parameters.map(bindable)
    if (stmt.reader) return { value: { rows: stmt.all(parameters) } }
    const { changes, lastInsertRowid } = stmt.run(parameters)
    return { value: { rows: [], changes, lastInsertRowid } }
  })
}
