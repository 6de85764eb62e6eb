import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DibaoPage from '../../src/subpackages/assess/dibao/index'
import { DIBAO_ANSWERS_KEY } from '../../src/services/storage-keys'
import { assessDibao } from '../../src/domain'
import { mockContent, setToday, typeInto } from './assess-fixtures'
import { at } from '../../harness/at'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

beforeEach(() => {
  Taro.clearStorageSync()
  setToday('2019-07-01')
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

function fill(container: HTMLElement, area: '城市' | '农村', size: string, income: string) {
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${area}`) }))
  typeInto(container, /^家庭人口/, size)
  typeInto(container, /^家庭月收入/, income)
}

const result = (container: HTMLElement) => container.querySelector('#dibao-result') as HTMLElement

it('urban, 3 people, 1500 元 → 每月约 480 元, with the calculation and its sources', () => {
  const request = jest.spyOn(Taro, 'request')
  const { container } = render(<DibaoPage />)
  // the whole form: one choice, two numbers, one button (≤ 4 inputs for an older person)
  expect(container.querySelectorAll('taro-input-core')).toHaveLength(2)
  fill(container, '城市', '3', '1500')
  fireEvent.click(screen.getByText('计算'))
  const box = result(container)
  expect(box.textContent).toMatch(/每月约\s*480\s*元/)
  expect(box.textContent).toContain('按2019年1月1日起执行的标准计算')
  expect(box.textContent).toContain('1500 ÷ 3 = 500 元')
  expect(box.textContent).toContain('660 × 3 − 1500 = 480 元')
  expect(box.textContent).not.toContain('可能已有更新的标准')
  // the city notice's figure links to the standard's page
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(within(box).getByRole('link', { name: /景府办字〔2019〕35号/ }))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })
  // a national regulation shows the gist of its article inline
  const law = at(within(box).getAllByRole('button', { name: /社会救助暂行办法》第九条/ }), 0)
  fireEvent.click(law)
  expect(box.textContent).toContain('条文大意')
  // where to apply, with the materials, links into the service guide
  expect(box.textContent).toContain('居民身份证（原件和复印件各1份）')
  fireEvent.click(within(box).getByRole('link', { name: '查看办事指南：最低生活保障申请' }))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/service/detail/index?id=dibao-application' })
  // nothing about the household was sent anywhere
  expect(request).not.toHaveBeenCalled()
})

it('rural, 4 people, 1700 元 → above the standard, with alternatives instead of a flat no', () => {
  const { container } = render(<DibaoPage />)
  fill(container, '农村', '4', '1700')
  fireEvent.click(screen.getByText('计算'))
  const box = result(container)
  expect(box.textContent).toContain('暂不符合低保的收入条件')
  expect(box.textContent).toContain('家庭人均月收入约 425 元，高于农村低保标准 400 元/人/月')
  expect(box.textContent).toContain('还可以试试这些帮助')
  expect(box.textContent).toContain('临时救助')
  expect(box.textContent).not.toMatch(/每月约/)
})

it('income exactly at the standard is not below it', () => {
  const { container } = render(<DibaoPage />)
  fill(container, '城市', '2', '1320')
  fireEvent.click(screen.getByText('计算'))
  expect(result(container).textContent).toContain('等于城市低保标准 660 元/人/月')
})

it('shows each validation message next to its own field and no result', () => {
  const { container } = render(<DibaoPage />)
  typeInto(container, /^家庭人口/, '0')
  fireEvent.click(screen.getByText('计算'))
  const areaField = container.querySelector('#dibao-area') as HTMLElement
  const sizeField = container.querySelector('#dibao-householdSize') as HTMLElement
  const incomeField = container.querySelector('#dibao-monthlyIncome') as HTMLElement
  expect(within(areaField).getByRole('alert').textContent).toContain('请选择城市或农村')
  expect(within(sizeField).getByRole('alert').textContent).toContain('家庭人口应在 1 到 20 之间')
  expect(within(incomeField).getByRole('alert').textContent).toContain('请填写家庭月收入（元），没有收入请填 0')
  expect(result(container).textContent).toBe('')
  // fixing a field clears its message
  typeInto(container, /^家庭人口/, '2')
  expect(within(sizeField).queryByRole('alert')).toBeNull()
})

it('a date long after the latest standard says newer standards may exist', () => {
  setToday('2026-03-01')
  const { container } = render(<DibaoPage />)
  fill(container, '城市', '1', '0')
  fireEvent.click(screen.getByText('计算'))
  const box = result(container)
  expect(box.textContent).toMatch(/每月约\s*660\s*元/)
  expect(box.textContent).toContain('可能已有更新的标准')
  expect(box.textContent).toContain('测算日期：2026年3月1日')
  // the outdated note and every caveat of the rules are shown: none is dropped by matching its text
  const rules = assessDibao(mockContent().pack, { area: 'urban', householdSize: 1, monthlyIncomeFen: 0, on: '2026-03-01' })
  if (!rules.ok) throw new Error(rules.error.message)
  expect(rules.value.outdatedNote).not.toBeNull()
  for (const note of [rules.value.outdatedNote, ...rules.value.caveats]) expect(box.textContent).toContain(note)
})

it('keeps the answers only when 记住我的填写 is ticked, and clears them', () => {
  const first = render(<DibaoPage />)
  fill(first.container, '城市', '3', '1500')
  fireEvent.click(screen.getByText('计算'))
  expect(Taro.getStorageSync(DIBAO_ANSWERS_KEY)).toBe('')
  first.unmount()

  const second = render(<DibaoPage />)
  expect(second.container.querySelector('taro-input-core[aria-label^="家庭人口"]')?.getAttribute('value')).toBe('')
  fill(second.container, '城市', '3', '1500')
  fireEvent.click(screen.getByText(/记住我的填写/))
  fireEvent.click(screen.getByText('计算'))
  expect(Taro.getStorageSync(DIBAO_ANSWERS_KEY)).toEqual({ v: 1, answers: { area: 'urban', householdSize: '3', monthlyIncome: '1500' } })
  second.unmount()

  const third = render(<DibaoPage />)
  expect(screen.getByRole('radio', { name: /^城市/ }).getAttribute('aria-checked')).toBe('true')
  expect(third.container.querySelector('taro-input-core[aria-label^="家庭月收入"]')?.getAttribute('value')).toBe('1500')
  fireEvent.click(screen.getByText('计算'))
  expect(result(third.container).textContent).toMatch(/每月约\s*480\s*元/)
  act(() => {
    fireEvent.click(screen.getByText('清除已保存的填写'))
  })
  expect(Taro.getStorageSync(DIBAO_ANSWERS_KEY)).toBe('')
  expect(third.container.querySelector('taro-input-core[aria-label^="家庭月收入"]')?.getAttribute('value')).toBe('')
  expect(result(third.container).textContent).toBe('')
})

it('ignores a damaged saved entry', () => {
  Taro.setStorageSync(DIBAO_ANSWERS_KEY, { v: 1, answers: { area: 'mars', householdSize: 3 } })
  render(<DibaoPage />)
  expect(screen.getByRole('radio', { name: /^城市/ }).getAttribute('aria-checked')).toBe('false')
  expect(screen.queryByText('清除已保存的填写')).toBeNull()
})
