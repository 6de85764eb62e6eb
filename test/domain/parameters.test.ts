import bundled from '../../src/generated/bundled-content.json'
import { type ContentPack, standardsOn, valueOn, findParameter } from '../../src/domain'

const pack = bundled.pack as ContentPack

// OpenFisca-style table: parameter, date, expected amount in 元 (null = no value known on that date)
const table: Array<[string, string, number | null]> = [
  ['dibao-urban-standard', '2017-12-31', null],
  ['dibao-urban-standard', '2018-01-01', 600],
  ['dibao-urban-standard', '2018-12-31', 600],
  ['dibao-urban-standard', '2019-01-01', 660],
  ['dibao-urban-standard', '2026-11-29', 660],
  ['dibao-urban-average-topup', '2018-06-01', 380],
  ['dibao-urban-average-topup', '2019-01-01', 410],
  ['dibao-rural-standard', '2017-12-31', null],
  ['dibao-rural-standard', '2018-12-31', 360],
  ['dibao-rural-standard', '2019-01-01', 400],
  ['dibao-rural-average-topup', '2018-12-31', 255],
  ['dibao-rural-average-topup', '2019-01-01', 285],
  ['tekun-urban-support', '2017-12-31', null],
  ['tekun-urban-support', '2018-12-31', 800],
  ['tekun-urban-support', '2019-01-01', 850],
  ['tekun-rural-centralized', '2018-12-31', 455],
  ['tekun-rural-centralized', '2019-01-01', 505],
  ['tekun-rural-dispersed', '2018-12-31', 360],
  ['tekun-rural-dispersed', '2019-01-01', 400],
  ['care-semi-disabled', '2018-12-31', null],
  ['care-semi-disabled', '2019-01-01', 300],
  ['care-fully-disabled', '2018-12-31', null],
  ['care-fully-disabled', '2019-01-01', 1200],
  ['jingjian-urban', '2017-12-31', null],
  ['jingjian-urban', '2018-12-31', 425],
  ['jingjian-urban', '2019-01-01', 455],
  ['jingjian-rural', '2018-12-31', 385],
  ['jingjian-rural', '2019-01-01', 415],
]

describe.each(table)('%s on %s', (id, date, expectedYuan) => {
  it(expectedYuan === null ? 'has no value (typed error)' : `is ${expectedYuan} 元`, () => {
    const parameter = findParameter(pack.parameters, id)
    expect(parameter).toBeDefined()
    const result = valueOn(parameter!, date)
    if (expectedYuan === null) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatchObject({ code: 'before_first_value', field: 'on' })
    } else {
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.value.current.amountFen).toBe(expectedYuan * 100)
    }
  })
})

it('reports the previous value and the change', () => {
  const result = valueOn(findParameter(pack.parameters, 'dibao-urban-standard')!, '2019-07-01')
  expect(result.ok && result.value.previous?.amountFen).toBe(60000)
  expect(result.ok && result.value.changeFen).toBe(6000)
  expect(result.ok && result.value.current.reference.docNumber).toBe('景府办字〔2019〕35号')
})

it('lists every parameter in force on a date and refuses a date before all of them', () => {
  const on2019 = standardsOn(pack.parameters, '2019-03-01')
  expect(on2019.ok && on2019.value.inForce).toHaveLength(11)
  const on2018 = standardsOn(pack.parameters, '2018-03-01')
  expect(on2018.ok && on2018.value.notYetInForce.map((p) => p.id)).toEqual(['care-semi-disabled', 'care-fully-disabled'])
  const before = standardsOn(pack.parameters, '2017-05-01')
  expect(before.ok).toBe(false)
  expect(!before.ok && before.error.code).toBe('before_first_value')
  const invalid = standardsOn(pack.parameters, '2019-02-30')
  expect(!invalid.ok && invalid.error).toMatchObject({ code: 'invalid_input', field: 'on' })
})
