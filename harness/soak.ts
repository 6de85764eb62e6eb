// The soak: a real server process (`node --import tsx server/main.ts`) on SQLite or PostgreSQL under
// sustained mixed reads on loopback (content sections, standards, policies, search, /assess) from
// autocannon, while an editor publishes a new edition every few seconds (and, each time, a
// deliberately stale one that must get 412). Reports requests served, errors, latency percentiles and
// the server's memory (RSS and heap after a forced GC) at the start and at the end.
//
// Used by test/reliability/soak.test.ts (bounded) and bench/soak.bench.ts (long runs).
import path from 'node:path'
import { ADMIN_TOKEN, type DialectName, contentPack, createTestDatabase } from './server'
import { checkIntegrity } from './integrity'
import { type ServerProcess, sleep, startServer, taggedPack, waitFor } from './processes'
import { at } from './at'

export interface SoakOptions {
  dialect: DialectName
  seconds: number
  connections: number
  publishEveryMs: number
  /** not measured: lets the JIT and the memoized answers settle before the start sample */
  warmupSeconds?: number
  /** also sample memory every so often during the run (the bench prints the curve) */
  sampleEverySeconds?: number
}

export interface MemorySample {
  rss: number
  heapUsed: number
  /** what V8 has reserved for its heap (part of RSS even when heapUsed is low) */
  heapTotal: number
  /** Buffers and other memory outside the V8 heap (the serialized sections are Buffers) */
  external: number
}

export interface SoakResult {
  dialect: DialectName
  seconds: number
  connections: number
  requests: number
  requestsPerSecond: number
  /** autocannon: non-2xx answers, socket errors, timeouts (all must be 0) */
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  publishes: { attempted: number; published: number; deliberate412: number; unexpected: number }
  versionsServed: number
  historyIntact: boolean
  memoryStart: MemorySample
  memoryEnd: MemorySample
  /** samples taken during the run, when asked for */
  memoryCurve: MemorySample[]
  growthMb: { rss: number; heapUsed: number }
  exitCode: number | null
}

interface AutocannonRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest
}

interface AutocannonResult {
  requests: { total: number; average: number }
  latency: { p50: number; p90: number; p99: number; max: number }
  non2xx: number
  errors: number
  timeouts: number
  statusCodeStats: Record<string, { count: number }>
}

type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  requests: AutocannonRequest[]
  timeout?: number
}) => Promise<AutocannonResult>
// autocannon ships no type declarations; this is the part of its API used here.
const autocannon = require('autocannon') as Autocannon

const PROBE = path.join(__dirname, 'memory-probe.cjs')
const MB = 1024 * 1024

function mixedReads(): AutocannonRequest[] {
  const pack = contentPack()
  const json = { 'content-type': 'application/json' }
  let n = 0
  // a different household on every request, so nothing can be answered from a cache
  const varyIncome = (req: AutocannonRequest): AutocannonRequest => {
    const body = JSON.parse(req.body ?? '{}') as Record<string, unknown>
    body.monthlyIncome = ((n++ * 37) % 300_000) / 100
    return { ...req, body: JSON.stringify(body) }
  }
  return [
    { method: 'GET', path: '/api/v1/content/manifest' },
    { method: 'GET', path: '/api/v1/content/parameters' },
    { method: 'GET', path: '/api/v1/standards?on=2019-07-01' },
    { method: 'GET', path: '/api/v1/standards' },
    {
      method: 'POST',
      path: '/api/v1/assess',
      headers: json,
      body: JSON.stringify({ program: 'dibao', area: 'urban', householdSize: 3, monthlyIncome: 1500 }),
      setupRequest: varyIncome,
    },
    { method: 'GET', path: '/api/v1/standards/dibao-urban-standard' },
    { method: 'GET', path: `/api/v1/search?q=${encodeURIComponent('低保标准')}` },
    { method: 'GET', path: '/api/v1/content/faq' },
    { method: 'GET', path: '/api/v1/policies' },
    {
      method: 'POST',
      path: '/api/v1/assess',
      headers: json,
      body: JSON.stringify({
        program: 'tekun',
        area: 'rural',
        care: 'dispersed',
        age: 72,
        canWork: false,
        monthlyIncome: 100,
        hasCapableSupporter: false,
        selfCare: 'semi',
      }),
      setupRequest: varyIncome,
    },
    { method: 'GET', path: `/api/v1/policies/${at(pack.policies, 0).id}` },
    { method: 'GET', path: `/api/v1/search?q=${encodeURIComponent('特困 照料护理')}` },
    { method: 'GET', path: '/api/v1/services' },
    { method: 'GET', path: `/api/v1/services/${at(pack.services, 0).id}` },
    { method: 'GET', path: '/api/v1/content/policies' },
  ]
}

/**
 * RSS after a GC still swings by tens of MB with what V8 keeps reserved for its heap (heapTotal) and
 * what malloc has not handed back yet; the smallest of a few samples is the honest figure to compare.
 */
async function settledMemoryOf(server: ServerProcess): Promise<MemorySample> {
  const samples: MemorySample[] = []
  for (let i = 0; i < 3; i++) {
    if (i) await sleep(500)
    samples.push(await memoryOf(server))
  }
  const least = (key: keyof MemorySample) => Math.min(...samples.map((m) => m[key]))
  return { rss: least('rss'), heapTotal: least('heapTotal'), heapUsed: least('heapUsed'), external: least('external') }
}

