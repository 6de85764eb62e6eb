// Authentication, CSRF and role checks for the console routes. Every denial is written to the
// audit log with who (if known), what and from where.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Role, Tables } from '../db/tables'
import { ApiError } from '../lib/errors'
import { type AccountStore, ROLE_LABEL, type Session } from './accounts'
import { appendAudit } from './audit'

export const COOKIE_PLAIN = 'jdz_console'
/** Over TLS the __Host- prefix pins the cookie to this host, path / and Secure. */
export const COOKIE_SECURE = '__Host-jdz_console'
export const CSRF_HEADER = 'x-csrf-token'

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: Session | null
  }
}

export interface GuardDeps {
  db: Kysely<Tables>
  accounts: AccountStore
  now: () => Date
}

export const isSecure = (request: FastifyRequest): boolean => request.protocol === 'https'

/**
 * The session cookie from the Cookie header. Parsed here rather than with @fastify/cookie: it is one
 * opaque value of base64url characters, and the plugin loads its parser by a dynamic import.
 */
export function sessionCookie(request: FastifyRequest): string | null {
  const header = request.headers.cookie
  if (!header) return null
  const found = new Map<string, string>()
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (/^[A-Za-z0-9_-]{1,100}$/.test(value) && !found.has(name)) found.set(name, value)
  }
  return found.get(COOKIE_SECURE) ?? found.get(COOKIE_PLAIN) ?? null
}

function cookieHeader(request: FastifyRequest, value: string, maxAge: number | null): string {
  const secure = isSecure(request)
  const parts = [`${secure ? COOKIE_SECURE : COOKIE_PLAIN}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict']
  if (secure) parts.push('Secure')
  if (maxAge !== null) parts.push(`Max-Age=${maxAge}`)
  return parts.join('; ')
}

/** A session cookie (no Max-Age: it goes when the browser closes; the server ends it sooner). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.header('set-cookie', cookieHeader(request, token, null))
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', cookieHeader(request, '', 0))
}

export async function deny(deps: GuardDeps, request: FastifyRequest, reason: string, error: ApiError): Promise<never> {
  await appendAudit(deps.db, deps.now(), {
    actor: request.consoleSession?.user.name ?? '（未登录）',
    action: 'denied',
    ip: request.ip,
    detail: { reason, method: request.method, url: request.url.split('?')[0] },
  })
  throw error
}

/** onRequest: a live session, or 401; for a change of state, the session's CSRF token too. */
export function requireSession(deps: GuardDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    request.consoleSession = null
    const token = sessionCookie(request)
    const session = token ? await deps.accounts.touchSession(token, deps.now()) : null
    if (!session) {
      const message = token ? '登录已过期，请重新登录' : '请先登录'
      await deny(deps, request, token ? 'session_expired' : 'no_session', new ApiError(401, 'not_logged_in', message))
    }
    request.consoleSession = session
    if (request.method !== 'GET' && request.method !== 'HEAD') await checkCsrf(deps, request)
  }
}

async function checkCsrf(deps: GuardDeps, request: FastifyRequest): Promise<void> {
  const given = request.headers[CSRF_HEADER]
  const expected = request.consoleSession?.csrfToken ?? ''
  const ok = typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  if (!ok) await deny(deps, request, 'csrf', new ApiError(403, 'csrf_failed', '页面已过期或请求来源不可信，请刷新页面后重试'))
}

/** The signed-in user when their role is one of `roles`; otherwise a logged 403. */
export async function requireRole(deps: GuardDeps, request: FastifyRequest, roles: readonly Role[]): Promise<Session> {
  const session = request.consoleSession
  if (!session) return deny(deps, request, 'no_session', new ApiError(401, 'not_logged_in', '请先登录'))
  if (!roles.includes(session.user.role)) {
    const need = roles.map((r) => ROLE_LABEL[r]).join('或')
    return deny(
      deps,
      request,
      `role:${session.user.role}`,
      new ApiError(403, 'forbidden_role', `这个操作需要${need}权限，您的账号是${ROLE_LABEL[session.user.role]}`),
    )
  }
  return session
}
