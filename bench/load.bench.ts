// Load benchmark of the API's two hottest reads, against a baseline that serves the very same bytes
// with plain node:http in the same run: what do Fastify, the hooks (helmet, CORS, rate-limit
// plumbing, conditional GET) and the in-memory snapshot cost per request?
//
//   npx tsx bench/load.bench.ts            (writes its table into docs/BENCHMARKS.md)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=20 npx tsx bench/load.bench.ts
//
// The servers run in a child process so autocannon (in this process) does not share their event
// loop; on a 2-core machine that is one core each.
import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const DOC = path.resolve(__dirname, '../docs/BENCHMARKS.md')
const BEGIN = '<!-- load:begin -->'
const END = '<!-- load:end -->'

interface Endpoint {
  label: string
  path: string
}

interface Ready {
  app: number
  baseline: number
  bytes: Record<string, number>
  endpoints: Endpoint[]
}

// ---------------------------------------------------------------- child: the servers under test

async function serve(): Promise<void> {
  const { buildApp } = await import('../server/app')
  const { loadConfig } = await import('../server/config')
  const { ContentRepository } = await import('../server/content/repository')
  const { seedIfEmpty } = await import('../server/content/seed')
  const { openDatabase } = await import('../server/db/database')
  const { migrateToLatest } = await import('../server/db/migrate')
  const { SECTION_NAMES } = await import('../src/domain')

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-bench-'))
  const config = {
    ...loadConfig({ DATABASE_URL: `sqlite://${path.join(dir, 'bench.sqlite')}`, LOG_LEVEL: 'silent' }),
    host: '127.0.0.1',
  }
  const database = await openDatabase(config.database)
  await migrateToLatest(database)
  const silent = { info: () => undefined }
  await seedIfEmpty(new ContentRepository(database), silent)
  const app = await buildApp({ config, db: database })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const appPort = (app.server.address() as { port: number }).port

  // The largest section, and the standards in force today (the app's home screen).
  const manifest = (await app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json() as {
    sections: Record<string, { bytes: number }>
  }
  const largest = [...SECTION_NAMES].sort((a, b) => manifest.sections[b].bytes - manifest.sections[a].bytes)[0]
  const endpoints: Endpoint[] = [
    { label: `GET /api/v1/content/${largest}`, path: `/api/v1/content/${largest}` },
    { label: 'GET /api/v1/standards', path: '/api/v1/standards' },
  ]

  // Baseline: the same bodies and the same content headers, from a plain node:http server.
  const canned = new Map<string, { body: Buffer; headers: Record<string, string> }>()
  const bytes: Record<string, number> = {}
  for (const e of endpoints) {
    const res = await app.inject({ method: 'GET', url: e.path })
    const headers: Record<string, string> = { 'content-type': String(res.headers['content-type']) }
    if (res.headers.etag) headers.etag = String(res.headers.etag)
    if (res.headers['cache-control']) headers['cache-control'] = String(res.headers['cache-control'])
    canned.set(e.path, { body: res.rawPayload, headers })
    bytes[e.path] = res.rawPayload.length
  }
  const baseline = http.createServer((req, res) => {
    const hit = canned.get(req.url ?? '')
    if (!hit) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { ...hit.headers, 'content-length': hit.body.length })
    res.end(hit.body)
  })
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve))
  const baselinePort = (baseline.address() as { port: number }).port

  const ready: Ready = { app: appPort, baseline: baselinePort, bytes, endpoints }
  process.send?.(ready)
  process.on('message', async () => {
    baseline.close()
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
}

// ---------------------------------------------------------------- parent: load and report

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>
// autocannon ships no type declarations; this is the part of its API used here.
const autocannon = require('autocannon') as Autocannon

interface Row {
  endpoint: string
  server: string
  rps: number
  p50: number
  p99: number
  mbps: number
  failures: number
}

async function load(url: string): Promise<AutocannonResult> {
  // A short warm-up so the JIT and the snapshot's memoized answers are in place.
  await autocannon({ url, connections: CONNECTIONS, duration: 1 })
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready))
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)))
  })

  const rows: Row[] = []
  for (const e of ready.endpoints) {
    for (const [server, port] of [
      ['this server (Fastify)', ready.app],
      ['node:http, same bytes', ready.baseline],
    ] as const) {
      process.stdout.write(`${e.label} — ${server}: ${SECONDS} s × ${CONNECTIONS} connections … `)
      const r = await load(`http://127.0.0.1:${port}${e.path}`)
      const row: Row = {
        endpoint: e.label,
        server,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        mbps: r.throughput.average / 1024 / 1024,
        failures: r.non2xx + r.errors + r.timeouts,
      }
      rows.push(row)
      process.stdout.write(`${fmt(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms\n`)
    }
  }
  child.send('stop')
  await new Promise((resolve) => child.once('exit', resolve))

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  const lines = [
    BEGIN,
    '## API load (`bench/load.bench.ts`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, Node ${process.version} (${process.platform} ${process.arch}); the machine was shared with other jobs, so treat the figures as indicative.`,
    `Run with \`npx tsx bench/load.bench.ts\`: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per row after a 1 s warm-up, against the server (SQLite, content seeded from content/, logging off) in a child process.`,
    'The baseline is a plain `node:http` server in the same process serving the very same bytes with the same Content-Type, ETag and Cache-Control; the server adds routing, the security headers (helmet, CORS check), the conditional-GET check and request logging plumbing. Ratio = server ÷ baseline requests/s.',
    '',
    '| endpoint | body bytes | server | req/s | p50 ms | p99 ms | MB/s | failed | ratio |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (let i = 0; i < rows.length; i += 2) {
    const [app, base] = [rows[i], rows[i + 1]]
    const e = ready.endpoints[i / 2]
    for (const r of [app, base]) {
      lines.push(
        `| ${r.endpoint} | ${fmt(ready.bytes[e.path])} | ${r.server} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${fmt(r.mbps, 1)} | ${r.failures} | ${r === app ? `${fmt(app.rps / base.rps, 2)}×` : ''} |`,
      )
    }
  }
  lines.push(
    '',
    'Both reads come from memory (the current version is serialized once per publish; standards on a date are memoized per version), so neither touches the database: the gap to the baseline is the framework and header cost per request, which a CDN honouring the ETags and Cache-Control absorbs for public traffic.',
    END,
  )
  const table = lines.join('\n')
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n\nEach benchmark script rewrites only its own section, between its markers.\n'
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  const next = start >= 0 && end > start ? current.slice(0, start) + table + current.slice(end + END.length) : `${current.trimEnd()}\n\n${table}\n`
  fs.writeFileSync(DOC, next)
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), DOC)}\n`)
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
