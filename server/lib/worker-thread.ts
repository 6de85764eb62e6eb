// A long-lived worker thread answering requests by id, for work that must not hold the event loop
// (a 5 MB publish: parsing, validating, serializing; SQLite, whose driver is synchronous). The
// worker starts on first use and again after a crash: a worker that dies fails the requests it
// held, never the process. Idle, it does not keep the process alive.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker, threadId } from 'node:worker_threads'

/** The worker entries, as source (development, tests) and as built next to the bundle (production). */
const SOURCES = {
  'pack-worker': '../content/pack-worker.ts',
  'sqlite-worker': '../db/sqlite-worker.ts',
} as const

export type WorkerName = keyof typeof SOURCES

/**
 * scripts/build-server.mjs builds each entry as <name>.js beside main.js, where this code then lives
 * (__dirname is dist/server). From the sources (development, tests) the .js is absent: the
 * TypeScript entry is bundled in memory with esbuild (a development package) once per process and
 * run as plain JavaScript, which starts in a fraction of the time tsx takes in a thread.
 */
function startWorker(name: WorkerName, workerData: unknown): Worker {
  const built = path.join(__dirname, `${name}.js`)
  if (fs.existsSync(built)) return new Worker(built, { workerData })
  return new Worker(sourceBundle(name), { eval: true, workerData })
}

const bundles = new Map<WorkerName, string>()

function sourceBundle(name: WorkerName): string {
  let code = bundles.get(name)
  if (!code) {
    const source = path.resolve(__dirname, SOURCES[name])
    code = cachedBundle(source) ?? bundle(source)
    // packages resolve from the entry's place in the project, as they would for the built file
    code =
      `const { createRequire } = require('node:module');` +
      `(function (require, module, exports, __filename, __dirname) {\n${code}\n})` +
      `(createRequire(${JSON.stringify(source)}), { exports: {} }, {}, ${JSON.stringify(source)}, ${JSON.stringify(path.dirname(source))})`
    bundles.set(name, code)
  }
  return code
}

/** Bundles are kept in the temporary directory, with the files they were made of, for the next process. */
function cachePaths(source: string) {
  const base = path.join(os.tmpdir(), 'jdz-worker-bundles', createHash('sha256').update(source).digest('hex').slice(0, 16))
  return { code: `${base}.js`, inputs: `${base}.inputs.json` }
}

function cachedBundle(source: string): string | null {
  const cache = cachePaths(source)
  try {
    const built = fs.statSync(cache.code).mtimeMs
    const inputs = JSON.parse(fs.readFileSync(cache.inputs, 'utf8')) as string[]
    if (inputs.some((file) => fs.statSync(file).mtimeMs >= built)) return null
    return fs.readFileSync(cache.code, 'utf8')
  } catch {
    return null
  }
}

function bundle(source: string): string {
  // required here: esbuild is a development package, absent from a production install
  const esbuild = require('esbuild') as typeof import('esbuild')
  const started = Date.now()
  const result = esbuild.buildSync({
    entryPoints: [source],
    absWorkingDir: path.dirname(source),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text
  if (code === undefined) throw new Error(`esbuild wrote nothing for ${source}`)
  try {
    const cache = cachePaths(source)
    fs.mkdirSync(path.dirname(cache.code), { recursive: true })
    const inputs = Object.keys(result.metafile.inputs).map((file) => path.resolve(path.dirname(source), file))
    // written under a temporary name and renamed, as other processes may read it meanwhile; dated
    // from before the build, so a file changed during it is seen as newer
    const tmp = `${cache.code}.${process.pid}.${threadId}`
    fs.writeFileSync(tmp, code)
    fs.utimesSync(tmp, new Date(started - 1000), new Date(started - 1000))
    fs.writeFileSync(`${tmp}.json`, JSON.stringify(inputs))
    fs.renameSync(`${tmp}.json`, cache.inputs)
    fs.renameSync(tmp, cache.code)
  } catch {
    // no cache this time
  }
  return code
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
