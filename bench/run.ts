// `npm run bench`: every benchmark in one go — bytes, search, API load, H5 load in Chromium, weapp setData — each
// rewriting its own section of docs/BENCHMARKS.md, then one table of the targets and whether this
// run met them (the summary section at the top of that file). Timings are reported, never asserted:
// the byte budgets are the tests in test/budgets.
//
//   npm run bench
//   BENCH_ONLY=bytes,search npm run bench     (a subset)
//
// Knobs of the single benchmarks pass through (BENCH_RUNS, BENCH_SECONDS, LOAD_DIALECTS, …).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../harness/builds'
import { clearTargets, machineLine, readTargets, table, verdict, writeSection } from './lib/report'

const BENCHES = [
  { name: 'bytes', file: 'bench/bytes.bench.ts', what: 'H5, weapp and content bytes against the baseline app' },
  { name: 'search', file: 'bench/search.bench.ts', what: 'per-keystroke search latency, Node and Chromium' },
  { name: 'load', file: 'bench/load.bench.ts', what: 'API requests/s against node:http serving the same bytes' },
  { name: 'h5-load', file: 'bench/h5-load.bench.ts', what: 'H5 load on a throttled phone, revisits, DOM size' },
  { name: 'weapp-setdata', file: 'bench/weapp-setdata.bench.ts', what: 'weapp setData calls and bytes per page, in the weapp harness' },
] as const

function main(): void {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const selected = BENCHES.filter((b) => !only || only.includes(b.name))
  clearTargets()
  const runs: { name: string; seconds: number; status: string }[] = []
  const started = Date.now()
  for (const bench of selected) {
    process.stdout.write(`\n▶ ${bench.name}: ${bench.what}\n`)
    const t0 = Date.now()
    const result = spawnSync(process.execPath, ['--import', 'tsx', bench.file], { cwd: ROOT, stdio: 'inherit', env: process.env })
    const seconds = Math.round((Date.now() - t0) / 1000)
    runs.push({ name: bench.name, seconds, status: result.status === 0 ? 'ok' : `failed (${result.status ?? result.signal})` })
  }
  const total = Math.round((Date.now() - started) / 1000)
  const targets = readTargets()
  const targetTable = table(
    ['benchmark', 'target', 'this run', 'verdict'],
    targets.map((t) => [t.bench, t.target, t.measured, verdict(t.met)]),
    ['l', 'l', 'l', 'l'],
  )
  const runTable = table(
    ['benchmark', 'seconds', 'status'],
    runs.map((r) => [r.name, r.seconds, r.status]),
    ['l', 'r', 'l'],
  )
  process.stdout.write(`\n${runTable}\n\n${targetTable}\n\nall benchmarks: ${total} s\n`)
  if (!only) {
    writeSection(
      'summary',
      [
        '## Summary (`npm run bench`)',
        '',
        machineLine(),
        `The whole run took ${total} s. Each section below says how it measures and against which baseline; this table gathers the targets of the performance issue and what this run measured.`,
        '',
        targetTable,
        '',
        runTable,
      ].join('\n'),
    )
    process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(ROOT, 'docs/BENCHMARKS.md'))}\n`)
  }
  if (runs.some((r) => r.status !== 'ok')) process.exit(1)
}

main()
