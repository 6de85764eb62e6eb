// Load benchmark of the API against a baseline that serves the very same bytes with plain node:http
// in the same run: what do Fastify, the hooks (helmet, CORS, rate-limit plumbing, conditional GET,
// compression), validation and the rules themselves cost per request? On SQLite and PostgreSQL.
//
//   npx tsx bench/load.bench.ts            (writes its section of docs/BENCHMARKS.md)
//   BENCH_SECONDS=5 BENCH_RUNS=5 BENCH_CONNECTIONS=20 LOAD_DIALECTS=sqlite npx tsx bench/load.bench.ts
//
// The servers run in a child process so autocannon (in this process) does not share their event
// loop; on a 2-core machine that is one core each. Rows of the server and of its baseline alternate
// run by run, so a noisy neighbour slows both rather than one.
import { type ChildProcess, fork } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { type DialectName, type TestDatabase, createTestDatabase, postgresReachable } from '../harness/server'
import { type Spread, fmt, machineLine, medianWithRange, ratio, spread, table, writeSection } from './lib/report'
import { at } from '../harness/at'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const DIALECTS = (process.env.LOAD_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as DialectName[]

interface Endpoint {
  label: string
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  note: string
}

/** The requests a phone or a community worker's PC makes most. */
const ENDPOINTS: Endpoint[] = [
  { label: 'GET /api/v1/content/policies', method: 'GET', path: '/api/v1/content/policies', note: 'largest section, identity' },
  {
    label: 'GET /api/v1/content/policies (br)',
    method: 'GET',
    path: '/api/v1/content/policies',
    headers: { 'accept-encoding': 'br' },
    note: 'as a phone asks for it',
  },
  { label: 'GET /api/v1/standards', method: 'GET', path: '/api/v1/standards', note: 'in force today' },
  {
    label: 'GET /api/v1/search?q=低保标准',
    method: 'GET',
    path: `/api/v1/search?q=${encodeURIComponent('低保标准')}`,
    note: 'ranked, with snippets',
  },
  {
    label: 'POST /api/v1/assess (低保)',
    method: 'POST',
    path: '/api/v1/assess',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ program: 'dibao', area: 'urban', householdSize: 3, monthlyIncome: 1500 }),
    note: 'validated, computed',
  },
]

interface Ready {
  app: number
  baseline: number
  bytes: number[]
}

// ---------------------------------------------------------------- child: the servers under test

async function serve(): Promise<void> {
  const { buildApp } = await import('../server/app')
  const { loadConfig } = await import('../server/config')
  const { ContentRepository } = await import('../server/content/repository')
  const { seedIfEmpty } = await import('../server/content/seed')
  const { openDatabase } = await import('../server/db/database')

  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_ASSESS: '1000000', CONTENT_POLL_MS: '0', CONTENT_LISTEN: '0' }),
    host: '127.0.0.1',
  }
  const database = await openDatabase(config.database)
  await seedIfEmpty(new ContentRepository(database), { info: () => undefined })
  const app = await buildApp({ config, db: database })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const appPort = (app.server.address() as { port: number }).port

  // Baseline: the same status, bodies and content headers, from a plain node:http server.
  const canned: { status: number; body: Buffer; headers: Record<string, string> }[] = []
  for (const e of ENDPOINTS) {
    const res = await app.inject({ method: e.method, url: e.path, headers: e.headers, payload: e.body })
    if (res.statusCode >= 300) throw new Error(`${e.label} answered ${res.statusCode}: ${res.body.slice(0, 300)}`)
    const headers: Record<string, string> = {}
    for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary']) {
      if (res.headers[name] !== undefined) headers[name] = String(res.headers[name])
    }
    canned.push({ status: res.statusCode, body: res.rawPayload, headers })
  }
  const baseline = http.createServer((req, res) => {
    // requests carry their endpoint's index, since two endpoints share a path
    const hit = canned[Number(req.headers['x-endpoint'])]
    req.resume()
    if (!hit) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(hit.status, { ...hit.headers, 'content-length': hit.body.length })
    res.end(hit.body)
  })
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve))
  const ready: Ready = { app: appPort, baseline: (baseline.address() as { port: number }).port, bytes: canned.map((c) => c.body.length) }
  process.send?.(ready)
  process.on('message', async () => {
    baseline.close()
    await app.close()
    await database.close()
    process.exit(0)
  })
}

