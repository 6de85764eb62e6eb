// Health, manifest and sections: hashes equal the app's bundled-copy algorithm, strong ETags, 304s,
// compression.
import zlib from 'node:zlib'
import { SECTION_NAMES } from '../../src/domain'
import { buildManifest } from '../../server/content/hash'
import { type TestApp, contentPack, createTestApp, testDialects } from './helpers'

describe.each(testDialects())('content routes (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  test('GET /health reports the current content version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', version: 'v1', packVersion: contentPack().meta.version })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  test('GET /content/manifest has a hash and byte count per section, as the bundled copy computes them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })
    expect(res.statusCode).toBe(200)
    const manifest = res.json()
    const expected = buildManifest(contentPack(), 'v1', manifest.publishedAt)
    expect(manifest).toEqual(expected)
    expect(Object.keys(manifest.sections).sort()).toEqual([...SECTION_NAMES].sort())
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/)
  })

  test.each(SECTION_NAMES)('GET /content/%s: bytes and ETag match the manifest; If-None-Match → 304', async (name) => {
    const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/content/${name}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers.etag).toBe(`"${manifest.sections[name].hash}"`)
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(res.rawPayload.length).toBe(manifest.sections[name].bytes)
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(contentPack()[name])))

    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/content/${name}`,
      headers: { 'if-none-match': res.headers.etag as string },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(res.headers.etag)
  })

  test('If-None-Match accepts a list and weak tags; a stale tag gets the full body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/content/faq' })
    const etag = res.headers.etag as string
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/content/faq', headers: { 'if-none-match': `"old", W/${etag}` } })
    expect(listed.statusCode).toBe(304)
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/content/faq', headers: { 'if-none-match': '"0123"' } })
    expect(stale.statusCode).toBe(200)
  })

  test('manifest revalidates with 304 too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/manifest',
      headers: { 'if-none-match': res.headers.etag as string },
    })
    expect(again.statusCode).toBe(304)
  })

  test('an unknown section is a 404 naming the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/content/secrets' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'not_found', fields: [{ field: 'section' }] })
  })

  test('sections go out brotli- or gzip-compressed when the client accepts it, with the same ETag', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/content/policies' })
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip;q=1, br;q=0', 'gzip', zlib.gunzipSync],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/content/policies', headers: { 'accept-encoding': accept } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-encoding']).toBe(coding)
      expect(res.headers.vary).toMatch(/Accept-Encoding/)
      expect(res.headers.etag).toBe(plain.headers.etag)
      expect(decode(res.rawPayload).equals(plain.rawPayload)).toBe(true)
      expect(res.rawPayload.length * 3).toBeLessThan(plain.rawPayload.length)
    }
    expect(plain.headers['content-encoding']).toBeUndefined()
    const identityOnly = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/policies',
      headers: { 'accept-encoding': 'identity, *;q=0' },
    })
    expect(identityOnly.headers['content-encoding']).toBeUndefined()
    // a 304 stays a 304 whatever the encoding of the copy the client holds
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/policies',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })
})

describe.each(testDialects())('before anything is published (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { seed: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('health is 503 and content routes answer no_content', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toMatchObject({ status: 'degraded', version: null })
    const manifest = await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })
    expect(manifest.statusCode).toBe(503)
    expect(manifest.json().error.code).toBe('no_content')
  })
})
