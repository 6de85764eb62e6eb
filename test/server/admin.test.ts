// Admin publishing: bearer auth, If-Match (428/412), validation (422), history, rollback, and
// concurrent editors on both dialects.
import fs from 'node:fs'
import path from 'node:path'
import { buildManifest } from '../../server/content/hash'
import { ADMIN_TOKEN, ROOT, type TestApp, bearer, contentPack, createTestApp, editedPack, testDialects } from './helpers'
import { at } from '../../harness/at'

describe.each(testDialects())('admin (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  const publish = (pack: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/content', headers: { ...bearer(), ...headers }, payload: pack as object })
  const currentVersion = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json().version as string

  describe('authentication', () => {
    const routes = [
      ['POST', '/api/v1/admin/content'],
      ['GET', '/api/v1/admin/content/history'],
      ['POST', '/api/v1/admin/content/rollback'],
    ] as const

    test.each(routes)('%s %s without a token → 401 with WWW-Authenticate', async (method, url) => {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })
      expect(res.statusCode).toBe(401)
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/)
      expect(res.json().error.code).toBe('unauthorized')
    })

    test.each(routes)('%s %s with a wrong token (same or other length) → 403', async (method, url) => {
      const sameLength = ADMIN_TOKEN.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'))
      for (const token of [sameLength, 'short', `${ADMIN_TOKEN}-and-more`]) {
        const res = await t.app.inject({ method, url, headers: bearer(token), payload: method === 'POST' ? {} : undefined })
        expect(res.statusCode).toBe(403)
        expect(res.json().error.code).toBe('forbidden')
      }
    })

    test('a malformed Authorization header → 401', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: { authorization: ADMIN_TOKEN } })
      expect(res.statusCode).toBe(401)
    })
  })

  describe('POST /admin/content', () => {
    test('without If-Match → 428 naming If-Match', async () => {
      const res = await publish(editedPack('2019.6-x'))
      expect(res.statusCode).toBe(428)
      expect(res.json().error).toMatchObject({ code: 'precondition_required', fields: [{ field: 'If-Match' }] })
    })

    test('a stale If-Match → 412, nothing changes', async () => {
      const before = await currentVersion()
      const res = await publish(editedPack('2019.6-x'), { 'if-match': '"v999"' })
      expect(res.statusCode).toBe(412)
      expect(res.json().error).toMatchObject({ code: 'version_conflict', fields: [{ field: 'If-Match' }] })
      expect(await currentVersion()).toBe(before)
    })

    test('If-Match must name one version, compared strongly: *, W/"…", lists and "*" → 412 naming If-Match', async () => {
      const before = await currentVersion()
      for (const tag of ['*', ` * `, `W/"${before}"`, `W/${before}`, `"${before}", "v999"`, '"*"', 'W/"*"', '""', '"v1']) {
        const res = await publish(editedPack('2019.6-star'), { 'if-match': tag })
        expect({ tag, status: res.statusCode }).toEqual({ tag, status: 412 })
        expect(res.json().error.fields[0].field).toBe('If-Match')
      }
      expect((await publish(editedPack('2019.6-star'), { 'if-match': '*' })).json().error.code).toBe('if_match_invalid')
      expect(await currentVersion()).toBe(before)
      // the same version, quoted or bare, is accepted
      const named = await publish(editedPack('2019.6-star'), { 'if-match': `"${before}"` })
      expect(named.statusCode).toBe(201)
    })

    test('an identical pack is not a new version: 200 unchanged over HTTP, as the CLI says', async () => {
      const before = await currentVersion()
      const current = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })).json()
      const pack = editedPack('2019.6-same')
      const first = await publish(pack, { 'if-match': before })
      expect(first.statusCode).toBe(201)
      const again = await publish(pack, { 'if-match': first.json().version })
      expect(again.statusCode).toBe(200)
      expect(again.json()).toMatchObject({ unchanged: true, version: first.json().version, packVersion: '2019.6-same' })
      const after = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })).json()
      expect(after.versions).toHaveLength(current.versions.length + 1)
      // a stale If-Match is still a conflict, even for an identical pack
      expect((await publish(pack, { 'if-match': before })).statusCode).toBe(412)
    })

    test('an invalid pack → 422 listing every problem in fields', async () => {
      const pack = editedPack('2019.6-bad') as unknown as { meta: { asOf: string }; parameters: { values: { amountFen: number }[] }[] }
      pack.meta.asOf = '2019-02-30'
      at(at(pack.parameters, 0).values, 0).amountFen = -5
      const res = await publish(pack, { 'if-match': await currentVersion() })
      expect(res.statusCode).toBe(422)
      const { error } = res.json()
      expect(error.code).toBe('invalid_pack')
      const fields = error.fields.map((f: { field: string }) => f.field)
      expect(fields).toContain('meta.asOf')
      expect(fields).toContain('parameters[0].values[0].amountFen')
      const notJson = await publish([1, 2, 3], { 'if-match': await currentVersion() })
      expect(notJson.statusCode).toBe(422)
    })

    test('publishes with the current version (quoted or not); served at once; labels increase', async () => {
      const v1 = await currentVersion()
      const first = await publish(editedPack('2019.6-2'), { 'if-match': `"${v1}"` })
      expect(first.statusCode).toBe(201)
      const body = first.json()
      expect(body).toMatchObject({ packVersion: '2019.6-2', kind: 'publish' })
      expect(body.version).not.toBe(v1)
      expect(first.headers.etag).toBe(`"${body.version}"`)
      expect(await currentVersion()).toBe(body.version)
      const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()
      expect(manifest.version).toBe(body.version)
      expect(manifest).toEqual(body.manifest)

      // the old tag is now stale
      expect((await publish(editedPack('2019.6-3'), { 'if-match': v1 })).statusCode).toBe(412)
      const second = await publish(editedPack('2019.6-3'), { 'if-match': body.version })
      expect(second.statusCode).toBe(201)
      const n = (label: string) => Number(label.replace(/\D/g, ''))
      expect(n(second.json().version)).toBeGreaterThan(n(body.version))
    })

    test('accepts the {manifest, pack} form that export writes', async () => {
      const pack = editedPack('2019.6-wrapped')
      const res = await publish({ manifest: buildManifest(pack, 'whatever', 'x'), pack }, { 'if-match': await currentVersion() })
      expect(res.statusCode).toBe(201)
      expect(res.json().packVersion).toBe('2019.6-wrapped')
    })

    test('two editors with the same If-Match: exactly one wins, the others get 412', async () => {
      const base = await currentVersion()
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((tag) => publish(editedPack(`2019.6-race-${tag}`), { 'if-match': base })))
      const codes = results.map((r) => r.statusCode).sort()
      expect(codes).toEqual([201, 412, 412, 412])
      const winner = results.find((r) => r.statusCode === 201)!.json()
      expect(await currentVersion()).toBe(winner.version)
    })

    test('the repository rejects racing writers directly too (no lost update)', async () => {
      const base = await currentVersion()
      const results = await Promise.all([1, 2, 3, 4, 5].map((i) => t.repository.publish(editedPack(`2019.6-direct-${i}`), base)))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
    })

    test('a body over 5 MB → 413', async () => {
      const big = JSON.stringify({ ...contentPack(), padding: 'x'.repeat(5 * 1024 * 1024 + 10) })
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/content',
        headers: { ...bearer(), 'content-type': 'application/json', 'if-match': await currentVersion() },
        payload: big,
      })
      expect(res.statusCode).toBe(413)
    })
  })

  describe('history and rollback', () => {
    test('history lists every version, newest first, marking the current one', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })
      expect(res.statusCode).toBe(200)
      const { current, versions } = res.json()
      expect(versions[0].version).toBe(current)
      expect(versions[0].current).toBe(true)
      expect(versions.filter((v: { current: boolean }) => v.current)).toHaveLength(1)
      expect(versions[versions.length - 1]).toMatchObject({ version: 'v1', kind: 'seed', packVersion: contentPack().meta.version })
      const seqs = versions.map((v: { version: string }) => Number(v.version.slice(1)))
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    })

    test('rollback to v1 is recorded as a new version carrying v1 content', async () => {
      const before = await currentVersion()
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/content/rollback',
        headers: bearer(),
        payload: { version: 'v1' },
      })
      expect(res.statusCode).toBe(201)
      const body = res.json()
      expect(body).toMatchObject({ kind: 'rollback', restoredFrom: 'v1', packVersion: contentPack().meta.version })
      expect(body.version).not.toBe(before)
      const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()
      expect(manifest.sections).toEqual(buildManifest(contentPack(), 'v1', 'x').sections)
      const history = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })).json()
      expect(history.versions.map((v: { version: string }) => v.version)).toContain(before)
    })

    test('rollback errors: unknown version 404, current version 409, stale If-Match 412, bad body 400', async () => {
      const rollback = (payload: object, headers: Record<string, string> = {}) =>
        t.app.inject({ method: 'POST', url: '/api/v1/admin/content/rollback', headers: { ...bearer(), ...headers }, payload })
      const unknown = await rollback({ version: 'v9999' })
      expect(unknown.statusCode).toBe(404)
      expect(unknown.json().error.fields[0].field).toBe('version')
      const current = await currentVersion()
      const same = await rollback({ version: current })
      expect(same.statusCode).toBe(409)
      const stale = await rollback({ version: 'v2' }, { 'if-match': 'v1' })
      expect(stale.statusCode).toBe(412)
      const weak = await rollback({ version: 'v2' }, { 'if-match': `W/"${current}"` })
      expect(weak.statusCode).toBe(412)
      expect(weak.json().error.code).toBe('if_match_invalid')
      const bad = await rollback({ version: '' })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.fields[0].field).toBe('version')
      const missing = await rollback({})
      expect(missing.statusCode).toBe(400)
      expect(missing.json().error.fields[0].field).toBe('version')
    })
  })

  test('the app’s bundled copy and the server agree on section hashes for the same content', async () => {
    const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/generated/bundled-content.json'), 'utf8'))
    const res = await publish(bundled, { 'if-match': await currentVersion() })
    if (res.statusCode === 422) {
      // The bundled copy is rebuilt from content/ by `npm run content:build`; `npm test` checks it is current.
      console.warn('src/generated/bundled-content.json does not validate against the current rules; skipping the hash comparison')
      return
    }
    // 200 when the current version already holds exactly this content (unchanged), else 201
    expect([200, 201]).toContain(res.statusCode)
    const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()
    expect(manifest.sections).toEqual(bundled.manifest.sections)
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

  test('the admin routes do not exist: 404 even with a token', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/admin/content'],
      ['GET', '/api/v1/admin/content/history'],
      ['POST', '/api/v1/admin/content/rollback'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer() })
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
  })
})

describe('admin rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', { rateLimit: { assess: 100, admin: 2, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('token guessing is throttled: 429 after the limit, even for wrong tokens', async () => {
    const codes: number[] = []
    for (let i = 0; i < 4; i++) {
      codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer(`guess-${i}`) })).statusCode)
    }
    expect(codes).toEqual([403, 403, 429, 429])
  })
})
