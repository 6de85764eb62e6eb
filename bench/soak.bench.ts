// Soak benchmark: the reliability suite's soak (harness/soak.ts) for longer, on both
// databases, printing one row per dialect and rewriting its section of docs/RELIABILITY.md.
//
//   npx tsx bench/soak.bench.ts
//   SOAK_SECONDS=300 SOAK_CONNECTIONS=10 SOAK_DIALECTS=sqlite npx tsx bench/soak.bench.ts
//
// PostgreSQL is used at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a
// schema of its own that is dropped afterwards.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DialectName } from '../harness/server'
import { type SoakResult, describeSoak, runSoak } from '../harness/soak'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8)
const PUBLISH_MS = Number(process.env.SOAK_PUBLISH_MS ?? 2000)
const DIALECTS = (process.env.SOAK_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as DialectName[]
const DOC = path.resolve(__dirname, '../docs/RELIABILITY.md')
const BEGIN = '<!-- soak:begin -->'
const END = '<!-- soak:end -->'
const MB = 1024 * 1024

function row(r: SoakResult): string {
  const mb = (n: number) => Math.round(n / MB)
  const during = r.memoryCurve.map((m) => mb(m.rss))
  const range = during.length ? `${Math.min(...during)}–${Math.max(...during)}` : '—'
  return `| ${r.dialect} | ${r.seconds} | ${r.connections} | ${r.requests.toLocaleString('en-US')} | ${r.requestsPerSecond.toLocaleString('en-US')} | ${r.non2xx + r.errors + r.timeouts} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.publishes.published} | ${r.publishes.deliberate412} | ${mb(r.memoryStart.rss)} → ${mb(r.memoryEnd.rss)} | ${range} | ${mb(r.memoryStart.heapUsed)} → ${mb(r.memoryEnd.heapUsed)} |`
}

async function main(): Promise<void> {
  const results: SoakResult[] = []
  for (const dialect of DIALECTS) {
    process.stdout.write(`soak ${dialect}: ${SECONDS} s × ${CONNECTIONS} connections, a publish every ${PUBLISH_MS} ms … `)
    const r = await runSoak({ dialect, seconds: SECONDS, connections: CONNECTIONS, publishEveryMs: PUBLISH_MS, sampleEverySeconds: 10 })
    results.push(r)
    process.stdout.write(`${JSON.stringify(describeSoak(r))}\n`)
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  const table = [
    BEGIN,
    'Memory is sampled after a forced GC (the smallest of three samples half a second apart at the start, after a 3 s warm-up that includes one publish, and at the end); RSS swings by tens of MB with the heap V8 keeps reserved, so the curve during the run is shown too.',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/soak.bench.ts\` (SOAK_SECONDS=${SECONDS}, SOAK_CONNECTIONS=${CONNECTIONS}, SOAK_PUBLISH_MS=${PUBLISH_MS}) on ${cpu}, ${os.cpus().length} cores, Node ${process.version}; the machine was shared with other jobs.`,
    '',
    '| database | seconds | connections | requests | req/s | errors | p50 ms | p99 ms | max ms | published | deliberate 412 | RSS MB start → end | RSS MB during (every 10 s) | heap MB start → end |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(row),
    END,
  ].join('\n')
  if (fs.existsSync(DOC)) {
    const current = fs.readFileSync(DOC, 'utf8')
    const start = current.indexOf(BEGIN)
    const end = current.indexOf(END)
    if (start >= 0 && end > start) {
      fs.writeFileSync(DOC, current.slice(0, start) + table + current.slice(end + END.length))
      process.stdout.write(`\nwrote ${path.relative(process.cwd(), DOC)}\n`)
      return
    }
  }
  process.stdout.write(`\n${table}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
