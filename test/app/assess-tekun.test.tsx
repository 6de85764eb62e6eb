import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TekunPage from '../../src/subpackages/assess/tekun/index'
import { TEKUN_ANSWERS_KEY } from '../../src/services/storage-keys'
import { setToday, typeInto } from './assess-fixtures'
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

const choose = (name: RegExp) => fireEvent.click(screen.getByRole('radio', { name }))
const next = () => fireEvent.click(screen.getByText('下一步'))
const result = (container: HTMLElement) => container.querySelector('#tekun-result') as HTMLElement

it('a 70-year-old in the city, 全失能, no income, no supporter → 850 + 1200 = 2050 元', () => {
  const { container } = render(<TekunPage />)
  choose(/^城市/)
  typeInto(container, /^本人年龄/, '70')
  // 60周岁以上 settles work capacity: the question is not asked
  expect(screen.queryByText('本人有劳动能力吗？')).toBeNull()
  next()
  typeInto(container, /^本人每月收入/, '0')
  choose(/^没有/)
  next()
  choose(/^全失能/)
  fireEvent.click(screen.getByText('计算'))
  const box = result(container)
  expect(box.textContent).toMatch(/每月约\s*2050\s*元/)
  expect(box.textContent).toContain('基本生活供养 850 元 + 照料护理补助 1200 元 = 2050 元')
  expect(box.textContent).toContain('无劳动能力：符合')
  expect(box.textContent).toContain('按2019年1月1日起执行的标准计算')
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  const links = within(box).getAllByRole('link', { name: /景府办字〔2019〕35号/ })
  fireEvent.click(at(links, 0))
  fireEvent.click(at(links, 1))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=tekun-urban-support' })
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=care-fully-disabled' })
})

it('rural 分散供养, semi-disabled', () => {
  const { container } = render(<TekunPage />)
  choose(/^农村/)
  choose(/^分散供养/)
  typeInto(container, /^本人年龄/, '65')
  next()
  typeInto(container, /^本人每月收入/, '100')
  choose(/^没有/)
  next()
  choose(/^半失能/)
  fireEvent.click(screen.getByText('计算'))
  expect(result(container).textContent).toContain('基本生活供养 400 元 + 照料护理补助 300 元 = 700 元')
  expect(result(container).textContent).toContain('符合：您没有法定义务人，或者义务人没有能力赡养（抚养、扶养）您')
  expect(result(container).textContent).not.toContain('没有有能力')
})

it('someone with a capable supporter gets the alternatives, not a flat no', () => {
  const { container } = render(<TekunPage />)
  choose(/^城市/)
  typeInto(container, /^本人年龄/, '45')
  choose(/^没有劳动能力/)
  next()
  typeInto(container, /^本人每月收入/, '0')
  choose(/^有，/)
  next()
  choose(/^能自理/)
  fireEvent.click(screen.getByText('计算'))
  const box = result(container)
  expect(box.textContent).toContain('三个条件还没有同时符合')
  expect(box.textContent).toContain('无法定义务人或义务人无能力：不符合')
  // said plainly, without a double negative
  expect(box.textContent).toContain('不符合：您有法定义务人，且义务人有能力赡养（抚养、扶养）您')
  expect(box.textContent).not.toContain('没有有能力')
  expect(box.textContent).toContain('还可以试试这些帮助')
  expect(box.textContent).toContain('低保自测')
})

it('validates each step next to its fields before moving on', () => {
  const { container } = render(<TekunPage />)
  choose(/^农村/)
  typeInto(container, /^本人年龄/, '200')
  next()
  expect(within(container.querySelector('#tekun-care') as HTMLElement).getByRole('alert').textContent).toContain('请选择集中供养或分散供养')
  expect(within(container.querySelector('#tekun-age') as HTMLElement).getByRole('alert').textContent).toContain('年龄应在 0 到 130 之间')
  expect(screen.queryByText('本人每月收入')).toBeNull()
  choose(/^集中供养/)
  typeInto(container, /^本人年龄/, '30')
  next()
  expect(within(container.querySelector('#tekun-canWork') as HTMLElement).getByRole('alert').textContent).toContain('请选择是否有劳动能力')
})

it('remembers the answers only when chosen, and clears them', () => {
  const { container, unmount } = render(<TekunPage />)
  choose(/^城市/)
  typeInto(container, /^本人年龄/, '70')
  next()
  typeInto(container, /^本人每月收入/, '0')
  choose(/^没有/)
  next()
  choose(/^全失能/)
  fireEvent.click(screen.getByText('计算'))
  expect(Taro.getStorageSync(TEKUN_ANSWERS_KEY)).toBe('')
  fireEvent.click(screen.getByText(/记住我的填写/))
  expect(Taro.getStorageSync(TEKUN_ANSWERS_KEY)).toMatchObject({ v: 1, answers: { area: 'urban', age: '70', selfCare: 'full' } })
  unmount()

  render(<TekunPage />)
  expect(screen.getByText('已填好您上次保存的内容。')).toBeTruthy()
  expect(screen.getByRole('radio', { name: /^城市/ }).getAttribute('aria-checked')).toBe('true')
  next()
  next()
  fireEvent.click(screen.getByText('清除已保存的填写'))
  expect(Taro.getStorageSync(TEKUN_ANSWERS_KEY)).toBe('')
  expect(screen.getByRole('radio', { name: /^城市/ }).getAttribute('aria-checked')).toBe('false')
})