async function memoryOf(server: ServerProcess): Promise<MemorySample> {
  const seen = server.output().split('MEMORY ').length
  server.proc.kill('SIGUSR2')
  const { value } = await waitFor(
    'a memory sample',
    async () => {
      const parts = server.output().split('MEMORY ')
      if (parts.length <= seen) return undefined
      const [line = ''] = at(parts, -1).split('\n')
      return JSON.parse(line) as MemorySample
    },
    10_000,
  )
  return { rss: value.rss, heapTotal: value.heapTotal, heapUsed: value.heapUsed, external: value.external }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const db = await createTestDatabase(options.dialect)
  const base = contentPack()
  let server: ServerProcess | null = null
  try {
    server = await startServer(
      {
        ...db.env,
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        // one client (this process) makes every request: the per-client limits would throttle it
        RATE_LIMIT_ASSESS: '1000000',
        RATE_LIMIT_ADMIN: '1000000',
      },
      ['--expose-gc', '--require', PROBE],
    )
    const url = server.url
    const requests = mixedReads()
    const publishes = { attempted: 0, published: 0, deliberate412: 0, unexpected: 0 }
    const versions = new Set<string>()
    let edition = 0
    /** A publish from the version served, then the same from the version before (a stale editor). */
    const publishOnce = async () => {
      const health = (await (await fetch(`${url}/api/v1/health`)).json()) as { version: string }
      const post = (ifMatch: string) =>
        fetch(`${url}/api/v1/admin/content`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': `"${ifMatch}"` },
          body: JSON.stringify(taggedPack(base, `soak-${++edition}`)),
        })
      const res = await post(health.version)
      publishes.attempted++
      if (res.status === 201) {
        publishes.published++
        versions.add(((await res.json()) as { version: string }).version)
      } else {
        publishes.unexpected++
        await res.arrayBuffer()
      }
      // an editor working from the version before: must be refused, never applied
      const stale = await post(health.version)
      publishes.attempted++
      if (stale.status === 412) publishes.deliberate412++
      else publishes.unexpected++
      await stale.arrayBuffer()
    }

    // Warm-up, publishing included, so the start sample already holds what a publish allocates
    // (the validator's index of the gazette, a second snapshot) and the JIT has settled.
    const warmup = autocannon({ url, connections: options.connections, duration: options.warmupSeconds ?? 3, requests })
    await publishOnce()
    await warmup
    const memoryStart = await settledMemoryOf(server)

    let running = true
    const publisher = (async () => {
      while (running) {
        await sleep(options.publishEveryMs)
        if (running) await publishOnce()
      }
    })()
    const memoryCurve: MemorySample[] = []
    const sampler = (async () => {
      const every = options.sampleEverySeconds
      if (!every) return
      for (let t = every; t < options.seconds && running; t += every) {
        await sleep(every * 1000)
        if (running && server) memoryCurve.push(await memoryOf(server))
      }
    })()
    const result = await autocannon({ url, connections: options.connections, duration: options.seconds, requests, timeout: 10 })
    running = false
    await Promise.all([publisher, sampler])

    const memoryEnd = await settledMemoryOf(server)
    const { history } = await checkIntegrity(db.database, url)
    const historyIntact = history.length === 1 + publishes.published
    const exitCode = await server.stop()
    server = null
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]))
    return {
      dialect: options.dialect,
      seconds: options.seconds,
      connections: options.connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      publishes,
      versionsServed: versions.size,
      historyIntact,
      memoryStart,
      memoryEnd,
      memoryCurve,
      growthMb: {
        rss: Math.round(((memoryEnd.rss - memoryStart.rss) / MB) * 10) / 10,
        heapUsed: Math.round(((memoryEnd.heapUsed - memoryStart.heapUsed) / MB) * 10) / 10,
      },
      exitCode,
    }
  } finally {
    await server?.stop('SIGKILL')
    await db.cleanup()
  }
}

export function describeSoak(r: SoakResult): Record<string, unknown> {
  return {
    dialect: r.dialect,
    seconds: r.seconds,
    connections: r.connections,
    requests: r.requests,
    reqPerSec: r.requestsPerSecond,
    errors: r.non2xx + r.errors + r.timeouts,
    statusCodes: r.statusCodes,
    p50ms: r.latencyMs.p50,
    p99ms: r.latencyMs.p99,
    maxMs: r.latencyMs.max,
    published: r.publishes.published,
    deliberate412: r.publishes.deliberate412,
    unexpectedPublishAnswers: r.publishes.unexpected,
    historyIntact: r.historyIntact,
    rssMb: `${Math.round(r.memoryStart.rss / MB)}→${Math.round(r.memoryEnd.rss / MB)}`,
    heapMb: `${Math.round(r.memoryStart.heapUsed / MB)}→${Math.round(r.memoryEnd.heapUsed / MB)}`,
    externalMb: `${Math.round(r.memoryStart.external / MB)}→${Math.round(r.memoryEnd.external / MB)}`,
    growthMb: r.growthMb,
    exitCode: r.exitCode,
  }
}
