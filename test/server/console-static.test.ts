// The console page: served at /admin/ under the app's CSP, with no inline script to allow.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { registerConsoleStatic } from '../../server/plugins/console-static'
import { ROOT, type TestApp, createTestApp } from './helpers'
import { captured } from '../../src/domain/captured'

test('the console page loads its script from a file: no inline script, no inline handler', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src/console/index.html'), 'utf8')
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    expect(m[1]).toMatch(/\bsrc=/)
    expect(captured(m, 2).trim()).toBe('')
  }
  expect(html).not.toMatch(/\son[a-z]+=/i)
})

test('a built console is served at /admin/ uncached; /admin redirects there', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-console-'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>后台</title>')
  fs.writeFileSync(path.join(dir, 'console.js'), 'void 0')
  const app = Fastify()
  await registerConsoleStatic(app, dir)
  try {
    const page = await app.inject({ url: '/admin/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('后台')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect((await app.inject({ url: '/admin/console.js' })).statusCode).toBe(200)
    const bare = await app.inject({ url: '/admin' })
    expect(bare.statusCode).toBe(301)
    expect(bare.headers.location).toBe('/admin/')
  } finally {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('the app', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  })
  afterAll(async () => {
    await t?.close()
  })

  test('/admin/ is answered under the same CSP as the app (script-src self, no inline)', async () => {
    const res = await t.app.inject({ url: '/admin/' })
    // 200 when npm run build:console has run, 503 with a hint when it has not
    expect([200, 503]).toContain(res.statusCode)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toMatch(/script-src 'self'(;| 'sha256)/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })
})
