// Console sign-in, sign-out, the signed-in user, user management (admins) and the audit log.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AccountStore, ROLES, ROLE_LABEL, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, USER_NAME, needsTotp } from '../console/accounts'
import { appendAudit, listAudit } from '../console/audit'
import { type GuardDeps, clearSessionCookie, requireRole, requireSession, sessionCookie, setSessionCookie } from '../console/guard'
import { passwordProblem, verifyPassword } from '../console/passwords'
import { matchTotp, totpUri } from '../console/totp'
import { generatePassword } from '../cli/accounts'
import type { Role } from '../db/tables'
import { ApiError } from '../lib/errors'

/** Verifying against this when the account does not exist keeps the timing the same (no user enumeration). */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$4Z86iEAYDllNJFDn9o9DpQ$y1E4LOf6My+75AZ6Trz/em3kimLfPJRKaV3V2ARr5i4'

const loginBody = z.object({
  // no control characters: PostgreSQL cannot store NUL, and no account name holds one
  name: z
    .string({ error: '请填写账号' })
    .trim()
    .min(1, '请填写账号')
    .max(64, '账号太长了')
    .regex(/^[^\u0000-\u001f\u007f]*$/, '账号里有不能使用的字符'),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(256, '密码太长了'),
  code: z.string().trim().max(12).optional(),
})

