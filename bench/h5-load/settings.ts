// The knobs and limits of the H5 load benchmark, shared by its runs and its reports.

export const RUNS = positiveInt('BENCH_RUNS', 5)
export const VERBOSE = process.env.BENCH_VERBOSE === '1'
export const HOME = 'pages/index/index'
/** issue 12: today's standards on screen, cold, against the baseline */
export const COLD_TARGET = 1.2
export const WECHAT_NODE_LIMIT = 1000
/** how long a visit may take to show its content before it counts as "did not show" */
export const TIMEOUT_MS = { cold: 45_000, warm: 30_000, offline: 12_000 } as const

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} should be a positive integer, got "${raw}"`)
  return n
}

export const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? ''
