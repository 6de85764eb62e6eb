// What every benchmark shares in its report: the machine line, statistics over repeated runs, a
// markdown table, and rewriting only its own section of a docs/ file (between its markers), so
// benchmarks run alone or together never clobber each other's figures.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { todayInShanghai } from '../../src/domain/dates'
import { at } from '../../harness/at'

export const DOCS = path.resolve(__dirname, '../../docs')
export const BENCHMARKS_DOC = path.join(DOCS, 'BENCHMARKS.md')

/** "Measured <date> on <cpu>, <n> cores, Node …" — the first line of every section. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `Measured ${todayInShanghai()} on ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version} (${process.platform} ${process.arch}); the machine was shared with other jobs, so compare the ratios, not the absolute times.`
}

export interface Spread {
  n: number
  median: number
  min: number
  max: number
  p95: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return at(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)))
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    p95: percentile(sorted, 95),
  }
}

/** "1,234 (1,100–1,400)": median with the range over the runs. */
export function medianWithRange(s: Spread, digits = 0): string {
  return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '—'
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function ratio(value: number, baseline: number, digits = 2): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '—'
  return `${(value / baseline).toFixed(digits)}×`
}

export function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`
}

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = head.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : '---'))
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

/**
 * Replace the section `name` of `doc` (between `<!-- name:begin -->` and `<!-- name:end -->`) with
 * `body`, appending the section when the file does not have it yet.
 */
export function writeSection(name: string, body: string, doc = BENCHMARKS_DOC): void {
  const begin = `<!-- ${name}:begin -->`
  const end = `<!-- ${name}:end -->`
  const section = `${begin}\n${body.trim()}\n${end}`
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Benchmarks\n'
  const start = current.indexOf(begin)
  const stop = current.indexOf(end)
  const next =
    start >= 0 && stop > start
      ? current.slice(0, start) + section + current.slice(stop + end.length)
      : `${current.trimEnd()}\n\n${section}\n`
  fs.writeFileSync(doc, next)
}

/** A target of the performance issue, as one benchmark measured it. */
export interface TargetCheck {
  bench: string
  target: string
  measured: string
  /** null: could not be measured in this run (e.g. no Chromium) */
  met: boolean | null
}

const RESULTS_DIR = path.resolve(__dirname, '../../test-results/bench')

/** Leave this benchmark's verdicts for `npm run bench` (bench/run.ts) to gather into one table. */
export function recordTargets(bench: string, checks: readonly Omit<TargetCheck, 'bench'>[]): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  fs.writeFileSync(
    path.join(RESULTS_DIR, `${bench}.json`),
    JSON.stringify(
      checks.map((c) => ({ bench, ...c })),
      null,
      2,
    ),
  )
}

export function clearTargets(): void {
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true })
}

export function readTargets(): TargetCheck[] {
  if (!fs.existsSync(RESULTS_DIR)) return []
  return fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as TargetCheck[])
}

export function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? 'met' : '**not met**'
}