export const consoleAuthRoutes: FastifyPluginAsyncZod<{ deps: GuardDeps }> = async (app, { deps }) => {
  const accounts: AccountStore = deps.accounts

  // Sign-in: no session yet, so no CSRF token; a cross-site form cannot send JSON (415), and the
  // cookie is SameSite=Strict.
  app.post('/login', { schema: { body: loginBody, tags: ['console'], summary: '登录编辑后台' } }, async (request, reply) => {
    const { name, password, code } = request.body
    const now = deps.now()
    const ip = request.ip
    const wait = await accounts.throttleWait(name, ip, now)
    if (wait > 0) {
      await appendAudit(deps.db, now, { actor: name, action: 'login.throttled', ip, detail: { wait } })
      reply.header('retry-after', String(wait))
      throw new ApiError(
        429,
        'login_throttled',
        `这个账号在这台设备上连续输错了几次密码。为防止他人猜测密码，请在 ${wait} 秒后再试；其他同事和其他设备不受影响。`,
      )
    }
    const user = await accounts.findByName(name)
    const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password)
    const fail = async (reason: string) => {
      const delay = await accounts.recordFailure(name, ip, now)
      await appendAudit(deps.db, now, { actor: name, action: 'login.failed', ip, detail: { reason } })
      const later = delay > 0 ? `为防止他人猜测密码，请在 ${delay} 秒后再试。` : ''
      throw new ApiError(401, 'login_failed', `账号、密码或动态验证码不正确。${later}`)
    }
    if (!user || !passwordOk) return fail(user ? 'password' : 'unknown_user')
    if (user.disabledAt) return fail('disabled')
    if (needsTotp(user.role)) {
      if (!code) {
        await appendAudit(deps.db, now, { actor: name, action: 'login.totp_required', ip, detail: {} })
        throw new ApiError(401, 'totp_required', `${ROLE_LABEL[user.role]}账号登录还需要动态验证码：请打开身份验证器 App，输入 6 位数字`, [
          { field: 'code', message: '请输入动态验证码' },
        ])
      }
      const step = user.totpSecret ? matchTotp(user.totpSecret, code, now, user.totpLastStep) : null
      if (step === null) return fail('totp')
      await accounts.recordTotpStep(user.id, step)
    }
    await accounts.clearFailures(name, ip)
    // A new session id at every login; a session the browser still held is ended.
    const old = sessionCookie(request)
    if (old) await accounts.endSession(old)
    const { token, csrfToken } = await accounts.createSession(user, now, ip)
    await appendAudit(deps.db, now, { actor: user.name, action: 'login', ip, detail: { role: user.role } })
    setSessionCookie(request, reply, token)
    reply.header('cache-control', 'no-store')
    return { name: user.name, role: user.role, csrfToken }
  })

  // Whether this browser is signed in, answered 200 either way: the page asks on every load, and a
  // 401 there would be logged as an error in the console of every visitor who is not signed in yet.
  app.get('/session', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const token = sessionCookie(request)
    const session = token ? await accounts.touchSession(token, deps.now()) : null
    if (!session) return { signedIn: false as const }
    return { signedIn: true as const, name: session.user.name, role: session.user.role, csrfToken: session.csrfToken }
  })

  await app.register(async (scope) => {
    const signedIn = scope.withTypeProvider<ZodTypeProvider>()
    signedIn.addHook('onRequest', requireSession(deps))

    signedIn.post('/logout', async (request, reply) => {
      const token = sessionCookie(request)
      if (token) await accounts.endSession(token)
      await appendAudit(deps.db, deps.now(), { actor: request.consoleSession?.user.name ?? '', action: 'logout', ip: request.ip })
      clearSessionCookie(request, reply)
      return { ok: true }
    })

    signedIn.get('/me', async (request, reply) => {
      const session = request.consoleSession
      if (!session) throw new ApiError(401, 'not_logged_in', '请先登录')
      reply.header('cache-control', 'no-store')
      const last = new Date(session.lastSeenAt).getTime()
      return {
        name: session.user.name,
        role: session.user.role,
        csrfToken: session.csrfToken,
        idleExpiresAt: new Date(last + SESSION_IDLE_MS).toISOString(),
        absoluteExpiresAt: new Date(new Date(session.createdAt).getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      }
    })

    signedIn.get(
      '/audit',
      {
        schema: {
          querystring: z.object({
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (request, reply) => {
        await requireRole(deps, request, ['reviewer', 'admin'])
        reply.header('cache-control', 'no-store')
        return { entries: await listAudit(deps.db, request.query) }
      },
    )

    signedIn.get('/users', async (request) => {
      await requireRole(deps, request, ['admin'])
      const users = await accounts.list()
      return { users: users.map((u) => ({ name: u.name, role: u.role, createdAt: u.createdAt, disabledAt: u.disabledAt })) }
    })

    signedIn.post(
      '/users',
      {
        schema: {
          body: z.object({
            name: z.string({ error: '请填写账号名' }).trim().regex(USER_NAME, '账号名为 2–32 个字母、数字、点、横线或下划线'),
            role: z.enum(ROLES as [Role, ...Role[]], { error: '角色应为 editor、reviewer 或 admin' }),
          }),
        },
      },
      async (request, reply) => {
        const session = await requireRole(deps, request, ['admin'])
        const password = generatePassword()
        const user = await accounts.add(request.body.name, request.body.role, password, deps.now())
        if (!user) throw new ApiError(409, 'name_taken', `账号“${request.body.name}”已经存在`, [{ field: 'name', message: '已经存在' }])
        await appendAudit(deps.db, deps.now(), {
          actor: session.user.name,
          action: 'user.add',
          ip: request.ip,
          detail: { name: user.name, role: user.role },
        })
        reply.code(201).header('cache-control', 'no-store')
        // shown once: the password and the TOTP secret are never readable again
        return { name: user.name, role: user.role, password, totpUri: user.totpSecret ? totpUri(user.totpSecret, user.name) : null }
      },
    )

    // Own password: the current one is asked for (ASVS 2.1.6), wrong guesses count towards the same
    // throttle as sign-in, and the account's other sessions end.
    signedIn.post(
      '/password',
      {
        schema: {
          body: z.object({
            current: z.string({ error: '请填写现在的密码' }).min(1, '请填写现在的密码').max(256, '密码太长了'),
            next: z.string({ error: '请填写新密码' }).max(256, '密码太长了'),
          }),
        },
      },
      async (request) => {
        const session = request.consoleSession
        const token = sessionCookie(request)
        if (!session || !token) throw new ApiError(401, 'not_logged_in', '请先登录')
        const { user } = session
        const now = deps.now()
        const wait = await accounts.throttleWait(user.name, request.ip, now)
        if (wait > 0) throw new ApiError(429, 'login_throttled', `现在的密码连续输错了几次，请在 ${wait} 秒后再试`)
        if (!(await verifyPassword(user.passwordHash, request.body.current))) {
          await accounts.recordFailure(user.name, request.ip, now)
          await appendAudit(deps.db, now, { actor: user.name, action: 'password.change_failed', ip: request.ip })
          throw new ApiError(400, 'bad_request', '现在的密码不正确', [{ field: 'current', message: '现在的密码不正确' }])
        }
        const problem = passwordProblem(request.body.next)
        if (problem) throw new ApiError(400, 'bad_request', problem, [{ field: 'next', message: problem }])
        if (request.body.next === request.body.current)
          throw new ApiError(400, 'bad_request', '新密码不能和现在的一样', [{ field: 'next', message: '新密码不能和现在的一样' }])
        await accounts.changePassword(user.id, request.body.next, token)
        await appendAudit(deps.db, now, { actor: user.name, action: 'password.change', ip: request.ip })
        return { ok: true }
      },
    )

    const userParams = { params: z.object({ name: z.string().max(64) }) }
    const noSuchUser = (name: string) => new ApiError(404, 'not_found', `没有账号“${name}”`, [{ field: 'name', message: '没有这个账号' }])
    /** An admin's action on a colleague's account, in the audit log. */
    const auditUserAction = (request: FastifyRequest, admin: string, action: string, name: string) =>
      appendAudit(deps.db, deps.now(), { actor: admin, action, ip: request.ip, detail: { name } })

    // A colleague who forgot the password or lost the phone: new password and TOTP secret, shown once.
    signedIn.post('/users/:name/reset', { schema: userParams }, async (request, reply) => {
      const session = await requireRole(deps, request, ['admin'])
      if (request.params.name === session.user.name)
        throw new ApiError(409, 'self_reset', '不能在这里重置自己的账号：改密码请用“修改密码”，丢了手机请另一位管理员操作')
      const password = generatePassword()
      const user = await accounts.resetCredentials(request.params.name, password)
      if (!user) throw noSuchUser(request.params.name)
      await auditUserAction(request, session.user.name, 'user.reset', user.name)
      reply.header('cache-control', 'no-store')
      return { name: user.name, role: user.role, password, totpUri: user.totpSecret ? totpUri(user.totpSecret, user.name) : null }
    })

    signedIn.post('/users/:name/enable', { schema: userParams }, async (request) => {
      const session = await requireRole(deps, request, ['admin'])
      const user = await accounts.enable(request.params.name)
      if (!user) throw noSuchUser(request.params.name)
      await auditUserAction(request, session.user.name, 'user.enable', user.name)
      return { name: user.name, disabledAt: null }
    })

    signedIn.post('/users/:name/disable', { schema: userParams }, async (request) => {
      const session = await requireRole(deps, request, ['admin'])
      if (request.params.name === session.user.name) throw new ApiError(409, 'self_disable', '不能停用自己的账号，请另一位管理员操作')
      const user = await accounts.disable(request.params.name, deps.now())
      if (!user) throw noSuchUser(request.params.name)
      await auditUserAction(request, session.user.name, 'user.disable', user.name)
      return { name: user.name, disabledAt: user.disabledAt }
    })
  })
}