// ---------------------------------------------------------------- parent: load and report

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
interface AutocannonOptions {
  url: string
  connections: number
  duration: number
  method: string
  headers: Record<string, string>
  body?: string
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>
// autocannon ships no type declarations; this is the part of its API used here.
const autocannon = require('autocannon') as Autocannon

interface Measured {
  rps: Spread
  p50: Spread
  p99: Spread
  failures: number
}

interface DialectResult {
  dialect: DialectName
  bytes: number[]
  app: Measured[]
  baseline: Measured[]
}

async function once(port: number, index: number, duration: number): Promise<AutocannonResult> {
  const e = at(ENDPOINTS, index)
  return autocannon({
    url: `http://127.0.0.1:${port}${e.path}`,
    connections: CONNECTIONS,
    duration,
    method: e.method,
    headers: { ...e.headers, 'x-endpoint': String(index) },
    body: e.body,
  })
}

async function measureDialect(dialect: DialectName): Promise<DialectResult> {
  const db: TestDatabase = await createTestDatabase(dialect)
  const child: ChildProcess = fork(__filename, ['--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...db.env },
    execArgv: process.execArgv,
  })
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready))
      child.once('exit', (code) => reject(new Error(`server process exited (${code})`)))
    })
    const app: Measured[] = []
    const baseline: Measured[] = []
    for (const [i, endpoint] of ENDPOINTS.entries()) {
      const samples = { app: [] as AutocannonResult[], baseline: [] as AutocannonResult[] }
      // warm-up: the JIT, and the snapshot's memoized answers and compressed bodies
      await once(ready.app, i, 1)
      await once(ready.baseline, i, 1)
      for (let run = 0; run < RUNS; run++) {
        samples.app.push(await once(ready.app, i, SECONDS))
        samples.baseline.push(await once(ready.baseline, i, SECONDS))
      }
      const summarize = (rs: AutocannonResult[]): Measured => ({
        rps: spread(rs.map((r) => r.requests.average)),
        p50: spread(rs.map((r) => r.latency.p50)),
        p99: spread(rs.map((r) => r.latency.p99)),
        failures: rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
      })
      const ours = summarize(samples.app)
      const theirs = summarize(samples.baseline)
      app.push(ours)
      baseline.push(theirs)
      process.stdout.write(
        `${dialect.padEnd(8)} ${endpoint.label.padEnd(36)} ${fmt(ours.rps.median).padStart(7)} req/s vs ${fmt(theirs.rps.median).padStart(7)} (${ratio(ours.rps.median, theirs.rps.median)}), p99 ${ours.p99.median} ms\n`,
      )
    }
    return { dialect, bytes: ready.bytes, app, baseline }
  } finally {
    child.send('stop')
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
    await db.cleanup()
  }
}

function report(results: DialectResult[], skipped: string[]): string {
  const rows = results.flatMap((r) =>
    ENDPOINTS.flatMap((e, i) => {
      const ours = at(r.app, i)
      const theirs = at(r.baseline, i)
      return [
        [
          r.dialect,
          e.label,
          e.note,
          fmt(at(r.bytes, i)),
          'this server',
          medianWithRange(ours.rps),
          fmt(ours.p50.median),
          fmt(ours.p99.median),
          ours.failures,
          ratio(ours.rps.median, theirs.rps.median),
        ],
        [
          '',
          '',
          '',
          '',
          'node:http, same bytes',
          medianWithRange(theirs.rps),
          fmt(theirs.p50.median),
          fmt(theirs.p99.median),
          theirs.failures,
          '',
        ],
      ]
    }),
  )
  const worst = results
    .flatMap((r) =>
      ENDPOINTS.map((e, i) => ({ label: `${e.label} (${r.dialect})`, value: at(r.app, i).rps.median / at(r.baseline, i).rps.median })),
    )
    .sort((a, b) => a.value - b.value)[0]
  const failures = results.reduce((n, r) => n + r.app.reduce((m, a) => m + a.failures, 0), 0)
  return [
    '## API load (`bench/load.bench.ts`)',
    '',
    machineLine(),
    `Run with \`npx tsx bench/load.bench.ts\`: autocannon, ${CONNECTIONS} connections, ${RUNS} runs of ${SECONDS} s per row after a 1 s warm-up, the server and its baseline alternating run by run; the server (content seeded from content/, logging off) runs in a child process on each database.`,
    'The baseline is a plain `node:http` server in the same child process answering with the very same status, bytes and content headers (Content-Type, Content-Encoding, ETag, Cache-Control, Vary) and no work at all: the ratio (server ÷ baseline requests/s, medians) is what routing, validation, the security headers, the conditional-GET check and the rules cost. req/s is the median with the range over the runs.',
    ...(skipped.length ? ['', `Skipped: ${skipped.join('; ')}.`] : []),
    '',
    table(['database', 'endpoint', 'what', 'body bytes', 'server', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'ratio'], rows, [
      'l',
      'l',
      'l',
      'r',
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
    ]),
    '',
    `Every read is answered from memory (the current version is serialized, and compressed, once per publish; derived answers are memoized per version), so the database is not on the read path and both dialects serve alike; PostgreSQL matters for publishing and for several servers sharing one database (see docs/RELIABILITY.md). Failed requests: ${failures}. The costliest endpoint relative to its baseline is ${worst ? `${worst.label} at ${worst.value.toFixed(2)}×` : '—'}. A CDN honouring the ETags and Cache-Control absorbs the public reads; /assess is computed on the phone in the app, so this endpoint serves other clients only.`,
  ].join('\n')
}

async function main(): Promise<void> {
  const results: DialectResult[] = []
  const skipped: string[] = []
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !postgresReachable()) {
      const message = 'PostgreSQL not reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)'
      process.stdout.write(`⚠ ${message}: PostgreSQL rows skipped\n`)
      skipped.push(message)
      continue
    }
    results.push(await measureDialect(dialect))
  }
  writeSection('load', report(results, skipped))
  process.stdout.write(`\nwrote the load section of ${path.relative(process.cwd(), path.resolve(__dirname, '../docs/BENCHMARKS.md'))}\n`)
}

if (process.argv.includes('--serve')) {
  serve().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
