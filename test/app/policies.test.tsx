import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PoliciesPage from '../../src/pages/policies/index'
import { setPack, testPack, typeInto } from './assess-fixtures'
import { at } from '../../harness/at'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

beforeEach(() => setPack(testPack()))
afterEach(() => jest.restoreAllMocks())

const cards = () => screen.getAllByRole('link').filter((el) => el.classList.contains('policy-card'))

it('lists the policies newest first, with 文号, date and summary', () => {
  render(<PoliciesPage />)
  const list = cards()
  expect(list).toHaveLength(2)
  expect(at(list, 0).textContent).toContain('景府办字〔2019〕35号 · 2019年6月28日')
  expect(at(list, 1).textContent).toContain('景府字〔2019〕16号 · 2019年6月6日')
  expect(at(list, 1).textContent).toContain('让群众办事少跑腿')
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(at(list, 1))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/policy/detail/index?id=fangguanfu-2019' })
})

it('filters by topic and by words in the title, summary or 文号', () => {
  const { container } = render(<PoliciesPage />)
  fireEvent.click(screen.getByRole('radio', { name: /^社会救助/ }))
  expect(cards()).toHaveLength(1)
  expect(at(cards(), 0).textContent).toContain('救助标准')
  fireEvent.click(screen.getByRole('radio', { name: /^全部/ }))
  typeInto(container, /搜索政策/, '16号')
  expect(cards()).toHaveLength(1)
  expect(at(cards(), 0).textContent).toContain('放管服')
  typeInto(container, /搜索政策/, '没有这个词')
  expect(screen.getByText('没有找到符合条件的政策')).toBeTruthy()
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(screen.getByRole('link', { name: /在全部内容中搜索/ }))
  expect(navigate).toHaveBeenCalledWith({ url: `/subpackages/search/index?q=${encodeURIComponent('没有这个词')}` })
  fireEvent.click(screen.getByText('清除筛选'))
  expect(cards()).toHaveLength(2)
})

it('shows the 政务动态 in their own section, expandable', () => {
  render(<PoliciesPage />)
  const news = screen.getByRole('list', { name: '政务动态' })
  expect(within(news).getByText('市政府召开第51次常务会议')).toBeTruthy()
  expect(news.textContent).not.toContain('会议还研究了其他事项')
  fireEvent.click(within(news).getByRole('button', { name: /第51次常务会议/ }))
  expect(news.textContent).toContain('会议还研究了其他事项')
})

it('says so when there are no policies yet', () => {
  setPack(testPack({ policies: [], news: [] }))
  render(<PoliciesPage />)
  expect(screen.getByText('暂时还没有政策解读')).toBeTruthy()
})
