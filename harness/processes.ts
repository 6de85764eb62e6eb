// Shared by the reliability tests: the env knobs that scale a run from everyday `npm test` up to the
// full CI run, the one error shape every 4xx/5xx must have, real server processes, and the figures
// each test prints (and appends to test-results/reliability/figures.jsonl for docs/RELIABILITY.md).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { ContentPack } from '../src/domain'
import { ROOT } from './server'
import { at } from './at'

/** A positive integer from the environment, or the everyday default. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} should be a non-negative integer, got "${raw}"`)
  return n
}

const FIGURES_FILE = path.join(ROOT, 'test-results/reliability/figures.jsonl')

/** Print a test's figures on one line and keep them for the run's record. */
export function report(name: string, figures: Record<string, unknown>): void {
  const line = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ')
  console.log(`[reliability] ${name}: ${line}`)
  try {
    fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true })
    fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ at: new Date().toISOString(), name, ...figures })}\n`)
  } catch {
    // the record is a convenience; a read-only checkout must not fail the test
  }
}

/** Exactly {"error":{"code","message","fields"?}} with non-empty Chinese words and nothing else. */
export function errorShapeProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not an object'
  const keys = Object.keys(body)
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${JSON.stringify(keys)}`
  const error = (body as { error: unknown }).error
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return 'error is not an object'
  const e = error as Record<string, unknown>
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'fields'].includes(k))
  if (extra.length) return `unexpected keys ${JSON.stringify(extra)}`
  if (typeof e.code !== 'string' || !/^[a-z_]+$/.test(e.code)) return `code ${JSON.stringify(e.code)}`
  if (typeof e.message !== 'string' || !/[\u4e00-\u9fff]/.test(e.message)) return `message ${JSON.stringify(e.message)}`
  if (e.fields !== undefined) {
    if (!Array.isArray(e.fields) || e.fields.length === 0) return 'fields is not a non-empty array'
    for (const f of e.fields as unknown[]) {
      const ok =
        typeof f === 'object' &&
        f !== null &&
        Object.keys(f).sort().join() === 'field,message' &&
        typeof (f as { field: unknown }).field === 'string' &&
        typeof (f as { message: unknown }).message === 'string'
      if (!ok) return `field entry ${JSON.stringify(f)}`
    }
  }
  return null
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return at(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)))
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  proc: ChildProcess
  url: string
  pid: number
  output: () => string
  exited: Promise<number | null>
  /** SIGTERM by default; resolves with the exit code */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

const running = new Set<ChildProcess>()
/** Kill whatever a failed test left running (only the processes this file started). */
export function killLeftovers(): void {
  for (const proc of running) proc.kill('SIGKILL')
}

/**
 * `node --import tsx server/main.ts` (one process, so signals reach the server itself, not a
 * wrapper), with quiet logs and admin off unless `env` says otherwise.
 */
export function spawnServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(proc)
  let out = ''
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      running.delete(proc)
      resolve(code)
    }),
  )
  return { proc, output: () => out, exited }
}

/** A server process on a free port, resolved once /health answers 200. */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort()
  const { proc, output, exited } = spawnServer({ ...env, PORT: String(port) }, nodeArgs)
  let gone = false
  void exited.then(() => (gone = true))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (gone) throw new Error(`server exited during start:\n${output()}`)
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`server did not become healthy:\n${output()}`)
    }
    try {
      const res = await fetch(`${url}/api/v1/health`)
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  return {
    proc,
    url,
    pid: proc.pid ?? -1,
    output,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      return exited
    },
  }
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now()
  for (;;) {
    const value = await fn()
    if (value !== undefined) return { value, ms: Date.now() - started }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

/**
 * A distinct, valid edition of the content pack: the tag goes into meta.version and into the text of
 * two sections, so a served mix of two editions (one section from each) would show.
 */
export function taggedPack(base: ContentPack, tag: string): ContentPack {
  const pack = structuredClone(base)
  pack.meta.version = tag
  const faq = at(pack.faq, 0)
  const news = at(pack.news, 0)
  faq.answer = `${faq.answer}（修订 ${tag}）`
  news.title = `${news.title}（修订 ${tag}）`
  return pack
}

/** The tag a served faq / news section carries, or null. */
export function tagOf(text: string): string | null {
  const m = /（修订 ([^）]+)）/.exec(text)
  return m?.[1] ?? null
}

/** A small seeded generator (mulberry32), so the random moments of a run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
