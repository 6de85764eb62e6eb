// 低保 and 特困 self-checks against the real pack's standards, as OpenFisca-style tables:
// name, date, input, expected. Amounts in the tables are 元; the rules work in 分.
import fc from 'fast-check'
import bundled from '../../src/generated/bundled-content.json'
import { type ContentPack, type RuleData, type Step, assessDibao, assessTekun, parseDibaoInput, parseTekunInput } from '../../src/domain'

const pack = bundled.pack as ContentPack
const data: RuleData = { parameters: pack.parameters, sources: pack.sources }
const TODAY = '2019-07-01'
const fen = (yuan: number): number => Math.round(yuan * 100)

function expectCitedSteps(steps: readonly Step[]): void {
  expect(steps.length).toBeGreaterThan(0)
  for (const step of steps) {
    expect(step.citation.docNumber).toMatch(/\S/)
    expect(step.citation.article).toMatch(/\S/)
    expect(step.text).toMatch(/\S/)
  }
}

function dibao(on: string, raw: Record<string, unknown>) {
  const input = parseDibaoInput({ ...raw, on }, TODAY)
  if (!input.ok) throw new Error(`input rejected: ${input.error.message}`)
  const result = assessDibao(data, input.value)
  if (!result.ok) throw new Error(`assessment failed: ${result.error.message}`)
  return result.value
}

function tekun(on: string, raw: Record<string, unknown>) {
  const input = parseTekunInput({ ...raw, on }, TODAY)
  if (!input.ok) throw new Error(`input rejected: ${input.error.message}`)
  const result = assessTekun(data, input.value)
  if (!result.ok) throw new Error(`assessment failed: ${result.error.message}`)
  return result.value
}

