// Console accounts on both dialects: sign-in and its cookie, TOTP for reviewers and admins,
// throttling that slows a guesser without locking out a colleague, session expiry, disabling,
// CSRF, roles and the audit trail.
import BetterSqlite3 from 'better-sqlite3'
import { runUserCommand } from '../../server/cli/accounts'
import { appendAudit } from '../../server/console/audit'
import { AccountStore, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, THROTTLE_FREE_FAILURES } from '../../server/console/accounts'
import { ARGON2_PARAMS, hashParameters, hashPassword, isArgon2id } from '../../server/console/passwords'
import { totpCode } from '../../server/console/totp'
import { type ConsoleTest, PASSWORD, clientFor, cookieOf, createConsoleTest } from './console-helpers'
import { createTestApp, testDialects } from './helpers'

// Every sign-in verifies an argon2id hash (19 MiB, by design slow): allow for a busy machine.
jest.setTimeout(30_000)

test('passwords are hashed with argon2id at or above the OWASP minimum (19 MiB, 2 passes, 1 lane)', async () => {
  expect(ARGON2_PARAMS.memoryCost).toBeGreaterThanOrEqual(19_456)
  expect(ARGON2_PARAMS.timeCost).toBeGreaterThanOrEqual(2)
  expect(ARGON2_PARAMS.parallelism).toBeGreaterThanOrEqual(1)
  const stored = await hashPassword('correct horse battery staple')
  const used = hashParameters(stored)
  expect(isArgon2id(used.algorithm)).toBe(true)
  expect(used).toMatchObject({
    memoryCost: ARGON2_PARAMS.memoryCost,
    timeCost: ARGON2_PARAMS.timeCost,
    parallelism: ARGON2_PARAMS.parallelism,
  })
})

