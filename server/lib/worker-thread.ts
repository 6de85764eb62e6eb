// A long-lived worker thread answering requests by id, for work that must not hold the event loop
// (a 5 MB publish: parsing, validating, serializing; SQLite, whose driver is synchronous). The
// worker starts on first use and again after a crash: a worker that dies fails the requests it
// held, never the process. Idle, it does not keep the process alive.
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** The worker entries, as source (development, tests) and as built next to the bundle (production). */
const SOURCES = {
  'pack-worker': '../content/pack-worker.ts',
  'sqlite-worker': '../db/sqlite-worker.ts',
} as const

export type WorkerName = keyof typeof SOURCES

/**
 * scripts/build-server.mjs builds each entry as <name>.js beside main.js, where this code then lives
 * (__dirname is dist/server). From the sources the .js is absent and the TypeScript entry is loaded
 * through tsx, which development and tests have.
 */
function startWorker(name: WorkerName, workerData: unknown): Worker {
  const built = path.join(__dirname, `${name}.js`)
  if (fs.existsSync(built)) return new Worker(built, { workerData })
  const source = path.resolve(__dirname, SOURCES[name])
  const tsx = require.resolve('tsx/cjs/api')
  return new Worker(`require(${JSON.stringify(tsx)}).register();require(${JSON.stringify(source)})`, { eval: true, workerData })
}

/** What a worker sends back: the answer to request `id`, or the error it raised (plain data). */
export type WorkerReply = { id: number; value: unknown } | { id: number; error: { message: string; name?: string; code?: unknown } }

/** Thrown for every request a worker held when it died. */
export class WorkerCrashedError extends Error {
  readonly code: string | undefined

  constructor(name: WorkerName, fallbackCode: string | undefined, cause: unknown) {
    super(`worker thread ${name} stopped: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    // an error the worker died of (e.g. SQLITE_CANTOPEN while opening its file) keeps its code
    const code = (cause as { code?: unknown } | null)?.code
    this.code = typeof code === 'string' ? code : fallbackCode
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
}

export class WorkerThread {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private started = 0

  /**
   * @param crashCode the `code` given to the errors of requests lost in a crash (e.g. SQLITE_IOERR, so
   *   callers report "unavailable, retry" as for any failed database call)
   */
  constructor(
    private readonly name: WorkerName,
    private readonly workerData: unknown = null,
    private readonly crashCode?: string,
  ) {}

  /** Which start of the worker is running (or will run the next request): state it held dies with it. */
  get generation(): number {
    return this.worker ? this.started : this.started + 1
  }

  call<T>(message: object, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    const reply = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
    })
    if (this.pending.size === 1) worker.ref()
    worker.postMessage({ ...message, id }, transfer)
    return reply
  }

  /** Stop the worker (requests still pending fail). */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private start(): Worker {
    const worker = startWorker(this.name, this.workerData)
    this.worker = worker
    this.started++
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id)
      if (!pending) return
      this.pending.delete(reply.id)
      if (this.pending.size === 0) worker.unref()
      if ('error' in reply) pending.reject(Object.assign(new Error(reply.error.message), reply.error))
      else pending.resolve(reply.value)
    })
    const fail = (cause: unknown) => {
      if (this.worker === worker) this.worker = null
      const lost = [...this.pending.values()]
      this.pending.clear()
      for (const p of lost) p.reject(new WorkerCrashedError(this.name, this.crashCode, cause))
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    worker.unref()
    return worker
  }
}

/** The worker side: answer each request with `handle`'s value or its error. */
export function serveRequests(
  port: import('node:worker_threads').MessagePort,
  handle: (message: never) => Promise<{ value: unknown; transfer?: ArrayBuffer[] }>,
) {
  port.on('message', (message: { id: number }) => {
    handle(message as never).then(
      ({ value, transfer }) => port.postMessage({ id: message.id, value } satisfies WorkerReply, transfer ?? []),
      (error: unknown) => {
        const {
          message: text,
          name,
          code,
        } = error instanceof Error ? (error as Error & { code?: unknown }) : { message: String(error), name: undefined, code: undefined }
        port.postMessage({ id: message.id, error: { message: text, name, code } } satisfies WorkerReply)
      },
    )
  })
}