describe('低保', () => {
  type Expected = { meets: boolean; standard: number; perCapita: number; allowance: number }
  const table: Array<[string, string, { area: string; householdSize: unknown; monthlyIncome: unknown }, Expected]> = [
    [
      'urban 3 people 1500 元: 1980 − 1500',
      '2019-07-01',
      { area: 'urban', householdSize: 3, monthlyIncome: 1500 },
      { meets: true, standard: 660, perCapita: 500, allowance: 480 },
    ],
    [
      'rural 4 people 1700 元: 425 > 400',
      '2019-07-01',
      { area: 'rural', householdSize: 4, monthlyIncome: 1700 },
      { meets: false, standard: 400, perCapita: 425, allowance: 0 },
    ],
    [
      'rural 4 people one cent under 1600 元',
      '2019-07-01',
      { area: 'rural', householdSize: 4, monthlyIncome: 1599.99 },
      { meets: true, standard: 400, perCapita: 400, allowance: 0.01 },
    ],
    [
      'urban 1 person exactly at the standard',
      '2019-07-01',
      { area: 'urban', householdSize: 1, monthlyIncome: 660 },
      { meets: false, standard: 660, perCapita: 660, allowance: 0 },
    ],
    [
      'urban 1 person one cent below',
      '2019-07-01',
      { area: 'urban', householdSize: 1, monthlyIncome: 659.99 },
      { meets: true, standard: 660, perCapita: 659.99, allowance: 0.01 },
    ],
    [
      'urban 3 people exactly at the standard',
      '2019-07-01',
      { area: 'urban', householdSize: 3, monthlyIncome: 1980 },
      { meets: false, standard: 660, perCapita: 660, allowance: 0 },
    ],
    [
      'urban 3 people one cent below',
      '2019-07-01',
      { area: 'urban', householdSize: 3, monthlyIncome: 1979.99 },
      { meets: true, standard: 660, perCapita: 660, allowance: 0.01 },
    ],
    [
      'rural 1 person exactly at the standard',
      '2019-07-01',
      { area: 'rural', householdSize: 1, monthlyIncome: 400 },
      { meets: false, standard: 400, perCapita: 400, allowance: 0 },
    ],
    [
      'rural 1 person one cent below',
      '2019-07-01',
      { area: 'rural', householdSize: 1, monthlyIncome: 399.99 },
      { meets: true, standard: 400, perCapita: 399.99, allowance: 0.01 },
    ],
    [
      'rural 1 person without income',
      '2019-07-01',
      { area: 'rural', householdSize: 1, monthlyIncome: 0 },
      { meets: true, standard: 400, perCapita: 0, allowance: 400 },
    ],
    [
      'non-integer per capita: 1000 元 / 3 people',
      '2019-07-01',
      { area: 'urban', householdSize: 3, monthlyIncome: 1000 },
      { meets: true, standard: 660, perCapita: 333.33, allowance: 980 },
    ],
    [
      'income typed as a string',
      '2019-07-01',
      { area: 'urban', householdSize: '2', monthlyIncome: '1000.5' },
      { meets: true, standard: 660, perCapita: 500.25, allowance: 319.5 },
    ],
    [
      'largest household without income',
      '2019-07-01',
      { area: 'urban', householdSize: 20, monthlyIncome: 0 },
      { meets: true, standard: 660, perCapita: 0, allowance: 13200 },
    ],
    [
      '2018: urban standard 600, at the standard',
      '2018-06-01',
      { area: 'urban', householdSize: 1, monthlyIncome: 600 },
      { meets: false, standard: 600, perCapita: 600, allowance: 0 },
    ],
    [
      '2018: urban one cent below 600',
      '2018-06-01',
      { area: 'urban', householdSize: 1, monthlyIncome: 599.99 },
      { meets: true, standard: 600, perCapita: 599.99, allowance: 0.01 },
    ],
    [
      'last day of 2018: 630 元 is above 600',
      '2018-12-31',
      { area: 'urban', householdSize: 1, monthlyIncome: 630 },
      { meets: false, standard: 600, perCapita: 630, allowance: 0 },
    ],
    [
      'first day of 2019: 630 元 is below 660',
      '2019-01-01',
      { area: 'urban', householdSize: 1, monthlyIncome: 630 },
      { meets: true, standard: 660, perCapita: 630, allowance: 30 },
    ],
    [
      '2018: urban 3 people 1500 元',
      '2018-06-01',
      { area: 'urban', householdSize: 3, monthlyIncome: 1500 },
      { meets: true, standard: 600, perCapita: 500, allowance: 300 },
    ],
    [
      '2018: rural 2 people 700 元, standard 360',
      '2018-12-31',
      { area: 'rural', householdSize: 2, monthlyIncome: 700 },
      { meets: true, standard: 360, perCapita: 350, allowance: 20 },
    ],
  ]

  it.each(table)('%s (%s)', (_name, on, input, expected) => {
    const a = dibao(on, input)
    expect({
      meets: a.meetsIncomeTest,
      standard: a.standardFen,
      perCapita: a.perCapitaIncomeFen,
      allowance: a.monthlyAllowanceFen,
    }).toEqual({
      meets: expected.meets,
      standard: fen(expected.standard),
      perCapita: fen(expected.perCapita),
      allowance: fen(expected.allowance),
    })
    expect(a.monthlyAllowanceFen).toBeLessThanOrEqual(a.standardFen * a.householdSize)
    expectCitedSteps(a.steps)
    expect(a.steps.find((s) => s.id === 'standard')?.citation.docNumber).toBe('景府办字〔2019〕35号')
    expect(a.caveats.some((c) => c.includes('民政'))).toBe(true)
  })

  it('explains a per-capita income exactly equal to the standard', () => {
    const a = dibao('2019-07-01', { area: 'urban', householdSize: 1, monthlyIncome: 660 })
    expect(a.steps.find((s) => s.id === 'income-test')?.text).toMatch(/正好等于标准 660 元；要低于标准/)
  })

  it('says 略低于 / 略高于 when rounding puts the per-capita income on the standard (1979.99 元 for 3)', () => {
    const below = dibao('2019-07-01', { area: 'urban', householdSize: 3, monthlyIncome: 1979.99 })
    const text = below.steps.find((s) => s.id === 'income-test')?.text
    expect(text).toBe('人均约 660 元，略低于标准 660 元（全家 1979.99 元，低于 660 × 3 = 1980 元）')
    expect(text).not.toMatch(/人均 660 元，低于标准 660 元/)
    expect(below.meetsIncomeTest).toBe(true)
    const above = dibao('2019-07-01', { area: 'urban', householdSize: 3, monthlyIncome: 1980.01 })
    expect(above.steps.find((s) => s.id === 'income-test')?.text).toBe(
      '人均约 660 元，略高于标准 660 元（全家 1980.01 元，高于 660 × 3 = 1980 元）',
    )
  })

  it('gives the outdated-standard note in its own field, never among the caveats', () => {
    const input = { area: 'urban', householdSize: 1, monthlyIncome: 0 } as const
    const late = dibao('2026-03-01', input)
    expect(late.outdatedNote).toMatch(/^本应用收录的最新标准是2019年的；/)
    expect(late.caveats.some((c) => c.startsWith('本应用收录'))).toBe(false)
    expect(late.caveats).toEqual(dibao('2019-07-01', input).caveats)
    expect(dibao('2019-07-01', input).outdatedNote).toBeNull()
  })

  it('says when the standard it used took effect, the one in force on the date asked', () => {
    const input = { area: 'rural', householdSize: 2, monthlyIncome: 700 } as const
    expect(dibao('2019-07-01', input).standardEffectiveFrom).toBe('2019-01-01')
    expect(dibao('2018-12-31', input).standardEffectiveFrom).toBe('2018-01-01')
  })

  it('shows a non-integer per-capita income as approximate', () => {
    const a = dibao('2019-07-01', { area: 'urban', householdSize: 3, monthlyIncome: 1000 })
    expect(a.steps.find((s) => s.id === 'per-capita-income')?.text).toBe('1000 ÷ 3 ≈ 333.33 元')
  })

  it('points a household that is not eligible elsewhere: rural 4 people 1700 元', () => {
    const a = dibao('2019-07-01', { area: 'rural', householdSize: 4, monthlyIncome: 1700 })
    expect(a.meetsIncomeTest).toBe(false)
    expect(a.monthlyAllowanceFen).toBe(0)
    expect(a.alternatives.length).toBeGreaterThan(0)
    expect(a.caveats.join('')).toMatch(/民政/)
  })

  it('uses today when no date is given', () => {
    const input = parseDibaoInput({ area: 'urban', householdSize: 1, monthlyIncome: 0 }, '2018-03-01')
    expect(input).toMatchObject({ ok: true, value: { on: '2018-03-01' } })
  })

  it('never pays more than standard × size, nor less than 0, and pays only when income is strictly below', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('urban', 'rural'),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom('2018-01-01', '2018-12-31', '2019-01-01', '2025-06-30'),
        (area, householdSize, incomeFen, on) => {
          const a = dibao(on, { area, householdSize, monthlyIncome: incomeFen / 100 })
          expect(a.monthlyAllowanceFen).toBeGreaterThanOrEqual(0)
          expect(a.monthlyAllowanceFen).toBeLessThanOrEqual(a.standardFen * householdSize)
          expect(a.meetsIncomeTest).toBe(incomeFen < a.standardFen * householdSize)
          expect(a.monthlyAllowanceFen).toBe(a.meetsIncomeTest ? a.standardFen * householdSize - incomeFen : 0)
        },
      ),
      { numRuns: 300 },
    )
  })

  const valid = { area: 'urban', householdSize: 3, monthlyIncome: 1500, on: '2019-07-01' }
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['householdSize 0', { householdSize: 0 }, 'householdSize', /家庭人口应在 1 到 20 之间/],
    ['householdSize 21', { householdSize: 21 }, 'householdSize', /家庭人口应在 1 到 20 之间/],
    ['householdSize 2.5', { householdSize: 2.5 }, 'householdSize', /家庭人口应为整数/],
    ['householdSize "abc"', { householdSize: 'abc' }, 'householdSize', /请填写家庭人口/],
    ['monthlyIncome -1', { monthlyIncome: -1 }, 'monthlyIncome', /家庭月收入不能是负数/],
    ['monthlyIncome NaN', { monthlyIncome: NaN }, 'monthlyIncome', /请填写家庭月收入/],
    ['monthlyIncome "1e400"', { monthlyIncome: '1e400' }, 'monthlyIncome', /请填写家庭月收入/],
    ['monthlyIncome 1.234', { monthlyIncome: 1.234 }, 'monthlyIncome', /最多精确到分/],
    ['area "city"', { area: 'city' }, 'area', /请选择城市或农村/],
    ['on "2019-02-30"', { on: '2019-02-30' }, 'on', /日期无效/],
  ])('rejects %s, naming the field', (_name, change, field, message) => {
    const result = parseDibaoInput({ ...valid, ...change }, TODAY)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message: expect.stringMatching(message) } })
  })

  it('refuses a date before the earliest standard in the data', () => {
    const input = parseDibaoInput({ ...valid, on: '2017-01-01' }, TODAY)
    expect(input.ok).toBe(true)
    if (!input.ok) return
    expect(assessDibao(data, input.value)).toMatchObject({ ok: false, error: { code: 'before_first_value', field: 'on' } })
  })
})

