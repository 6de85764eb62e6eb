// Issue 13, item 9: an over-long id is 414, a date out of range says so, limits are decimal only,
// HSTS only over TLS, a static traversal is 403 forbidden, and `cli export - | head` exits quietly.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, type TestApp, createTestApp, testDialects } from './helpers'

describe.each(testDialects())('small HTTP items (%s)', (dialect) => {
  let t: TestApp
  let trusting: TestApp
  let staticDir: string
  let staticApp: TestApp
  beforeAll(async () => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-static-'))
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    t = await createTestApp(dialect)
    trusting = await createTestApp(dialect, { trustProxy: 1 })
    staticApp = await createTestApp(dialect, { staticDir })
  })
  afterAll(async () => {
    await t?.close()
    await trusting?.close()
    await staticApp?.close()
    fs.rmSync(staticDir, { recursive: true, force: true })
  })

  test('a policy or service id over 100 characters → 414 uri_too_long; 100 is an ordinary 404', async () => {
    for (const kind of ['policies', 'services']) {
      const long = await t.app.inject({ method: 'GET', url: `/api/v1/${kind}/${'a'.repeat(101)}` })
      expect(long.statusCode).toBe(414)
      expect(long.json().error.code).toBe('uri_too_long')
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/${kind}/${'a'.repeat(100)}` })).statusCode).toBe(404)
    }
  })

  test('on=9999-12-31 says the date is out of range; 2019-02-30 that it does not exist', async () => {
    const far = await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=9999-12-31' })
    expect(far.statusCode).toBe(400)
    expect(far.json().error.message).toMatch(/超出/)
    expect(far.json().error.message).not.toMatch(/不是一个存在的日期/)
    const assess = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: { program: 'dibao', area: 'urban', householdSize: 1, monthlyIncome: 0, on: '9999-12-31' },
    })
    expect(assess.statusCode).toBe(400)
    expect(assess.json().error.message).toMatch(/超出/)
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-02-30' })
    expect(missing.json().error.message).toMatch(/不是一个存在的日期/)
  })

  test('limit is decimal only: 0x10, 1e1, " 16" → 400; 16 → 200', async () => {
    for (const limit of ['0x10', '1e1', '%2016', '16.0', '0b11']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=低保&limit=${limit}` })
      expect({ limit, status: res.statusCode }).toEqual({ limit, status: 400 })
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=低保&limit=16' })).statusCode).toBe(200)
  })

  test('HSTS only over TLS: not over plain HTTP, nor for an untrusted X-Forwarded-Proto; yes behind a trusted proxy saying https', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    const spoofed = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } })
    expect(spoofed.headers['strict-transport-security']).toBeUndefined()
    const proxied = await trusting.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } })
    expect(proxied.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    const proxiedPlain = await trusting.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'http' } })
    expect(proxiedPlain.headers['strict-transport-security']).toBeUndefined()
  })

  test('a static path that climbs out of the app folder → 403 with code forbidden', async () => {
    const res = await staticApp.app.inject({ method: 'GET', url: '/js/..%2f..%2fetc%2fpasswd' })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })
})

describe('cli export - | head', () => {
  test('exits 0 without a stack trace when the reader closes the pipe early', async () => {
    const db = await import('./helpers').then((h) => h.createTestApp('sqlite'))
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', 'export', '-'], {
        cwd: ROOT,
        env: { ...process.env, ...db.db.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      // like `head -c 100`: read a little, then close our end
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/EPIPE|Error|at /)
      expect(code).toBe(0)
    } finally {
      await db.close()
    }
  }, 60_000)
})
