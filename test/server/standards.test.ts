// Standards on a date (values in 元, change, citation) and one standard's history.
import { fenToYuan, todayInShanghai } from '../../src/domain'
import { type TestApp, contentPack, createTestApp, testDialects } from './helpers'
import { at } from '../../harness/at'

describe.each(testDialects())('standards (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  test('GET /standards?on=2019-07-01 gives every parameter in force, in 元, with change and citation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.on).toBe('2019-07-01')
    expect(body.contentVersion).toBe('v1')
    const pack = contentPack()
    expect(body.standards).toHaveLength(pack.parameters.length)
    const urban = body.standards.find((s: { id: string }) => s.id === 'dibao-urban-standard')
    const source = pack.parameters.find((p) => p.id === 'dibao-urban-standard')!
    const current = at(
      [...source.values].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)),
      0,
    )
    expect(urban).toMatchObject({
      value: fenToYuan(current.amountFen),
      effectiveFrom: current.effectiveFrom,
      publishedOn: current.publishedOn,
      possiblyOutdated: false,
      citation: { docNumber: current.reference.docNumber, article: current.reference.article, quote: current.reference.quote },
    })
    expect(typeof urban.citation.sourceTitle).toBe('string')
    expect(urban.previousValue).not.toBeNull()
    expect(urban.change).toBeCloseTo(urban.value - urban.previousValue, 2)
    expect(res.headers.etag).toBeDefined()
  })

  test('the published 2019 figures: 城市低保 660 元, up 60 元', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })).json()
    const urban = body.standards.find((s: { id: string }) => s.id === 'dibao-urban-standard')
    expect(urban).toMatchObject({ value: 660, previousValue: 600, change: 60 })
  })

  test('without `on` it answers for today in Shanghai', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards' })
    expect(res.statusCode).toBe(200)
    expect(res.json().on).toBe(todayInShanghai())
  })

  test('a repeated question revalidates with 304', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/standards?on=2019-07-01',
      headers: { 'if-none-match': res.headers.etag as string },
    })
    expect(again.statusCode).toBe(304)
  })

  test.each(['2019-13-01', '2019-02-30', 'yesterday', ''])('an invalid date (%p) is a 400 naming `on`', async (on) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/standards?on=${encodeURIComponent(on)}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_input')
    expect(res.json().error.fields[0].field).toBe('on')
  })

  test('a date before any known value is a 422 before_first_value, never another year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2010-01-01' })
    expect(res.statusCode).toBe(422)
    const { error } = res.json()
    expect(error.code).toBe('before_first_value')
    expect(error.fields).toEqual([{ field: 'on', message: expect.any(String) }])
    expect(error.message).toMatch(/早于/)
  })

  test('GET /standards/{id} gives the full history, oldest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards/dibao-urban-standard' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.id).toBe('dibao-urban-standard')
    expect(body.history.map((h: { value: number }) => h.value)).toEqual([600, 660])
    expect(body.history[0]).toMatchObject({ change: null, validUntil: '2018-12-31' })
    expect(body.history[1]).toMatchObject({ change: 60, validUntil: null })
    expect(body.history[1].citation.docNumber).toBe('景府办字〔2019〕35号')
  })

  test('an unknown standard is a 404 naming `id`', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/standards/no-such-standard' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'not_found', fields: [{ field: 'id' }] })
  })
})
