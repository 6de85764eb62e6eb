// Server configuration, parsed from the environment with zod at boot. A bad value stops the server
// with a message naming the variable, so a typo in a deployment never turns into odd behaviour later.
import path from 'node:path'
import { z } from 'zod'
import { adminTokenProblem } from './lib/token'
import { PROJECT_ROOT } from './paths'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string | null }

export interface AppConfig {
  port: number
  host: string
  database: DatabaseTarget
  /** bearer token for /api/v1/admin; null disables the admin routes entirely */
  adminToken: string | null
  /** exact origins allowed by CORS; empty means no CORS headers at all */
  corsOrigins: string[]
  logLevel: LogLevel
  rateLimit: {
    /** requests per window per client on POST /assess */
    assess: number
    /** requests per window per client on the admin routes */
    admin: number
    windowMs: number
  }
  /** how often to check the database for a version published elsewhere; 0 turns polling off */
  contentPollMs: number
  /**
   * PostgreSQL: LISTEN for publishes (instant). Turn off behind a transaction-mode pooler
   * (PgBouncer), where LISTEN does not work; the periodic check then does the job alone.
   */
  contentListen: boolean
  /** trust X-Forwarded-For from this many proxy hops (a CDN / load balancer); 0 = none */
  trustProxy: number
  /** the built H5 app to serve at /, or null for the API alone */
  staticDir: string | null
  shutdownTimeoutMs: number
}

const DEFAULT_SQLITE_FILE = path.join(PROJECT_ROOT, 'data/huimintong.sqlite')

const intFrom = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback
      const n = Number(raw)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} 应为 ${min} 到 ${max} 之间的整数，现在是“${raw}”` })
        return z.NEVER
      }
      return n
    })

const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, '只能用小写字母、数字和下划线，且不以数字开头')

const envSchema = z.object({
  PORT: intFrom('PORT', 1, 65535, 8080),
  HOST: z.string().min(1, 'HOST 不能为空').default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATABASE_SCHEMA: schemaName.optional(),
  ADMIN_TOKEN: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      // unset or empty: the admin routes are off
      const problem = v === undefined || v === '' ? null : adminTokenProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_ASSESS: intFrom('RATE_LIMIT_ASSESS', 1, 1_000_000, 60),
  RATE_LIMIT_ADMIN: intFrom('RATE_LIMIT_ADMIN', 1, 1_000_000, 30),
  RATE_LIMIT_WINDOW_MS: intFrom('RATE_LIMIT_WINDOW_MS', 100, 86_400_000, 60_000),
  CONTENT_POLL_MS: intFrom('CONTENT_POLL_MS', 0, 3_600_000, 2000),
  CONTENT_LISTEN: z.enum(['0', '1', 'true', 'false'], { error: 'CONTENT_LISTEN 应为 1 或 0' }).default('1'),
  TRUST_PROXY: intFrom('TRUST_PROXY', 0, 10, 0),
  STATIC_DIR: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: intFrom('SHUTDOWN_TIMEOUT_MS', 100, 600_000, 10_000),
})

export class ConfigError extends Error {
  constructor(
    /** the environment variable at fault */
    readonly variable: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * `sqlite:///abs/path.sqlite` | `postgres://…[?schema=name]` | unset (a file under ./data).
 * The schema may also come from DATABASE_SCHEMA; it isolates tests and lets several deployments
 * share one PostgreSQL database.
 */
export function parseDatabaseUrl(raw: string | undefined, schemaEnv: string | undefined): DatabaseTarget {
  if (raw === undefined || raw.trim() === '') return { dialect: 'sqlite', file: DEFAULT_SQLITE_FILE }
  if (raw.startsWith('sqlite://')) {
    const file = raw.slice('sqlite://'.length)
    if (!file.startsWith('/') || file.length < 2) {
      throw new ConfigError('DATABASE_URL', 'DATABASE_URL 的 SQLite 地址要写绝对路径，例如 sqlite:///var/lib/huimintong/db.sqlite')
    }
    return { dialect: 'sqlite', file: decodeURIComponent(file) }
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new ConfigError('DATABASE_URL', 'DATABASE_URL 不是有效的 PostgreSQL 地址，例如 postgres://user:password@host:5432/dbname')
    }
    const fromUrl = url.searchParams.get('schema')
    url.searchParams.delete('schema')
    const schema = fromUrl ?? schemaEnv ?? null
    if (schema !== null && !schemaName.safeParse(schema).success) {
      throw new ConfigError(
        fromUrl !== null ? 'DATABASE_URL' : 'DATABASE_SCHEMA',
        `数据库 schema 名“${schema}”无效：只能用小写字母、数字和下划线`,
      )
    }
    return { dialect: 'postgres', url: url.toString(), schema }
  }
  throw new ConfigError('DATABASE_URL', 'DATABASE_URL 应以 sqlite:/// 或 postgres:// 开头；不设置则使用 ./data 下的 SQLite 文件')
}

export function parseOrigins(raw: string | undefined): string[] {
  if (!raw) return []
  const origins = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const origin of origins) {
    let ok = false
    try {
      const u = new URL(origin)
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin
    } catch {
      ok = false
    }
    if (!ok)
      throw new ConfigError(
        'CORS_ORIGINS',
        `CORS_ORIGINS 中的“${origin}”不是一个来源（应写成 https://example.com，不带路径和结尾斜杠），多个用逗号分隔`,
      )
  }
  return origins
}

/** Parse the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    // zod reports at least one issue for every failed parse
    const issue = parsed.error.issues[0]!
    const variable = String(issue.path[0] ?? 'environment')
    const message = issue.message.includes(variable) ? issue.message : `${variable}：${issue.message}`
    throw new ConfigError(variable, message)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATABASE_SCHEMA),
    adminToken: e.ADMIN_TOKEN ? e.ADMIN_TOKEN : null,
    corsOrigins: parseOrigins(e.CORS_ORIGINS),
    logLevel: e.LOG_LEVEL,
    rateLimit: { assess: e.RATE_LIMIT_ASSESS, admin: e.RATE_LIMIT_ADMIN, windowMs: e.RATE_LIMIT_WINDOW_MS },
    contentPollMs: e.CONTENT_POLL_MS,
    contentListen: e.CONTENT_LISTEN === '1' || e.CONTENT_LISTEN === 'true',
    trustProxy: e.TRUST_PROXY,
    staticDir: e.STATIC_DIR ? path.resolve(e.STATIC_DIR) : null,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  }
}
