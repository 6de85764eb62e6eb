// A Kysely dialect for SQLite whose connection lives in a worker thread (sqlite-worker.ts, one for
// the process, holding every SQLite connection it opens).
// Kysely's own SqliteDialect calls better-sqlite3 on the main thread, which blocks it for as long as
// SQLite works: a large publish stalled every request, reads from memory included. The rest is as in
// Kysely's SqliteDriver: one connection, used by one caller (or transaction) at a time.
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'
import { WorkerThread } from '../lib/worker-thread'

interface Answer {
  rows: unknown[]
  changes?: number | bigint
  lastInsertRowid?: number | bigint
}

/** The worker thread that holds the process's SQLite connections, started on first use. */
let shared: WorkerThread | null = null
const sqliteThread = (): WorkerThread => (shared ??= new WorkerThread('sqlite-worker', null, 'SQLITE_IOERR'))
let connections = 0

class ThreadConnection implements DatabaseConnection {
  readonly id = ++connections
  /** the worker start the connection was opened in: a crash loses it (and any transaction on it) */
  private openedIn = 0

  constructor(
    private readonly file: string,
    private readonly timeoutMs: number,
  ) {}

  /** (Re)open when the worker has (re)started: only between uses, never in the middle of a transaction. */
  async ensureOpen(): Promise<void> {
    const thread = sqliteThread()
    if (this.openedIn === thread.generation) return
    this.openedIn = thread.generation
    try {
      await thread.call({ kind: 'open', connection: this.id, file: this.file, timeoutMs: this.timeoutMs })
    } catch (error) {
      this.openedIn = 0
      throw error
    }
  }

  async close(): Promise<void> {
    if (this.openedIn === 0 || this.openedIn !== sqliteThread().generation) return
    this.openedIn = 0
    await sqliteThread().call({ kind: 'close', connection: this.id })
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const thread = sqliteThread()
    if (this.openedIn !== thread.generation) {
      throw Object.assign(new Error('SQLite connection lost (its worker thread stopped)'), { code: 'SQLITE_IOERR' })
    }
    const answer = await thread.call<Answer>({ kind: 'query', connection: this.id, sql: query.sql, parameters: query.parameters })
    if (answer.changes === undefined) return { rows: answer.rows as R[] }
    return {
      rows: [],
      numAffectedRows: BigInt(answer.changes),
      insertId: answer.lastInsertRowid === undefined ? undefined : BigInt(answer.lastInsertRowid),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite worker connection')
  }
}

class ConnectionMutex {
  private held: Promise<void> | null = null
  private release: (() => void) | null = null

  async lock(): Promise<void> {
    while (this.held) await this.held
    this.held = new Promise((resolve) => (this.release = resolve))
  }

  unlock(): void {
    const release = this.release
    this.held = null
    this.release = null
    release?.()
  }
}

class ThreadDriver implements Driver {
  private readonly mutex = new ConnectionMutex()

  constructor(private readonly connection: ThreadConnection) {}

  async init(): Promise<void> {
    // opening the file (and its pragmas) happens in the worker; a file that cannot be opened fails here
    await this.connection.ensureOpen()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock()
    try {
      await this.connection.ensureOpen()
    } catch (error) {
      this.mutex.unlock()
      throw error
    }
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock()
  }

  async destroy(): Promise<void> {
    await this.connection.close()
  }
}

export function sqliteThreadDialect(file: string, busyTimeoutMs: number): Dialect {
  // A crash of the worker fails the queries it held as an I/O error: 503, retry (see db-errors.ts).
  const connection = new ThreadConnection(file, busyTimeoutMs)
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ThreadDriver(connection),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  }
}