describe('特困', () => {
  type Expected = { meets: boolean; support: number; care: number; total: number }
  const eligible = { area: 'urban', age: 70, canWork: false, monthlyIncome: 0, hasCapableSupporter: false, selfCare: 'self' }
  const table: Array<[string, string, Record<string, unknown>, Expected]> = [
    [
      'urban, 70, full loss of self-care: 850 + 1200',
      '2019-07-01',
      { selfCare: 'full' },
      { meets: true, support: 850, care: 1200, total: 2050 },
    ],
    ['urban, semi: 850 + 300', '2019-07-01', { selfCare: 'semi' }, { meets: true, support: 850, care: 300, total: 1150 }],
    ['urban, self-care', '2019-07-01', {}, { meets: true, support: 850, care: 0, total: 850 }],
    ['rural centralized', '2019-07-01', { area: 'rural', care: 'centralized' }, { meets: true, support: 505, care: 0, total: 505 }],
    ['rural dispersed', '2019-07-01', { area: 'rural', care: 'dispersed' }, { meets: true, support: 400, care: 0, total: 400 }],
    [
      'rural dispersed, semi: 400 + 300',
      '2019-07-01',
      { area: 'rural', care: 'dispersed', selfCare: 'semi' },
      { meets: true, support: 400, care: 300, total: 700 },
    ],
    [
      '2018 urban full: care allowance did not exist yet',
      '2018-06-01',
      { selfCare: 'full' },
      { meets: true, support: 800, care: 0, total: 800 },
    ],
    [
      '2018 rural centralized semi',
      '2018-06-01',
      { area: 'rural', care: 'centralized', selfCare: 'semi' },
      { meets: true, support: 455, care: 0, total: 455 },
    ],
    ['2018 rural dispersed', '2018-12-31', { area: 'rural', care: 'dispersed' }, { meets: true, support: 360, care: 0, total: 360 }],
    ['40-year-old who can work', '2019-07-01', { age: 40, canWork: true }, { meets: false, support: 850, care: 0, total: 0 }],
    ['40-year-old who cannot work', '2019-07-01', { age: 40, canWork: false }, { meets: true, support: 850, care: 0, total: 850 }],
    ['15-year-old counts as unable to work', '2019-07-01', { age: 15, canWork: true }, { meets: true, support: 850, care: 0, total: 850 }],
    ['16-year-old who can work', '2019-07-01', { age: 16, canWork: true }, { meets: false, support: 850, care: 0, total: 0 }],
    ['59-year-old who can work', '2019-07-01', { age: 59, canWork: true }, { meets: false, support: 850, care: 0, total: 0 }],
    ['60-year-old counts as unable to work', '2019-07-01', { age: 60, canWork: true }, { meets: true, support: 850, care: 0, total: 850 }],
    [
      'urban income equal to the 低保 standard 660',
      '2019-07-01',
      { monthlyIncome: 660, selfCare: 'full' },
      { meets: false, support: 850, care: 1200, total: 0 },
    ],
    ['urban income one cent below 660', '2019-07-01', { monthlyIncome: 659.99 }, { meets: true, support: 850, care: 0, total: 850 }],
    [
      'rural income equal to the 低保 standard 400',
      '2019-07-01',
      { area: 'rural', care: 'dispersed', monthlyIncome: 400 },
      { meets: false, support: 400, care: 0, total: 0 },
    ],
    [
      '2018 income 600 equals the 2018 低保 standard',
      '2018-06-01',
      { monthlyIncome: 600 },
      { meets: false, support: 800, care: 0, total: 0 },
    ],
    [
      'capable supporter',
      '2019-07-01',
      { hasCapableSupporter: true, selfCare: 'full' },
      { meets: false, support: 850, care: 1200, total: 0 },
    ],
  ]

  it.each(table)('%s (%s)', (_name, on, change, expected) => {
    const a = tekun(on, { ...eligible, ...change })
    expect({
      meets: a.meetsCriteria,
      support: a.supportStandardFen,
      care: a.careStandardFen,
      total: a.monthlyTotalFen,
    }).toEqual({
      meets: expected.meets,
      support: fen(expected.support),
      care: fen(expected.care),
      total: fen(expected.total),
    })
    expect(a.monthlyTotalFen).toBe(a.monthlySupportFen + a.careAllowanceFen)
    expectCitedSteps(a.steps)
    expect(a.steps.find((s) => s.id === 'support-standard')?.citation.docNumber).toBe('景府办字〔2019〕35号')
    expect(a.caveats.some((c) => c.includes('民政'))).toBe(true)
    if (!a.meetsCriteria) expect(a.alternatives.length).toBeGreaterThan(0)
  })

  it('gives the outdated-standard note in its own field, never among the caveats', () => {
    const late = tekun('2026-03-01', eligible)
    expect(late.outdatedNote).toMatch(/^本应用收录的最新标准是2019年的；/)
    expect(late.caveats).not.toContain(late.outdatedNote)
    expect(late.caveats.some((c) => c.startsWith('本应用收录'))).toBe(false)
    expect(tekun('2019-07-01', eligible).outdatedNote).toBeNull()
  })

  it('says when the 基本生活 standard it used took effect', () => {
    expect(tekun('2019-07-01', eligible).standardEffectiveFrom).toBe('2019-01-01')
    expect(tekun('2018-12-31', eligible).standardEffectiveFrom).toBe('2018-01-01')
  })

  it('names which condition failed', () => {
    expect(tekun('2019-07-01', { ...eligible, age: 40, canWork: true }).criteria).toEqual({
      noWorkCapacity: false,
      noLivelihood: true,
      noCapableSupporter: true,
    })
    expect(tekun('2019-07-01', { ...eligible, monthlyIncome: 660 }).criteria).toEqual({
      noWorkCapacity: true,
      noLivelihood: false,
      noCapableSupporter: true,
    })
    expect(tekun('2019-07-01', { ...eligible, hasCapableSupporter: true }).criteria).toEqual({
      noWorkCapacity: true,
      noLivelihood: true,
      noCapableSupporter: false,
    })
  })

  it('says on a 2018 date that the data holds no care allowance standard (not that none existed)', () => {
    const a = tekun('2018-06-01', { ...eligible, selfCare: 'full' })
    const step = a.steps.find((s) => s.id === 'care-allowance')
    expect(step?.text).toBe('全失能：本资料没有所选日期的照料护理补助标准')
    expect(step?.amountFen).toBe(0)
  })

  it('cites the 2019 notice for the care allowance when it applies', () => {
    const a = tekun('2019-07-01', { ...eligible, selfCare: 'full' })
    expect(a.steps.find((s) => s.id === 'care-allowance')?.citation).toMatchObject({
      docNumber: '景府办字〔2019〕35号',
      article: '第（五）项',
    })
  })

  const valid = { ...eligible, on: '2019-07-01' }
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['rural without a care mode', { area: 'rural' }, 'care', /请选择集中供养或分散供养/],
    ['urban with a care mode', { care: 'centralized' }, 'care', /城镇特困人员不区分集中或分散供养/],
    ['age -1', { age: -1 }, 'age', /年龄应在 0 到 130 之间/],
    ['age 131', { age: 131 }, 'age', /年龄应在 0 到 130 之间/],
    ['age 70.5', { age: 70.5 }, 'age', /年龄应为整数/],
    ['canWork "no"', { canWork: 'no' }, 'canWork', /请选择是否有劳动能力/],
    ['monthlyIncome -1', { monthlyIncome: -1 }, 'monthlyIncome', /本人月收入不能是负数/],
    ['selfCare "none"', { selfCare: 'none' }, 'selfCare', /请选择生活自理能力/],
    ['on "2019-02-30"', { on: '2019-02-30' }, 'on', /日期无效/],
  ])('rejects %s, naming the field', (_name, change, field, message) => {
    const result = parseTekunInput({ ...valid, ...change }, TODAY)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message: expect.stringMatching(message) } })
  })

  it('refuses a date before the earliest standard in the data', () => {
    const input = parseTekunInput({ ...valid, on: '2017-01-01' }, TODAY)
    expect(input.ok).toBe(true)
    if (!input.ok) return
    expect(assessTekun(data, input.value)).toMatchObject({ ok: false, error: { code: 'before_first_value', field: 'on' } })
  })
})