describe.each(testDialects())('console accounts (%s)', (dialect) => {
  let t: ConsoleTest
  beforeAll(async () => {
    t = await createConsoleTest(dialect)
    await t.addUser('lihua', 'editor')
    await t.addUser('wang', 'reviewer')
    await t.addUser('zhao', 'admin')
    await t.addUser('sun', 'editor')
    // hashing several passwords with argon2id takes a while on a busy machine
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  const audit = async (action: string) => {
    const rows = await t.db.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
    return rows.map((r) => ({ actor: r.actor, detail: JSON.parse(r.detail) as Record<string, unknown> }))
  }

  test('a login sets an HttpOnly, SameSite=Strict session cookie, a new one each time, and is logged', async () => {
    const first = await t.login('lihua')
    expect(first.statusCode).toBe(200)
    const header = String(first.headers['set-cookie'])
    expect(header).toMatch(/HttpOnly/)
    expect(header).toMatch(/SameSite=Strict/)
    expect(header).not.toMatch(/Secure/)
    const second = await t.login('lihua')
    expect(cookieOf(second)).not.toBe(cookieOf(first))
    expect((await audit('login')).map((e) => e.actor)).toContain('lihua')
  })

  test('behind a TLS proxy the cookie is Secure with the __Host- prefix', async () => {
    // the app trusts X-Forwarded-Proto only with TRUST_PROXY; build one that does
    const app = await createTestApp(dialect, { trustProxy: 1 })
    try {
      await new AccountStore(app.db.database.db).add('tls', 'editor', 'correct horse battery staple', new Date())
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/console/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { name: 'tls', password: 'correct horse battery staple' },
      })
      expect(res.statusCode).toBe(200)
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-jdz_console=.*Secure/)
    } finally {
      await app.close()
    }
  })

  test('a wrong password is refused and logged, with the same message as an unknown account', async () => {
    const wrong = await t.login('sun', { password: 'not the password at all' })
    const unknown = await t.login('nobody', { password: 'not the password at all' })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error.message).toBe(unknown.json().error.message)
    expect((await audit('login.failed')).map((e) => e.actor)).toEqual(expect.arrayContaining(['sun', 'nobody']))
  })

  test('an account name with a control character is refused as input (PostgreSQL cannot store NUL), not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/console/login', payload: { name: '\u0000', password: '0' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual([{ field: 'name', message: '账号里有不能使用的字符' }])
  })

  test('reviewers and admins need a TOTP code; a wrong or replayed code is refused', async () => {
    const missing = await t.login('wang', { code: null })
    expect(missing.statusCode).toBe(401)
    expect(missing.json().error.code).toBe('totp_required')
    const wrong = await t.login('wang', { code: '000000' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().error.code).toBe('login_failed')
    const ok = await t.login('zhao')
    expect(ok.statusCode).toBe(200)
    const secret = (await t.accounts.findByName('zhao'))?.totpSecret ?? ''
    const replay = await t.login('zhao', { code: totpCode(secret, t.clock.now()) })
    expect(replay.statusCode).toBe(401)
  })

  test('failures slow down that account from that address only; a colleague elsewhere still signs in', async () => {
    for (let i = 0; i < THROTTLE_FREE_FAILURES; i++) {
      expect((await t.login('lihua', { password: 'guess guess guess', ip: '203.0.113.9' })).statusCode).toBe(401)
    }
    const slowed = await t.login('lihua', { password: 'guess guess guess', ip: '203.0.113.9' })
    expect(slowed.statusCode).toBe(401)
    const blocked = await t.login('lihua', { ip: '203.0.113.9' })
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.message).toMatch(/秒后再试.*其他同事/)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    // the real owner at her own desk is not locked out
    expect((await t.login('lihua', { ip: '10.0.0.7' })).statusCode).toBe(200)
    // and the delay is short: a minute later the right password works from there too
    t.clock.advance(61_000)
    expect((await t.login('lihua', { ip: '203.0.113.9' })).statusCode).toBe(200)
    expect((await audit('login.throttled')).length).toBeGreaterThan(0)
  })

  test('a session ends after 30 minutes idle', async () => {
    const c = await t.signIn('lihua')
    t.clock.advance(SESSION_IDLE_MS - 60_000)
    expect((await c.request('GET', '/me')).statusCode).toBe(200)
    t.clock.advance(SESSION_IDLE_MS + 1000)
    const expired = await c.request('GET', '/me')
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.message).toMatch(/过期/)
  })

  test('a session ends after 8 hours however active', async () => {
    const c = await t.signIn('lihua')
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 20 * 60_000; elapsed += 20 * 60_000) {
      t.clock.advance(20 * 60_000)
      expect((await c.request('GET', '/me')).statusCode).toBe(200)
    }
    t.clock.advance(40 * 60_000 - 1)
    expect((await c.request('GET', '/me')).statusCode).toBe(401)
  })

  test('logout ends the session on the server; /session says so without an error status', async () => {
    const c = await t.signIn('lihua')
    expect((await c.request('GET', '/session')).json()).toMatchObject({ signedIn: true, name: 'lihua', role: 'editor', csrfToken: c.csrf })
    expect((await c.request('POST', '/logout', {})).statusCode).toBe(200)
    expect((await c.request('GET', '/me')).statusCode).toBe(401)
    const after = await c.request('GET', '/session')
    expect(after.statusCode).toBe(200)
    expect(after.json()).toEqual({ signedIn: false })
  })

  test('disabling an account ends its sessions at once, and it cannot sign in again', async () => {
    await t.addUser('qian', 'editor')
    const victim = await t.signIn('qian')
    const admin = await t.signIn('zhao')
    expect((await admin.request('POST', '/users/qian/disable', {})).statusCode).toBe(200)
    expect((await victim.request('GET', '/me')).statusCode).toBe(401)
    expect((await t.login('qian')).statusCode).toBe(401)
    expect((await audit('user.disable')).map((e) => e.detail.name)).toContain('qian')
  })

  test('a person changes their own password: the current one is asked for, the other sessions end, this one stays', async () => {
    await t.addUser('zhang', 'editor')
    const here = await t.signIn('zhang')
    const elsewhere = await t.signIn('zhang')
    const next = 'a brand new passphrase'
    const wrong = await here.request('POST', '/password', { current: 'not my password', next })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields).toEqual([{ field: 'current', message: '现在的密码不正确' }])
    const short = await here.request('POST', '/password', { current: PASSWORD, next: 'short' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.fields[0].field).toBe('next')
    expect((await here.request('POST', '/password', { current: PASSWORD, next: PASSWORD })).statusCode).toBe(400)
    expect((await here.request('POST', '/password', { current: PASSWORD, next }, { 'x-csrf-token': 'forged' })).statusCode).toBe(403)

    expect((await here.request('POST', '/password', { current: PASSWORD, next })).statusCode).toBe(200)
    expect((await here.request('GET', '/me')).statusCode).toBe(200)
    expect((await elsewhere.request('GET', '/me')).statusCode).toBe(401)
    expect((await t.login('zhang')).statusCode).toBe(401)
    expect((await t.login('zhang', { password: next })).statusCode).toBe(200)
    expect((await audit('password.change')).map((e) => e.actor)).toContain('zhang')
    expect((await audit('password.change_failed')).map((e) => e.actor)).toContain('zhang')
  })

  test('an admin resets a colleague who lost password and phone: both are new, shown once, and old sessions end', async () => {
    await t.addUser('wu', 'reviewer')
    const before = await t.signIn('wu')
    const admin = await t.signIn('zhao')
    const editor = await t.signIn('lihua')
    expect((await editor.request('POST', '/users/wu/reset', {})).statusCode).toBe(403)
    expect((await admin.request('POST', '/users/zhao/reset', {})).statusCode).toBe(409)
    expect((await admin.request('POST', '/users/nobody/reset', {})).json().error.fields).toEqual([
      { field: 'name', message: '没有这个账号' },
    ])

    const reset = await admin.request('POST', '/users/wu/reset', {})
    expect(reset.statusCode).toBe(200)
    expect(reset.headers['cache-control']).toBe('no-store')
    const { password, totpUri } = reset.json() as { password: string; totpUri: string }
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/)
    const secret = new URL(totpUri).searchParams.get('secret')
    expect(secret).toMatch(/^[A-Z2-7]+$/)

    expect((await before.request('GET', '/me')).statusCode).toBe(401)
    // the old password no longer works, nor a code from the lost phone
    expect((await t.login('wu')).statusCode).toBe(401)
    t.clock.advance(30_000)
    const code = totpCode(secret ?? '', t.clock.now())
    expect((await t.login('wu', { password, code })).statusCode).toBe(200)
    expect((await audit('user.reset')).map((e) => e.detail.name)).toContain('wu')
  })

  test('an admin can enable a disabled account again; it signs in with its own password', async () => {
    await t.addUser('zheng', 'editor')
    const admin = await t.signIn('zhao')
    expect((await admin.request('POST', '/users/zheng/disable', {})).statusCode).toBe(200)
    expect((await t.login('zheng')).statusCode).toBe(401)
    expect((await admin.request('POST', '/users/zheng/enable', {})).json()).toEqual({ name: 'zheng', disabledAt: null })
    expect((await t.login('zheng')).statusCode).toBe(200)
    expect((await audit('user.enable')).map((e) => e.detail.name)).toContain('zheng')
  })

  test('the CLI resets and enables accounts on the server itself', async () => {
    await t.addUser('feng', 'editor')
    const lines: string[] = []
    const io = (piped: string | null) => ({ out: (line: string) => lines.push(line), readPassword: async () => piped })
    const db = t.db.database.db
    await runUserCommand(db, ['disable', 'feng'], undefined, io(null))
    await runUserCommand(db, ['reset', 'feng'], undefined, io('typed by the admin 123'))
    expect(lines.join('\n')).toContain('仍是停用状态')
    expect(lines.join('\n')).not.toContain('typed by the admin 123')
    await runUserCommand(db, ['enable', 'feng'], undefined, io(null))
    expect((await t.login('feng', { password: 'typed by the admin 123' })).statusCode).toBe(200)
    await expect(runUserCommand(db, ['reset', 'nobody'], undefined, io(null))).rejects.toThrow('没有账号“nobody”')
    await expect(runUserCommand(db, ['reset', 'feng'], undefined, io('short'))).rejects.toThrow('至少')
    expect((await audit('user.reset')).filter((e) => e.actor === 'cli').map((e) => e.detail.name)).toContain('feng')
  })

  test('a change of state without the session CSRF token is refused and logged', async () => {
    const c = await t.signIn('lihua')
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/drafts',
      headers: { cookie: c.cookie },
      payload: { title: 'x' },
    })
    expect(none.statusCode).toBe(403)
    expect(none.json().error.code).toBe('csrf_failed')
    const other = await t.signIn('sun')
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/drafts',
      headers: { cookie: c.cookie, 'x-csrf-token': other.csrf },
      payload: { title: 'x' },
    })
    expect(foreign.statusCode).toBe(403)
    expect((await c.request('POST', '/drafts', { title: 'x' })).statusCode).toBe(201)
    expect((await audit('denied')).some((e) => e.detail.reason === 'csrf')).toBe(true)
  })

  test('a form post from another site cannot sign in (JSON only)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=lihua&password=correct+horse+battery+staple',
    })
    expect(res.statusCode).toBe(415)
  })

  test('roles: only admins manage users, editors cannot read the audit log; each denial is logged', async () => {
    const editor = await t.signIn('lihua')
    const reviewer = await t.signIn('wang')
    const admin = await t.signIn('zhao')
    expect((await editor.request('POST', '/users', { name: 'x1', role: 'admin' })).statusCode).toBe(403)
    expect((await reviewer.request('GET', '/users')).statusCode).toBe(403)
    expect((await editor.request('GET', '/audit')).statusCode).toBe(403)
    expect((await reviewer.request('POST', '/drafts', { title: 'x' })).statusCode).toBe(403)
    const created = await admin.request('POST', '/users', { name: 'zhou', role: 'reviewer' })
    expect(created.statusCode).toBe(201)
    expect(created.json().password).toHaveLength(20)
    expect(created.json().totpUri).toMatch(/^otpauth:\/\/totp\//)
    const denied = (await audit('denied')).filter((e) => String(e.detail.reason).startsWith('role:'))
    expect(denied.map((e) => e.actor)).toEqual(expect.arrayContaining(['lihua', 'wang']))
    const log = await reviewer.request('GET', '/audit?limit=500')
    expect(log.statusCode).toBe(200)
    expect(log.json().entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['login', 'login.failed', 'denied', 'user.add']),
    )
  })

  test('the audit log cannot be changed or deleted, even with SQL', async () => {
    const db = t.db.database.db
    // row triggers fire per row: make sure there is one, whichever tests ran before
    await appendAudit(db, new Date(), { actor: 'lihua', action: 'login' })
    if (t.db.target.dialect === 'sqlite') {
      // as someone with the sqlite3 shell would: a connection of their own to the file
      const shell = new BetterSqlite3(t.db.target.file)
      try {
        expect(() => shell.prepare("update audit_log set actor = 'someone else'").run()).toThrow(/append-only/)
        expect(() => shell.prepare('delete from audit_log').run()).toThrow(/append-only/)
      } finally {
        shell.close()
      }
    } else {
      await expect(db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/)
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    }
  })

  test('a cookie that was never issued is refused', async () => {
    const forged = clientFor(t, 'jdz_console=forged', 'x')
    expect((await forged.request('GET', '/me')).statusCode).toBe(401)
  })
})
