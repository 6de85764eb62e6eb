// Standards from several notices: the rules, the outdated flag and 即将执行 follow the dates, and the
// validator checks each quote against the text of the notice it cites, whatever its year.
import {
  type ContentPack,
  assessDibao,
  assessTekun,
  findParameter,
  isPossiblyOutdated,
  outdatedFrom,
  standardsOn,
  upcomingValue,
  valueOn,
} from '../../src/domain'
import { validatePack } from '../../src/domain/validate'
import bundled from '../../src/generated/bundled-content.json'
import { readSourceTexts } from '../../server/content/pack-files'
import { NOTICE_2023_TEXT_ID, packWithNotice2023, textsWithNotice2023 } from '../fixtures/content/with-notice-2023'

const held = readSourceTexts()
const pack2019 = bundled.pack as ContentPack
const pack2023 = packWithNotice2023()

it('validates a pack citing a second notice, checking its quotes against that notice', () => {
  expect(validatePack(pack2023, textsWithNotice2023(held))).toMatchObject({ ok: true })
  const missingText = validatePack(pack2023, held)
  expect(missingText.ok).toBe(false)
  if (!missingText.ok) expect(missingText.problems[0]).toMatchObject({ path: expect.stringMatching(/^sources\[\d+\]\.textId$/) })
  const altered = packWithNotice2023()
  const urban = findParameter(altered.parameters, 'dibao-urban-standard')
  const latest = urban?.values.at(-1)
  if (!latest) throw new Error('fixture lacks the 2023 value')
  latest.reference.quote = '（一）城市居民最低生活保障标准由每人每月660元提高到790元。'
  latest.amountFen = 79000
  const result = validatePack(altered, textsWithNotice2023(held))
  expect(!result.ok && result.problems.map((p) => p.message).join('\n')).toMatch(/在原文中找不到/)
})

// OpenFisca-style: a date in each period, the 低保 estimate for a household of 3 with 1500 元 (urban).
const periods: Array<[on: string, standardYuan: number, allowanceYuan: number]> = [
  ['2018-06-30', 600, 300],
  ['2019-01-01', 660, 480],
  ['2022-12-31', 660, 480],
  ['2023-01-01', 760, 780],
  ['2026-12-01', 760, 780],
]

describe.each(periods)('低保 on %s', (on, standardYuan, allowanceYuan) => {
  it(`uses ${standardYuan} 元 and estimates ${allowanceYuan} 元`, () => {
    const result = assessDibao(pack2023, { area: 'urban', householdSize: 3, monthlyIncomeFen: 150000, on })
    expect(result.ok && result.value.standardFen).toBe(standardYuan * 100)
    expect(result.ok && result.value.monthlyAllowanceFen).toBe(allowanceYuan * 100)
  })
})

it('takes 特困 and its 低保 test from the notice in force on the date', () => {
  const input = { area: 'rural', care: 'dispersed', age: 70, canWork: false, hasCapableSupporter: false, selfCare: 'self' } as const
  const in2019 = assessTekun(pack2023, { ...input, monthlyIncomeFen: 45000, on: '2020-05-01' })
  expect(in2019.ok && in2019.value).toMatchObject({ supportStandardFen: 40000, meetsCriteria: false })
  const in2023 = assessTekun(pack2023, { ...input, monthlyIncomeFen: 45000, on: '2023-05-01' })
  expect(in2023.ok && in2023.value).toMatchObject({ supportStandardFen: 65000, meetsCriteria: true, monthlyTotalFen: 65000 })
})

it('flags a date as possibly outdated from the 1 January after the latest notice took effect', () => {
  expect(outdatedFrom(pack2019.parameters)).toBe('2020-01-01')
  expect(isPossiblyOutdated('2019-12-31', pack2019.parameters)).toBe(false)
  expect(isPossiblyOutdated('2020-01-01', pack2019.parameters)).toBe(true)
  expect(outdatedFrom(pack2023.parameters)).toBe('2024-01-01')
  // 精简退职 was not in the 2023 notice: the latest notice still decides, so 2023 is not flagged.
  const jingjian = standardsOn(pack2023.parameters, '2023-12-31')
  expect(jingjian.ok && jingjian.value.inForce.every((v) => !v.possiblyOutdated)).toBe(true)
  const later = standardsOn(pack2023.parameters, '2024-01-01')
  expect(later.ok && later.value.inForce.every((v) => v.possiblyOutdated)).toBe(true)
})

it('shows a published value that takes effect later as upcoming, and the previous as history', () => {
  const urban = findParameter(pack2023.parameters, 'dibao-urban-standard')
  if (!urban) throw new Error('no urban 低保')
  expect(upcomingValue(urban, '2022-12-15')).toMatchObject({ amountFen: 76000, effectiveFrom: '2023-01-01' })
  expect(upcomingValue(urban, '2023-01-01')).toBeNull()
  const on = valueOn(urban, '2023-03-01', pack2023.parameters)
  expect(on.ok && on.value.previous?.amountFen).toBe(66000)
  expect(on.ok && on.value.current.reference.docNumber).toBe('景府办字〔2023〕99号')
})

it('keeps the notice text out of the pack itself (phones download the pack)', () => {
  expect(JSON.stringify(pack2023)).not.toContain('测试用虚构通知，不是真实文件')
  expect(pack2023.sources.find((s) => s.textId === NOTICE_2023_TEXT_ID)?.kind).toBe('notice')
})

it('names the year of the standard used when it may be outdated, read from the data', () => {
  const household = { area: 'urban', householdSize: 3, monthlyIncomeFen: 150000, on: '2026-12-01' } as const
  const with2019 = assessDibao(pack2019, household)
  const with2023 = assessDibao(pack2023, household)
  expect(with2019.ok && with2019.value.outdatedNote).toMatch(/^本应用收录的最新标准是2019年的；/)
  expect(with2023.ok && with2023.value.outdatedNote).toMatch(/^本应用收录的最新标准是2023年的；/)
  const current = assessDibao(pack2023, { ...household, on: '2023-05-01' })
  expect(current.ok && current.value.outdatedNote).toBeNull()
})
