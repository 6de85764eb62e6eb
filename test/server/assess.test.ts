// POST /assess: the app's rules, amounts in 元, field-naming errors, body limits, rate limit, and
// no personal data in the logs.
import { Writable } from 'node:stream'
import { assessDibao, assessTekun, fenToYuan, parseDibaoInput, parseTekunInput } from '../../src/domain'
import { type TestApp, contentPack, createTestApp, testDialects } from './helpers'

const DIBAO = { program: 'dibao', area: 'urban', householdSize: 3, monthlyIncome: 1500, on: '2019-07-01' }
const TEKUN = {
  program: 'tekun',
  area: 'rural',
  care: 'dispersed',
  age: 72,
  canWork: false,
  monthlyIncome: 100,
  hasCapableSupporter: false,
  selfCare: 'semi',
  on: '2019-07-01',
}

class Capture extends Writable {
  lines: string[] = []
  _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.lines.push(chunk.toString('utf8'))
    cb()
  }
}

describe.each(testDialects())('POST /assess (%s)', (dialect) => {
  let t: TestApp
  const logs = new Capture()
  beforeAll(async () => {
    t = await createTestApp(dialect, { logLevel: 'trace' }, { logStream: logs })
  })
  afterAll(async () => {
    await t?.close()
  })
  const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/assess', payload: payload as object })

  test('低保: the same figures as the domain rules, in 元, with cited steps', async () => {
    const res = await post(DIBAO)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const pack = contentPack()
    const input = parseDibaoInput(DIBAO, '2019-07-01')
    if (!input.ok) throw new Error('fixture')
    const expected = assessDibao(pack, input.value)
    if (!expected.ok) throw new Error('fixture')
    expect(body).toMatchObject({
      program: 'dibao',
      standard: fenToYuan(expected.value.standardFen),
      perCapitaIncome: fenToYuan(expected.value.perCapitaIncomeFen),
      meetsIncomeTest: expected.value.meetsIncomeTest,
      monthlyAllowance: fenToYuan(expected.value.monthlyAllowanceFen),
      caveats: expected.value.caveats,
      outdatedNote: null,
      standardEffectiveFrom: '2019-01-01',
      alternatives: expected.value.alternatives,
    })
    expect(body).toMatchObject({ standard: 660, perCapitaIncome: 500, meetsIncomeTest: true, monthlyAllowance: 480 })
    expect(body.steps.length).toBeGreaterThan(0)
    for (const step of body.steps) {
      expect(step.citation).toMatchObject({ docNumber: expect.any(String), article: expect.any(String) })
    }
    expect(body.steps.find((s: { id: string }) => s.id === 'allowance').amount).toBe(480)
    expect(res.headers['cache-control']).toBe('no-store')
  })

  test('低保 not met: allowance 0 and alternatives offered', async () => {
    const body = (await post({ ...DIBAO, monthlyIncome: 5000 })).json()
    expect(body).toMatchObject({ meetsIncomeTest: false, monthlyAllowance: 0 })
    expect(body.alternatives.length).toBeGreaterThan(0)
  })

  test('an outdated standard: the note in outdatedNote and, for older clients, first among the caveats', async () => {
    const body = (await post({ ...DIBAO, on: '2026-03-01' })).json()
    const input = parseDibaoInput({ ...DIBAO, on: '2026-03-01' }, '2026-03-01')
    if (!input.ok) throw new Error('fixture')
    const expected = assessDibao(contentPack(), input.value)
    if (!expected.ok) throw new Error('fixture')
    expect(body.outdatedNote).toMatch(/^本应用收录的最新标准是2019年的；/)
    expect(body.outdatedNote).toBe(expected.value.outdatedNote)
    expect(body.caveats).toEqual([body.outdatedNote, ...expected.value.caveats])
  })

  test('特困: support, care allowance and total in 元, as the domain computes them', async () => {
    const res = await post(TEKUN)
    expect(res.statusCode).toBe(200)
    const input = parseTekunInput(TEKUN, '2019-07-01')
    if (!input.ok) throw new Error('fixture')
    const expected = assessTekun(contentPack(), input.value)
    if (!expected.ok) throw new Error('fixture')
    expect(res.json()).toMatchObject({
      program: 'tekun',
      meetsCriteria: expected.value.meetsCriteria,
      monthlySupport: fenToYuan(expected.value.monthlySupportFen),
      careAllowance: fenToYuan(expected.value.careAllowanceFen),
      monthlyTotal: fenToYuan(expected.value.monthlyTotalFen),
    })
    expect(res.json()).toMatchObject({ meetsCriteria: true, monthlySupport: 400, careAllowance: 300, monthlyTotal: 700 })
  })

  test('特困: the 认定办法 citations carry their dated version and the note on the copy used', async () => {
    const body = (await post(TEKUN)).json()
    const step = body.steps.find((s: { id: string }) => s.id === 'no-work-capacity')
    expect(step.citation).toMatchObject({ docNumber: '民发〔2016〕178号', article: '第五条', note: expect.stringContaining('转载文本') })
    const later = (await post({ ...TEKUN, on: '2022-01-01' })).json()
    expect(later.steps.find((s: { id: string }) => s.id === 'no-work-capacity').citation.docNumber).toBe('民发〔2021〕43号')
  })

  test('the date defaults to today and a date before the data is a 422', async () => {
    const { on: _on, ...withoutDate } = DIBAO
    expect((await post(withoutDate)).statusCode).toBe(200)
    const early = await post({ ...DIBAO, on: '2000-01-01' })
    expect(early.statusCode).toBe(422)
    expect(early.json().error).toMatchObject({ code: 'before_first_value', fields: [{ field: 'on' }] })
  })

  test.each([
    ['program missing', { ...DIBAO, program: undefined }, 'program'],
    ['program unknown', { ...DIBAO, program: 'pension' }, 'program'],
    ['area', { ...DIBAO, area: 'suburb' }, 'area'],
    ['householdSize zero', { ...DIBAO, householdSize: 0 }, 'householdSize'],
    ['householdSize fraction', { ...DIBAO, householdSize: 2.5 }, 'householdSize'],
    ['monthlyIncome negative', { ...DIBAO, monthlyIncome: -1 }, 'monthlyIncome'],
    ['monthlyIncome text', { ...DIBAO, monthlyIncome: 'a lot' }, 'monthlyIncome'],
    ['on', { ...DIBAO, on: '2019-02-30' }, 'on'],
    ['care missing in rural 特困', { ...TEKUN, care: undefined }, 'care'],
    ['age', { ...TEKUN, age: 200 }, 'age'],
    ['canWork', { ...TEKUN, canWork: 'no' }, 'canWork'],
    ['hasCapableSupporter', { ...TEKUN, hasCapableSupporter: undefined }, 'hasCapableSupporter'],
    ['selfCare', { ...TEKUN, selfCare: 'maybe' }, 'selfCare'],
  ])('bad input (%s) → 400 naming the field', async (_label, payload, field) => {
    const res = await post(payload)
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toEqual([{ field, message: expect.any(String) }])
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  test('a body that is not JSON → 400; wrong content type → 415; an empty body → 400', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/json' },
      payload: '{"program":',
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error.code).toBe('invalid_json')
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/assess', headers: { 'content-type': 'text/plain' }, payload: 'dibao' })
    expect(text.statusCode).toBe(415)
    expect(text.json().error.code).toBe('unsupported_media_type')
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    })
    expect(form.statusCode).toBe(415)
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/json' },
      payload: '',
    })
    expect(empty.statusCode).toBe(400)
  })

  test('a 5 MB body → 413, and the server carries on', async () => {
    const big = JSON.stringify({ ...DIBAO, padding: 'x'.repeat(5 * 1024 * 1024) })
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/assess', headers: { 'content-type': 'application/json' }, payload: big })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('body_too_large')
    expect((await post(DIBAO)).statusCode).toBe(200)
  })

  test('no body, query string or household figure reaches the logs', async () => {
    logs.lines.length = 0
    const secret = { ...DIBAO, householdSize: 7, monthlyIncome: 4321.09 }
    await t.app.inject({ method: 'POST', url: '/api/v1/assess?name=%E5%BC%A0%E4%B8%89&id=360203199001011234', payload: secret })
    await post({ ...secret, householdSize: 'seven-people' })
    // Timestamps, pids and durations are digits that can contain any figure by chance: scan the rest.
    const text = logs.lines
      .map((line) =>
        JSON.stringify(JSON.parse(line), (key, value: unknown) => (['time', 'pid', 'responseTime'].includes(key) ? undefined : value)),
      )
      .join('\n')
    expect(text).toContain('/api/v1/assess') // requests are logged…
    for (const leak of ['4321', 'seven-people', '360203199001011234', 'name=', '张三', 'householdSize', 'monthlyIncome']) {
      expect(text).not.toContain(leak) // …without what was asked
    }
  })
})

describe('rate limit on /assess', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite', { rateLimit: { assess: 3, admin: 3, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('the (n+1)th request in the window is a 429 in the common error shape', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/assess', payload: DIBAO })).statusCode).toBe(200)
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/assess', payload: DIBAO })
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/秒后再试/) })
    expect(limited.headers['retry-after']).toBeDefined()
    // reading content is not limited
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/standards?on=2019-07-01' })).statusCode).toBe(200)
  })
})
