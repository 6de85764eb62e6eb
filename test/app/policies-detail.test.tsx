import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import PolicyDetail from '../../src/subpackages/policy/detail/index'
import { milestoneStatus } from '../../src/components/policy/milestone-status'
import { setPack, setToday, testPack } from './assess-fixtures'
import { at } from '../../harness/at'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

function open(params: Record<string, string>) {
  Current.router = { params, path: '/subpackages/policy/detail/index' } as unknown as typeof Current.router
  return render(<PolicyDetail />)
}

beforeEach(() => {
  setPack(testPack())
  setToday('2019-12-19')
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

it('computes passed and upcoming in whole days against today', () => {
  expect(milestoneStatus('2019-06-30', '2026-06-08')).toEqual({ state: 'passed', days: 2535, label: '已过 2535 天' })
  expect(milestoneStatus('2019-12-31', '2019-12-19')).toEqual({ state: 'upcoming', days: 12, label: '还有 12 天' })
  expect(milestoneStatus('2019-12-31', '2019-12-31').label).toBe('就是今天')
})

it('shows the header, summary first, key points by kind and the milestones in words', () => {
  open({ id: 'fangguanfu-2019' })
  const text = document.body.textContent ?? ''
  expect(text).toContain('文号：景府字〔2019〕16号')
  expect(text).toContain('发文机关：景德镇市人民政府')
  expect(text).toContain('印发日期：2019年6月6日')
  expect(text).toContain('公开属性：此件主动公开')
  expect(text.indexOf('一句话看懂')).toBeLessThan(text.indexOf('要点'))
  for (const group of ['与我有关', '谁负责', '什么时候', '做什么']) expect(screen.getByRole('list', { name: group })).toBeTruthy()
  const timeline = screen.getByRole('list', { name: '时间节点' })
  const items = within(timeline).getAllByRole('listitem')
  expect(at(items, 0).textContent).toContain('2019年6月30日')
  expect(at(items, 0).textContent).toContain('已到期，已过 172 天')
  expect(at(items, 0).textContent).toContain('原文：“6月底前公布“一次不跑”事项清单”')
  expect(at(items, 0).textContent).toContain('责任单位：市行政审批局')
  expect(at(items, 1).textContent).toContain('未到期，还有 12 天')
  expect(text).toContain('共 2 个时间节点，其中 1 个未到期；按今天（2019年12月19日）计算')
})

it('renders the full text by section with real tables, and copies a paragraph', async () => {
  const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => Promise.resolve() as never)
  open({ id: 'fangguanfu-2019' })
  expect(screen.queryByRole('table')).toBeNull()
  fireEvent.click(screen.getByText('全部展开'))
  expect(screen.getByText('现将若干措施印发给你们，请认真贯彻执行。')).toBeTruthy()
  const table = screen.getByRole('table', { name: '附件1 任务分工表' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent),
  ).toEqual(['任务', '责任单位', '完成时限'])
  expect(
    within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['公布事项清单', '市行政审批局', '2019年6月底'])
  fireEvent.click(screen.getByRole('button', { name: /复制这一段：现将若干措施/ }))
  expect(copy).toHaveBeenCalledWith({ data: '现将若干措施印发给你们，请认真贯彻执行。（景府字〔2019〕16号）' })
  expect(await screen.findByText('已复制')).toBeTruthy()
})

it('?section= opens that section and scrolls to it', () => {
  const scroll = Taro.pageScrollTo as unknown as jest.Mock
  jest.useRealTimers()
  jest.useFakeTimers()
  open({ id: 'fangguanfu-2019', section: 'measures' })
  expect(screen.getByRole('table')).toBeTruthy()
  expect(screen.queryByText('现将若干措施印发给你们，请认真贯彻执行。')).toBeNull()
  jest.runAllTimers()
  expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '#policy-section-measures' }))
})

it('on h5 copies the link and the summary', async () => {
  const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => Promise.resolve() as never)
  open({ id: 'fangguanfu-2019' })
  fireEvent.click(screen.getByRole('button', { name: '复制这份政策的链接' }))
  expect(at(copy.mock.calls, 0)[0].data).toContain('/subpackages/policy/detail/index?id=fangguanfu-2019')
  fireEvent.click(screen.getByRole('button', { name: '复制这份政策的摘要' }))
  expect(at(copy.mock.calls, 1)[0].data).toContain('让群众办事少跑腿')
  await waitFor(() => expect(screen.getAllByText('已复制')).toHaveLength(2))
})

it('an unknown id shows a clear not-found state with a way back', () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve() as never)
  open({ id: 'no-such-policy' })
  expect(screen.getByText('没有找到这份政策文件')).toBeTruthy()
  fireEvent.click(screen.getByText('返回政策列表'))
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/policies/index' })
})
