// The heading over the standards shown for a date: "today's" only while the data may be current,
// else "the latest the app holds", with the year read from the data (a newer notice moves it).
import { type ContentPack, outdatedFrom, standardsHeading } from '../../src/domain'
import bundled from '../../src/generated/bundled-content.json'
import { packWithNotice2023 } from '../fixtures/content/with-notice-2023'

const real = (bundled as unknown as { pack: ContentPack }).pack

it.each<[string, ContentPack, string, string, string]>([
  ['2019 data, a 2019 day', real, '2019-07-01', '2019-07-01', '今天（2019年7月1日）执行的标准'],
  ['2019 data, the last day before the outdated rule', real, '2019-12-31', '2019-12-31', '今天（2019年12月31日）执行的标准'],
  ['2019 data, from the outdated rule on', real, '2020-01-01', '2020-01-01', '本应用收录的最新标准（2019年1月1日起执行）'],
  ['2019 data, years later', real, '2026-12-02', '2026-12-02', '本应用收录的最新标准（2019年1月1日起执行）'],
  ['2019 data, a chosen past date', real, '2018-06-01', '2026-12-02', '2018年6月1日执行的标准'],
  ['with a 2023 notice, a 2023 day', packWithNotice2023(), '2023-05-01', '2023-05-01', '今天（2023年5月1日）执行的标准'],
  ['with a 2023 notice, years later', packWithNotice2023(), '2026-12-02', '2026-12-02', '本应用收录的最新标准（2023年1月1日起执行）'],
])('%s', (_case, pack, date, today, heading) => {
  expect(standardsHeading(pack.parameters, date, today)).toBe(heading)
})

it('follows the one outdated rule of src/domain/parameters.ts', () => {
  const from = outdatedFrom(real.parameters)
  expect(from).toBe('2020-01-01')
  expect(standardsHeading(real.parameters, from as string, from as string)).toMatch(/^本应用收录的最新标准/)
})

it('leaves the date out when the page prints it next to the heading', () => {
  expect(standardsHeading(real.parameters, '2019-07-01', '2019-07-01', { dateShownNearby: true })).toBe('今天执行的标准')
  expect(standardsHeading(real.parameters, '2018-06-01', '2019-07-01', { dateShownNearby: true })).toBe('所选日期执行的标准')
})
