// Issue 13, item 1: a figure could be changed under any free-text derivation (660 → 660000 was
// published and /assess paid 3,860,000 元/月). Over HTTP now: a derived amount must be recomputed
// from terms stated in the quote, or carry a reviewer's confirmation, and stay within the
// plausibility bounds; the 422 names the field.
import type { ContentPack } from '../../src/domain'
import { type TestApp, bearer, createTestApp, editedPack, testDialects } from './helpers'
import { at } from '../../harness/at'

describe.each(testDialects())('derived amounts over HTTP (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  const current = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json().version as string
  const publish = async (pack: ContentPack) =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/content', headers: { ...bearer(), 'if-match': await current() }, payload: pack })

  /** The pack with the 2019 urban 低保 value (660 元) changed by `edit`; returns the field path. */
  const withUrban2019 = (tag: string, edit: (value: ContentPack['parameters'][number]['values'][number]) => void) => {
    const pack = editedPack(tag)
    const p = pack.parameters.findIndex((x) => x.id === 'dibao-urban-standard')
    const v = at(pack.parameters, p).values.findIndex((x) => x.amountFen === 66000)
    expect(v).toBeGreaterThanOrEqual(0)
    edit(at(at(pack.parameters, p).values, v))
    return { pack, path: `parameters[${p}].values[${v}]` }
  }

  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    (res.json().error.fields ?? []).map((f) => f.field.replace(/\.(\d+)(?=\.|$)/g, '[$1]'))

  test('660 → 660000 under a free-text derivation is refused, naming the amount and the derivation', async () => {
    const { pack, path } = withUrban2019('2019.6-free', (value) => {
      value.amountFen = 66_000_000
      value.derivation = { explanation: '按通知推算' }
    })
    const res = await publish(pack)
    expect(res.statusCode).toBe(422)
    const fields = fieldsOf(res)
    expect(fields).toContain(`${path}.amountFen`)
    expect(fields).toContain(`${path}.derivation`)
    const served = (await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })).json()
    expect(served.standards.find((s: { id: string }) => s.id === 'dibao-urban-standard').value).toBe(660)
  })

  test('a reviewer’s confirmation does not let an implausible figure through', async () => {
    const { pack, path } = withUrban2019('2019.6-confirmed', (value) => {
      value.amountFen = 66_000_000
      value.derivation = { explanation: '按通知推算', confirmedBy: '审核人' }
    })
    const res = await publish(pack)
    expect(res.statusCode).toBe(422)
    expect(fieldsOf(res)).toContain(`${path}.amountFen`)
  })

  test('terms that do not add up, or are not in the quote, are refused naming derivation.terms', async () => {
    const wrongSum = withUrban2019('2019.6-sum', (value) => {
      value.amountFen = 67000
      value.derivation = { explanation: '去年的标准加上增加的部分', terms: [60000, 6000] }
    })
    const sum = await publish(wrongSum.pack)
    expect(sum.statusCode).toBe(422)
    expect(fieldsOf(sum)).toContain(`${wrongSum.path}.derivation.terms`)
    const unquoted = withUrban2019('2019.6-unquoted', (value) => {
      value.derivation = { explanation: '去年的标准加上增加的部分', terms: [59000, 7000] }
    })
    const notInQuote = await publish(unquoted.pack)
    expect(notInQuote.statusCode).toBe(422)
    expect(fieldsOf(notInQuote)).toContain(`${unquoted.path}.derivation.terms[0]`)
  })

  test('arithmetic recomputed from the quoted figures (600 + 60 = 660) is published', async () => {
    const { pack } = withUrban2019('2019.6-terms', (value) => {
      value.derivation = { explanation: '去年的600元加上增加的60元', terms: [60000, 6000] }
    })
    const res = await publish(pack)
    expect(res.statusCode).toBe(201)
  })
})
