// Security properties beyond test/server's: the admin token is compared in constant time (always
// crypto.timingSafeEqual over two 32-byte digests, whatever the length given; a rough timing table is
// printed), no Authorization header but the exact token ever gets past 401/403, admin routes vanish
// without a token, throttling cannot be dodged with X-Forwarded-For, the H5 page's CSP allows exactly
// what the built app needs, every answer carries nosniff / Referrer-Policy / frame protection, and
// CORS answers only the configured origins.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { bearerToken, tokenMatches } from '../../server/lib/token'
import { ADMIN_TOKEN, ROOT, type TestApp, createTestApp } from '../server/helpers'
import { headerValue, nastyString } from './arbitraries'
import { knob, percentile, report } from './support'
import { captured } from '../../src/domain/captured'

const RUNS = knob('FUZZ_RUNS', 300)
jest.setTimeout(10 * 60_000)

const ADMIN_ROUTES = [
  ['GET', '/api/v1/admin/content/history'],
  ['POST', '/api/v1/admin/content'],
  ['POST', '/api/v1/admin/content/rollback'],
] as const

describe('the admin token comparison', () => {
  afterEach(() => jest.restoreAllMocks())

  const wrong = {
    empty: '',
    short: 'a',
    'one character short': ADMIN_TOKEN.slice(0, -1),
    'one character long': `${ADMIN_TOKEN}x`,
    'same length, first character differs': `X${ADMIN_TOKEN.slice(1)}`,
    'same length, last character differs': `${ADMIN_TOKEN.slice(0, -1)}X`,
    '10 KB': 'k'.repeat(10_240),
    'not ASCII': '管理令牌'.repeat(8),
  }

  test('always timingSafeEqual on two 32-byte digests, whatever the length; only the token matches', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual')
    for (const [label, given] of [...Object.entries(wrong), ['the token', ADMIN_TOKEN] as const]) {
      spy.mockClear()
      const result = tokenMatches(given, ADMIN_TOKEN)
      expect({ label, result }).toEqual({ label, result: given === ADMIN_TOKEN })
      expect(spy).toHaveBeenCalledTimes(1)
      const [a, b] = spy.mock.calls[0] as [Buffer, Buffer]
      expect([a.length, b.length]).toEqual([32, 32])
    }
  })

  test('rough timing (printed, not asserted: a shared 2-core machine is too noisy to judge)', () => {
    const cases: [string, string][] = [['the token', ADMIN_TOKEN], ...Object.entries(wrong)]
    const rounds = 3
    const perCall: Record<string, number[]> = {}
    for (let r = 0; r < rounds; r++) {
      for (const [label, given] of cases) {
        const n = 10_000
        const started = process.hrtime.bigint()
        for (let i = 0; i < n; i++) tokenMatches(given, ADMIN_TOKEN)
        const ns = Number(process.hrtime.bigint() - started) / n
        ;(perCall[label] ??= []).push(ns)
      }
    }
    const medians = Object.fromEntries(
      Object.entries(perCall).map(([label, list]) => [
        label,
        Math.round(
          percentile(
            [...list].sort((a, b) => a - b),
            50,
          ),
        ),
      ]),
    )
    // The 10 KB token takes longer to hash, not to compare: the comparison itself is over 32 bytes.
    report('token comparison ns per call (median of 3×10,000)', medians)
  })

  describe('over HTTP', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await createTestApp('sqlite', { rateLimit: { assess: 1000, admin: 1_000_000, windowMs: 60_000 } })
    })
    afterAll(async () => {
      await t?.close()
    })

    test('no token 401, any wrong token 403, on every admin route', async () => {
      for (const [method, url] of ADMIN_ROUTES) {
        expect((await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode).toBe(401)
        for (const [label, given] of Object.entries(wrong)) {
          const res = await t.app.inject({
            method,
            url,
            headers: { authorization: `Bearer ${given}` },
            payload: method === 'POST' ? {} : undefined,
          })
          // an empty token is no token at all
          expect({ url, label, status: res.statusCode }).toEqual({ url, label, status: given === '' ? 401 : 403 })
        }
      }
    })

    test('property: no Authorization header but the token itself gets past 401/403', async () => {
      const variants = fc.constantFrom(
        ADMIN_TOKEN.toUpperCase(),
        ` ${ADMIN_TOKEN}`,
        `${ADMIN_TOKEN} x`,
        `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
        `Bearer${ADMIN_TOKEN}`,
        `Token ${ADMIN_TOKEN}`,
        `Bearer "${ADMIN_TOKEN}"`,
        `Bearer ${ADMIN_TOKEN},Bearer ${ADMIN_TOKEN}`,
        `bearer ${ADMIN_TOKEN}`,
        `Bearer \t${ADMIN_TOKEN}\t`,
      )
      const header = fc.oneof(
        variants,
        headerValue,
        nastyString.map((s) => `Bearer ${s}`),
        fc.constant(`Bearer ${ADMIN_TOKEN}`),
      )
      const outcomes: Record<string, number> = {}
      await fc.assert(
        fc.asyncProperty(
          header.filter((h) => !/[^\u0020-\u007e\u00a0-\u00ff\t]/.test(h)),
          fc.constantFrom(...ADMIN_ROUTES),
          async (authorization, [method, url]) => {
            const res = await t.app.inject({ method, url, headers: { authorization }, payload: method === 'POST' ? {} : undefined })
            const admitted = bearerToken(authorization) === ADMIN_TOKEN
            const key = admitted ? 'admitted' : String(res.statusCode)
            outcomes[key] = (outcomes[key] ?? 0) + 1
            if (admitted) expect([401, 403]).not.toContain(res.statusCode)
            else expect(res.statusCode).toBe(bearerToken(authorization) === null ? 401 : 403)
          },
        ),
        { numRuns: RUNS },
      )
      report('admin Authorization fuzz', { cases: RUNS, outcomes })
    })
  })
})

describe('admin disabled (no ADMIN_TOKEN)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', { adminToken: null })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('every method on every admin path is a 404, token or not, and the API document lists none', async () => {
    let checked = 0
    for (const url of [
      '/api/v1/admin',
      '/api/v1/admin/content',
      '/api/v1/admin/content/history',
      '/api/v1/admin/content/rollback',
      '/api/v1/admin/x',
    ]) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const) {
        for (const headers of [{}, { authorization: `Bearer ${ADMIN_TOKEN}` }]) {
          const res = await t.app.inject({ method, url, headers, payload: method === 'GET' ? undefined : {} })
          expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 404 })
          checked++
        }
      }
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths).filter((p) => p.includes('/admin'))).toEqual([])
    report('admin disabled', { requests: checked, all404: true })
  })
})

describe('rate limiting cannot be dodged', () => {
  let t: TestApp
  beforeAll(async () => {
    // TRUST_PROXY=0 (the default): X-Forwarded-For comes from the client and means nothing
    t = await createTestApp('sqlite', { rateLimit: { assess: 3, admin: 3, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('requests without a token count too, and a forged X-Forwarded-For does not reset the count', async () => {
    const codes: number[] = []
    for (let i = 0; i < 6; i++) {
      const headers: Record<string, string> = { 'x-forwarded-for': `10.0.${i}.${i}` }
      if (i >= 3) headers.authorization = `Bearer guess-${i}`
      codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers })).statusCode)
    }
    expect(codes).toEqual([401, 401, 401, 429, 429, 429])
    // the limit is per client: the guesser is throttled, whichever token it sends next
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }))
        .statusCode,
    ).toBe(429)
    const assess = { program: 'dibao', area: 'urban', householdSize: 1, monthlyIncome: 0, on: '2019-07-01' }
    const assessCodes: number[] = []
    for (let i = 0; i < 5; i++) {
      assessCodes.push(
        (await t.app.inject({ method: 'POST', url: '/api/v1/assess', headers: { 'x-forwarded-for': `192.168.${i}.1` }, payload: assess }))
          .statusCode,
      )
    }
    expect(assessCodes).toEqual([200, 200, 200, 429, 429])
    report('rate limit with forged X-Forwarded-For', { admin: codes.join('/'), assess: assessCodes.join('/') })
  })
})

describe('security headers and the H5 page’s CSP', () => {
  let t: TestApp
  let dist: string
  let builtIndex: string
  let fixture: string | null = null
  beforeAll(async () => {
    // The built app when there is one (npm start builds it); otherwise a page shaped like Taro's output.
    const built = path.join(ROOT, 'dist/h5')
    if (fs.existsSync(path.join(built, 'index.html'))) {
      dist = built
    } else {
      fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-csp-'))
      fs.mkdirSync(path.join(fixture, 'js'))
      fs.writeFileSync(
        path.join(fixture, 'index.html'),
        '<!doctype html><html><head><script>!function(n){n.document.documentElement.style.fontSize="20px"}(window);</script><script defer="defer" src="/js/app.12345678.js"></script></head><body><div id="app"></div></body></html>',
      )
      fs.writeFileSync(path.join(fixture, 'js/app.12345678.js'), '')
      dist = fixture
    }
    builtIndex = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
    t = await createTestApp('sqlite', { staticDir: dist, corsOrigins: ['https://h5.example.cn', 'https://servicewechat.com'] })
  })
  afterAll(async () => {
    await t?.close()
    if (fixture) fs.rmSync(fixture, { recursive: true, force: true })
  })

  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )

  test('the page: inline scripts allowed by hash only, every script and stylesheet same-origin, no eval, no framing by others', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' })
    expect(res.statusCode).toBe(200)
    const csp = directives(String(res.headers['content-security-policy']))
    const scriptSrc = csp.get('script-src') ?? []
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    for (const m of builtIndex.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      const script = captured(m, 1)
      if (!script.trim()) continue
      expect(scriptSrc).toContain(`'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`)
    }
    // what the page loads as code: <script src> and <link rel=stylesheet> (the icon is an inline data: URL)
    const scripts = [...builtIndex.matchAll(/<script[^>]+src="([^"]+)"/gi)].map((m) => m[1])
    const styles = [...builtIndex.matchAll(/<link\b[^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => /\brel="?stylesheet/i.test(tag))
      .map((tag) => /\bhref="([^"]+)"/i.exec(tag)?.[1] ?? '')
    const external = [...scripts, ...styles]
    expect(external.length).toBeGreaterThan(0)
    for (const url of external) {
      expect(url).toMatch(/^\/(?!\/)/) // same origin: a path, not //host or https://host
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200)
    }
    expect(csp.get('connect-src')).toEqual(["'self'"]) // the app calls /api on its own origin
    expect(csp.get('frame-ancestors')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    report('H5 CSP', {
      page: fixture ? 'fixture' : 'dist/h5',
      inlineScriptsHashed: scriptSrc.filter((s) => s.startsWith("'sha256-")).length,
      sameOriginAssets: external.length,
    })
  })

  test('every kind of answer carries nosniff and a Referrer-Policy; HTML and JSON carry frame protection', async () => {
    const answers = [
      ['GET', '/'],
      ['GET', '/api/v1/health'],
      ['GET', '/api/v1/content/faq'],
      ['GET', '/api/v1/nothing'],
      ['GET', '/api/v1/search'],
      ['GET', '/api/docs'],
      ['POST', '/api/v1/assess'],
    ] as const
    for (const [method, url] of answers) {
      const res = await t.app.inject({
        method,
        url,
        payload: method === 'POST' ? '{' : undefined,
        headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      })
      expect({
        url,
        nosniff: res.headers['x-content-type-options'],
        referrer: res.headers['referrer-policy'],
        frame: res.headers['x-frame-options'],
      }).toEqual({
        url,
        nosniff: 'nosniff',
        referrer: 'no-referrer',
        frame: 'SAMEORIGIN',
      })
    }
    // rejected by the router before any hook: still JSON, still nosniff
    const badUrl = await t.app.inject({ method: 'GET', url: '/api/v1/policies/%E0%A4%A' })
    expect(badUrl.statusCode).toBe(400)
    expect(badUrl.headers['x-content-type-options']).toBe('nosniff')
  })

  test('CORS: only the configured origins, exactly as written, get Access-Control-Allow-Origin', async () => {
    const allowed = ['https://h5.example.cn', 'https://servicewechat.com']
    const lookalikes = fc.constantFrom(
      'https://h5.example.cn/',
      'https://H5.example.cn',
      'http://h5.example.cn',
      'https://h5.example.cn:8443',
      'https://evil.h5.example.cn',
      'https://h5.example.cn.evil.test',
      'null',
      '*',
      'https://servicewechat.com.cn',
      'file://',
      '',
    )
    const origin = fc.oneof(
      fc.constantFrom(...allowed),
      lookalikes,
      fc.webUrl().map((u) => new URL(u).origin),
      headerValue,
    )
    const outcomes = { allowed: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(origin, fc.boolean(), async (o, preflight) => {
        const res = await t.app.inject({
          method: preflight ? 'OPTIONS' : 'GET',
          url: preflight ? '/api/v1/assess' : '/api/v1/health',
          headers: {
            origin: o,
            ...(preflight ? { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } : {}),
          },
        })
        expect(res.statusCode).toBeLessThan(500)
        expect(res.headers['access-control-allow-credentials']).toBeUndefined()
        if (allowed.includes(o)) {
          outcomes.allowed++
          expect(res.headers['access-control-allow-origin']).toBe(o)
        } else {
          outcomes.refused++
          expect(res.headers['access-control-allow-origin']).toBeUndefined()
        }
      }),
      { numRuns: RUNS },
    )
    report('CORS fuzz', { cases: RUNS, ...outcomes })
  })
})
