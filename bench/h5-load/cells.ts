// Table cells and small text helpers shared by the three reports.
import { fmt, kb, medianWithRange, ratio, spread } from '../lib/report'
import type { Visit } from './visit'

export const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x))

/** "1.23× (1.10–1.40)": ratio of the medians, with the range of the per-run paired ratios. */
export function pairedRatio(app: readonly (number | null)[], base: readonly (number | null)[]): { text: string; median: number } {
  const a = present(app)
  const b = present(base)
  if (!a.length || !b.length) return { text: '—', median: Number.NaN }
  const medianRatio = spread(a).median / spread(b).median
  const perRun: number[] = []
  for (let i = 0; i < Math.min(app.length, base.length); i++) {
    const x = app[i]
    const y = base[i]
    if (x != null && y != null && y > 0) perRun.push(x / y)
  }
  const range = perRun.length > 1 ? ` (${fmt(spread(perRun).min, 2)}–${fmt(spread(perRun).max, 2)})` : ''
  return { text: `${ratio(spread(a).median, spread(b).median)}${range}`, median: medianRatio }
}

export function timeCell(values: readonly (number | null)[], total: number): string {
  const xs = present(values)
  if (!xs.length) return `did not show (0/${total})`
  const cell = medianWithRange(spread(xs))
  return xs.length < total ? `${cell}, shown ${xs.length}/${total}` : cell
}

export function serverCell(visits: readonly Visit[]): string {
  const requests = spread(visits.map((v) => v.server.requests))
  const bytes = spread(visits.map((v) => v.server.bytes))
  const req = requests.min === requests.max ? fmt(requests.median) : medianWithRange(requests)
  return `${req} / ${size(bytes.median)}`
}

export function countCell(values: readonly number[]): string {
  const s = spread(values)
  return s.min === s.max ? fmt(s.median) : medianWithRange(s)
}

/** "0 B", "494 B", "147.7 KB" */
export function size(bytes: number): string {
  return bytes < 1024 ? `${fmt(bytes)} B` : kb(bytes)
}

export function bytesCell(values: readonly number[]): string {
  const s = spread(values)
  if (s.max === 0) return '0 B'
  return s.min === s.max ? `${fmt(s.median)} B` : `${fmt(s.median)} B (${fmt(s.min)}–${fmt(s.max)})`
}

export const verdict = (met: boolean) => (met ? '**met**' : '**not met**')

/** "a ×2, b": each distinct entry once, with how often it occurs. */
export function counted(values: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([v, n]) => (n > 1 ? `${v} ×${n}` : v)).join(', ')
}

export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)]
}

export function fmtMedian(values: readonly (number | null)[]): string {
  const xs = present(values)
  return xs.length ? fmt(spread(xs).median) : '—'
}

export function printTable(head: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  console.log(line(head))
  for (const r of rows) console.log(line(r))
}
