import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import CommunityPage from '../../src/subpackages/community/index'
import { setPack, setToday, testPack, typeInto } from './assess-fixtures'
import { at } from '../../harness/at'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

beforeEach(() => {
  Taro.clearStorageSync()
  setPack(testPack())
  setToday('2019-07-01')
  Current.router = { params: {}, path: '/subpackages/community/index' } as unknown as typeof Current.router
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

it('the neighbour estimate shows its result inline and writes nothing to storage', () => {
  const { container } = render(<CommunityPage />)
  const setItem = jest.spyOn(Storage.prototype, 'setItem')
  const setSync = jest.spyOn(Taro, 'setStorageSync')
  const setAsync = jest.spyOn(Taro, 'setStorage')
  const estimate = container.querySelector('#community-estimate') as HTMLElement
  fireEvent.click(within(estimate).getByRole('radio', { name: /^城市/ }))
  typeInto(estimate, /^家庭人口/, '3')
  typeInto(estimate, /^家庭月收入/, '1500')
  fireEvent.click(within(estimate).getByText('计算'))
  expect((container.querySelector('#community-result') as HTMLElement).textContent).toMatch(/每月约\s*480\s*元/)
  expect(setItem).not.toHaveBeenCalled()
  expect(setSync).not.toHaveBeenCalled()
  expect(setAsync).not.toHaveBeenCalled()
  expect(window.localStorage.length).toBe(0)
  // and no "remember" option is offered here
  expect(within(estimate).queryByText(/记住我的填写/)).toBeNull()
})

it('copies a question with its answer and source', async () => {
  const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => Promise.resolve() as never)
  render(<CommunityPage />)
  fireEvent.click(screen.getByRole('button', { name: '复制问答：2019年城市低保标准是多少？' }))
  // on h5 the one copy button copies the answer with a link to it
  expect(at(copy.mock.calls, 0)[0].data).toMatch(
    /^问：2019年城市低保标准是多少？\n答：每人每月660元，从2019年1月1日起执行。\n依据：景府办字〔2019〕35号 第（一）项\n\S+\/subpackages\/community\/index\?faq=/,
  )
  expect(await screen.findByText('已复制')).toBeTruthy()
  // one copy button per answer, not two near-identical ones
  expect(screen.queryAllByRole('button', { name: /复制分享内容/ })).toEqual([])
  expect(screen.getAllByRole('button', { name: /^复制问答：低保到哪里申请/ })).toHaveLength(1)
  fireEvent.click(screen.getByRole('button', { name: /^复制问答：低保到哪里申请/ }))
  expect(at(copy.mock.calls, 1)[0].data).toContain('依据：《社会救助暂行办法》（国务院令第649号）')
  expect(at(copy.mock.calls, 1)[0].data).toContain('/subpackages/community/index?faq=who-applies')
  await waitFor(() =>
    expect(
      screen
        .getAllByRole('button', { name: /复制问答/ })
        .map((b) => b.textContent)
        .filter((t) => t !== '复制问答'),
    ).toEqual(['已复制', '已复制']),
  )
})

it('shows every standard in force on one table with last year and the change', () => {
  render(<CommunityPage />)
  const table = screen.getByRole('table', { name: '救助标准一览' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['名称', '今年', '去年', '变化', '条款'])
  const rows = within(table).getAllByRole('row').slice(1)
  expect(rows).toHaveLength(11)
  // every column is in every row, each figure after its column's name (a card, no hidden column)
  expect(at(rows, 0).textContent).toBe('城市低保今年660元去年600元变化+60元条款第（一）项 ›')
  expect(rows.every((r) => within(r).getAllByRole('cell').length === 4)).toBe(true)
  // no sideways scrolling: the table is not inside a horizontal scroller any more
  expect(table.closest('taro-scroll-view-core')).toBeNull()
  expect(document.body.textContent).toContain('均出自景府办字〔2019〕35号')
  const care = rows.find((r) => r.textContent?.startsWith('全失能照料护理')) as HTMLElement
  // the data has no earlier figure: it does not say there was none
  expect(care.textContent).toContain('—（本资料无）')
  expect(care.textContent).not.toContain('新设')
  expect(document.body.textContent).toContain('今天（2019年7月1日）执行的标准，单位：元/人/月。现行标准自2019年1月1日起执行')
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(at(rows, 0))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })
})

it('years later, the columns name the years and the data may be outdated', () => {
  setToday('2026-06-08')
  render(<CommunityPage />)
  const table = screen.getByRole('table', { name: '救助标准一览' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['名称', '2019年起', '调整前', '变化', '条款'])
  expect(document.body.textContent).toContain('本应用收录的最新标准是2019年的')
  expect(document.body.textContent).toContain('本应用收录的最新标准（2019年1月1日起执行），单位：元/人/月。均出自景府办字〔2019〕35号。')
  expect(document.body.textContent).not.toMatch(/今天（|现行/)
})

it('without FAQ content says so', () => {
  setPack(testPack({ faq: [] }))
  render(<CommunityPage />)
  expect(screen.getByText('暂时还没有常见问题')).toBeTruthy()
})
