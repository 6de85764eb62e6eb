// Policies, services and search.
import { type TestApp, contentPack, createTestApp, testDialects } from './helpers'
import { at } from '../../harness/at'

describe.each(testDialects())('policies, services and search (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })
  const get = (url: string) => t.app.inject({ method: 'GET', url })

  describe('GET /policies', () => {
    test('lists summaries, newest first, paginated', async () => {
      const pack = contentPack()
      const res = await get('/api/v1/policies')
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({ total: pack.policies.length, page: 1, pageSize: 20 })
      expect(Object.keys(body.items[0]).sort()).toEqual(['docNumber', 'id', 'issuedOn', 'issuer', 'summary', 'title', 'topics'])
      const dates = body.items.map((p: { issuedOn: string }) => p.issuedOn)
      expect(dates).toEqual([...dates].sort().reverse())

      const page2 = (await get('/api/v1/policies?page=2&pageSize=2')).json()
      expect(page2.items).toEqual(body.items.slice(2, 4))
      expect(page2).toMatchObject({ page: 2, pageSize: 2, total: pack.policies.length })
    })

    test('filters by topic and by words', async () => {
      const pack = contentPack()
      const topic = at(at(pack.policies, 0).topics, 0)
      const byTopic = (await get(`/api/v1/policies?topic=${encodeURIComponent(topic)}`)).json()
      expect(byTopic.total).toBe(pack.policies.filter((p) => p.topics.includes(topic)).length)
      expect(byTopic.items.every((p: { topics: string[] }) => p.topics.includes(topic))).toBe(true)

      const doc = at(pack.policies, 0).docNumber
      const byWords = (await get(`/api/v1/policies?q=${encodeURIComponent(doc)}`)).json()
      expect(byWords.items.map((p: { id: string }) => p.id)).toContain(at(pack.policies, 0).id)
      const none = (await get(`/api/v1/policies?q=${encodeURIComponent('不可能出现的词语组合zzz')}`)).json()
      expect(none).toMatchObject({ total: 0, items: [] })
    })

    test.each([
      ['pageSize too big', 'pageSize=101', 'pageSize'],
      ['pageSize zero', 'pageSize=0', 'pageSize'],
      ['page zero', 'page=0', 'page'],
      ['page not a number', 'page=abc', 'page'],
      ['q of 201 characters', `q=${'字'.repeat(201)}`, 'q'],
      ['q blank', 'q=%20', 'q'],
    ])('bad input (%s) → 400 naming the field', async (_label, query, field) => {
      const res = await get(`/api/v1/policies?${query}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('invalid_input')
      expect(res.json().error.fields[0].field).toBe(field)
    })

    test('GET /policies/{id} gives the full document; unknown → 404 naming id', async () => {
      const policy = at(contentPack().policies, 0)
      const res = await get(`/api/v1/policies/${policy.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(policy)))
      const again = await t.app.inject({
        method: 'GET',
        url: `/api/v1/policies/${policy.id}`,
        headers: { 'if-none-match': res.headers.etag as string },
      })
      expect(again.statusCode).toBe(304)

      const missing = await get('/api/v1/policies/no-such-policy')
      expect(missing.statusCode).toBe(404)
      expect(missing.json().error).toMatchObject({ code: 'not_found', fields: [{ field: 'id' }] })
    })
  })

  describe('GET /services', () => {
    test('lists summaries and filters by mode, department and words', async () => {
      const pack = contentPack()
      const all = (await get('/api/v1/services')).json()
      expect(all.total).toBe(pack.services.length)
      const mode = at(pack.services, 0).mode
      const byMode = (await get(`/api/v1/services?mode=${mode}`)).json()
      expect(byMode.total).toBe(pack.services.filter((s) => s.mode === mode).length)
      const department = at(pack.services, 0).department
      const byDept = (await get(`/api/v1/services?department=${encodeURIComponent(department)}`)).json()
      expect(byDept.items.map((s: { id: string }) => s.id)).toContain(at(pack.services, 0).id)
      const byWords = (await get(`/api/v1/services?q=${encodeURIComponent(at(pack.services, 0).name)}`)).json()
      expect(byWords.items[0].id).toBe(at(pack.services, 0).id)
    })

    test('an unknown mode is a 400 naming mode', async () => {
      const res = await get('/api/v1/services?mode=teleport')
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields[0]).toMatchObject({ field: 'mode', message: expect.stringContaining('一次不跑') })
    })

    test('GET /services/{id}; unknown → 404 naming id', async () => {
      const service = at(contentPack().services, 0)
      const res = await get(`/api/v1/services/${service.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(service)))
      const missing = await get('/api/v1/services/nope')
      expect(missing.statusCode).toBe(404)
      expect(missing.json().error.fields[0].field).toBe('id')
    })
  })

  describe('GET /search', () => {
    test('mixed results with highlighted snippets', async () => {
      const res = await get(`/api/v1/search?q=${encodeURIComponent('低保')}`)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body.q).toBe('低保')
      expect(body.total).toBeGreaterThan(0)
      const kinds = new Set(body.results.map((r: { kind: string }) => r.kind))
      expect(kinds.size).toBeGreaterThan(1)
      for (const hit of body.results) {
        expect(hit).toMatchObject({ id: expect.any(String), title: expect.any(String), score: expect.any(Number) })
        expect(Array.isArray(hit.snippet)).toBe(true)
      }
      expect(
        body.results.some((r: { snippet: { hit: boolean; text: string }[] }) => r.snippet.some((s) => s.hit && s.text.includes('低保'))),
      ).toBe(true)
      const parameter = body.results.find((r: { kind: string }) => r.kind === 'parameter')
      if (parameter) expect(parameter.href).toBe(`/api/v1/standards/${parameter.id}`)
    })

    test('kinds and limit narrow the results', async () => {
      const body = (await get(`/api/v1/search?q=${encodeURIComponent('低保')}&kinds=service&limit=2`)).json()
      expect(body.results.length).toBeLessThanOrEqual(2)
      expect(body.results.every((r: { kind: string }) => r.kind === 'service')).toBe(true)
    })

    test.each([
      ['q missing', '', 'q'],
      ['q empty', 'q=', 'q'],
      ['q of 201 characters', `q=${'a'.repeat(201)}`, 'q'],
      ['unknown kind', 'q=x&kinds=people', 'kinds'],
      ['limit too big', 'q=x&limit=500', 'limit'],
    ])('bad input (%s) → 400 naming the field', async (_label, query, field) => {
      const res = await get(`/api/v1/search?${query}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields[0].field).toBe(field)
    })
  })
})
