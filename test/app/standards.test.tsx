// 救助标准: the standards in force on a date, grouped, with last year's figure, dates and sources.
import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import StandardsPage from '../../src/pages/standards/index'
import { resetContentStoreForTests } from '../../src/services/content-store'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { pickerRange } from '../../src/components/shared/standard-format'
import { type ContentPack, todayInShanghai } from '../../src/domain'
import bundled from '../../src/generated/bundled-content.json'

function withParams(params: Record<string, string>) {
  Current.router = { params, path: '/pages/standards/index' } as unknown as typeof Current.router
}

const cardFor = (label: string) =>
  Array.from(document.querySelectorAll('.standard-card, .standards-not-yet')).find(
    (c) => c.querySelector('.standard-card__label')?.textContent === label,
  ) as HTMLElement

beforeEach(() => {
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  resetContentStoreForTests()
  resetElderStoreForTests()
  withParams({})
})

it("groups every standard, with this year's value beside last year's and the dates", () => {
  withParams({ on: '2019-07-01' })
  render(<StandardsPage />)
  expect(screen.getByText('2019年7月1日')).toBeTruthy()
  const titles = Array.from(document.querySelectorAll('.standards-group > .section-title')).map((t) => t.textContent)
  expect(titles).toEqual(['最低生活保障（低保）', '特困人员供养', '特困人员照料护理补助', '精简退职职工生活救济'])
  const urban = cardFor('城市居民最低生活保障标准')
  expect(within(urban).getByLabelText('660元每人每月')).toBeTruthy()
  expect(urban.textContent).toContain('比上年')
  expect(within(urban).getByLabelText('增加60元')).toBeTruthy()
  expect(urban.textContent).toContain('（上年600元/人/月）')
  expect(urban.textContent).toContain('执行期间：2019年1月1日起')
  expect(urban.textContent).toContain('公布日期：2019年6月28日')
  expect(urban.textContent).toContain('执行日期依据：文件写明的执行日期')
  // 照料护理 exists from 2019: in force on this date
  expect(within(cardFor('全失能特困人员照料护理补助标准')).getByLabelText('1200元每人每月')).toBeTruthy()
  expect(document.querySelectorAll('.standards-not-yet')).toHaveLength(0)
})

it('says when the effective date is assumed, and lists standards not yet set up on the date', () => {
  withParams({ on: '2018-06-01' })
  render(<StandardsPage />)
  const urban = cardFor('城市居民最低生活保障标准')
  expect(within(urban).getByLabelText('600元每人每月')).toBeTruthy()
  expect(urban.textContent).toContain('执行期间：2018年1月1日至2018年12月31日（起始日期为推定）')
  expect(urban.textContent).toContain('执行日期依据：推定的执行日期（文件未写明）')
  expect(urban.textContent).toContain('本资料按2018年1月1日起计')
  expect(urban.textContent).toContain('本资料没有收录更早的标准')
  const notYet = Array.from(document.querySelectorAll('.standards-not-yet'))
  expect(notYet).toHaveLength(2)
  for (const card of notYet) expect(card.textContent).toContain('该日期尚未设立')
})

it('before the earliest known date says so and shows no figures', () => {
  withParams({ on: '2017-03-01' })
  render(<StandardsPage />)
  const alert = screen.getByRole('alert')
  expect(alert.textContent).toContain('2017年3月1日早于本应用收录的最早标准（2018年1月1日起执行）')
  expect(document.querySelectorAll('.money-text')).toHaveLength(0)
  fireEvent.click(within(alert).getByRole('button', { name: '查看2018年1月1日的标准' }))
  expect(screen.getByText('2018年1月1日')).toBeTruthy()
  expect(document.querySelectorAll('.money-text').length).toBeGreaterThan(0)
})

it('an invalid ?on= falls back to today and says so', () => {
  withParams({ on: '2019-02-30' })
  render(<StandardsPage />)
  expect(screen.getByText('链接中的日期“2019-02-30”无效，已显示今天的标准。')).toBeTruthy()
  // today is years after the latest notice the data holds: its figures are the latest held, not today's
  expect(screen.getByText('本应用收录的最新标准（2019年1月1日起执行）')).toBeTruthy()
  expect(screen.queryByText('今天执行的标准')).toBeNull()
})

it('one tap from a figure to its source sentence', () => {
  withParams({ on: '2019-07-01' })
  const go = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  render(<StandardsPage />)
  fireEvent.click(within(cardFor('农村居民最低生活保障标准')).getByRole('link', { name: /景府办字〔2019〕35号 第（二）项/ }))
  expect(go).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-rural-standard' })
})

it('goes back to today from another date', () => {
  withParams({ on: '2018-06-01' })
  render(<StandardsPage />)
  expect(screen.getByText('所选日期执行的标准')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '回到今天' }))
  expect(screen.getByText('本应用收录的最新标准（2019年1月1日起执行）')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '回到今天' })).toBeNull()
})

it('the date picker spans the years the standards cover and this year, not 1990–2099', () => {
  const pack = bundled.pack as ContentPack
  const years = pack.parameters.flatMap((p) => p.values.map((v) => Number(v.effectiveFrom.slice(0, 4))))
  const thisYear = Number(todayInShanghai().slice(0, 4))
  render(<StandardsPage />)
  const picker = document.querySelector('taro-picker-core') as HTMLElement & { start?: string; end?: string }
  expect(picker).toBeTruthy()
  expect(picker.start ?? picker.getAttribute('start')).toBe(`${Math.min(...years, thisYear)}-01-01`)
  expect(picker.end ?? picker.getAttribute('end')).toBe(`${Math.max(...years, thisYear)}-12-31`)
  expect(pickerRange(pack.parameters, '2019-07-01')).toEqual({ start: `${Math.min(...years)}-01-01`, end: '2019-12-31' })
})
