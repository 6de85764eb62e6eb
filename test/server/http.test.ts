// Cross-cutting HTTP behaviour: the error shape, security headers, CORS, OpenAPI and docs, and the
// H5 app served next to the API with the right cache headers.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import zlib from 'node:zlib'
import { precompressDir } from '../../scripts/precompress'
import { buildApp } from '../../server/app'
import { type TestApp, createTestApp, createTestDatabase, testConfig, testDialects } from './helpers'

describe.each(testDialects())('errors, security headers, CORS and docs (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, { corsOrigins: ['https://allowed.example'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('unknown routes are 404 in the common error shape', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/v2/health', '/favicon.ico']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.stringMatching(/找不到/) } })
    }
  })

  test('helmet headers are set, with a CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(res.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/)
    // HSTS only over TLS (see small-items.test.ts)
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  test('CORS: a configured origin is allowed, any other gets no CORS headers', async () => {
    const allowed = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://allowed.example' } })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example')
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://evil.example' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/assess',
      headers: {
        origin: 'https://allowed.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/)
  })

  test('the OpenAPI document lists the API and the docs page loads without inline script', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const p of [
      '/api/v1/health',
      '/api/v1/content/manifest',
      '/api/v1/content/{section}',
      '/api/v1/standards',
      '/api/v1/standards/{id}',
      '/api/v1/policies',
      '/api/v1/policies/{id}',
      '/api/v1/services',
      '/api/v1/services/{id}',
      '/api/v1/search',
      '/api/v1/assess',
      '/api/v1/admin/content',
      '/api/v1/admin/content/history',
      '/api/v1/admin/content/rollback',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p)
    }
    expect(doc.paths['/api/v1/standards'].get.parameters.map((p: { name: string }) => p.name)).toContain('on')
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.body).not.toMatch(/<script>(?!<)/)
    for (const asset of ['/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/swagger-ui.css', '/api/docs/init.js']) {
      expect((await t.app.inject({ method: 'GET', url: asset })).statusCode).toBe(200)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/static/index.html' })).statusCode).toBe(404)
  })
})

describe('a 5xx never leaks internals', () => {
  test('an unexpected error → 500 internal_error with a generic Chinese message; the detail goes to the log', async () => {
    const db = await createTestDatabase('sqlite')
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString())
        cb()
      },
    })
    const app = await buildApp({ config: testConfig(db.target, { logLevel: 'error' }), db: db.database, logStream: stream })
    app.get('/api/v1/boom', async () => {
      throw new Error('secret table users_private is missing at /srv/app/db.ts:42')
    })
    const res = await app.inject({ method: 'GET', url: '/api/v1/boom' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'internal_error', message: expect.stringMatching(/稍后再试/) } })
    expect(res.body).not.toMatch(/secret|users_private|db\.ts/)
    expect(lines.join('')).toMatch(/users_private/)
    await app.close()
    await db.cleanup()
  })
})

describe('serving the H5 app', () => {
  let t: TestApp
  let dist: string
  const inline = '!function(){document.documentElement.style.fontSize="20px"}()'
  const bigScript = Array.from({ length: 400 }, (_, i) => `console.log("第${i}行：最低生活保障");`).join('\n')
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-dist-'))
    fs.mkdirSync(path.join(dist, 'js'))
    fs.mkdirSync(path.join(dist, 'css'))
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><html><head><script>${inline}</script><script defer src="/js/app.26488730.js"></script></head><body><div id="app"></div></body></html>`,
    )
    fs.writeFileSync(path.join(dist, 'js/app.26488730.js'), 'console.log(1)')
    fs.writeFileSync(path.join(dist, 'css/app.26488730ecf60750bdb7.css'), 'body{}')
    fs.writeFileSync(path.join(dist, 'js/page.1234abcd.js'), bigScript)
    fs.writeFileSync(path.join(dist, 'sw.js'), `self.addEventListener('fetch', () => {})\n${bigScript}`)
    precompressDir(dist)
    t = await createTestApp('sqlite', { staticDir: dist })
  })
  afterAll(async () => {
    await t?.close()
    fs.rmSync(dist, { recursive: true, force: true })
  })

  test('/ serves index.html, never cached without revalidation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.body).toContain('<div id="app">')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  test('the CSP allows exactly the inline script of index.html', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' })
    const hash = crypto.createHash('sha256').update(inline).digest('base64')
    expect(res.headers['content-security-policy']).toContain(`'sha256-${hash}'`)
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })

  test('hashed bundles are immutable', async () => {
    for (const url of ['/js/app.26488730.js', '/css/app.26488730ecf60750bdb7.css']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
  })

  test("bundles go out brotli- or gzip-compressed from the build's copies, as the client accepts", async () => {
    const url = '/js/page.1234abcd.js'
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(bigScript)
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/Accept-Encoding/)
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(bigScript)
    const plain = await t.app.inject({ method: 'GET', url })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(bigScript)
    expect(plain.headers.vary).toMatch(/Accept-Encoding/)
    expect(br.rawPayload.length * 4).toBeLessThan(plain.rawPayload.length)
  })

  test("the offline shell's service worker is always revalidated, so a fix reaches phones", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sw.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-type']).toMatch(/javascript/)
  })

  test('other paths fall back to index.html; a missing file or API path is a 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/pages/standards/index' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<div id="app">')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect((await t.app.inject({ method: 'GET', url: '/js/missing.12345678.js' })).statusCode).toBe(404)
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/missing' })
    expect(api.statusCode).toBe(404)
    expect(api.json().error.code).toBe('not_found')
  })

  test('the API still answers next to the app', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200)
  })
})
