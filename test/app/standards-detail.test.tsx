// 标准详情: description, value history, the exact source sentence with its document, and copy.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import DetailPage from '../../src/subpackages/standards/detail/index'
import { resetContentStoreForTests } from '../../src/services/content-store'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { at } from '../../harness/at'

function withParams(params: Record<string, string>) {
  Current.router = { params, path: '/subpackages/standards/detail/index' } as unknown as typeof Current.router
}

beforeEach(() => {
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  resetContentStoreForTests()
  resetElderStoreForTests()
})

it('shows the label, description and every period of the value history', () => {
  withParams({ id: 'dibao-urban-standard' })
  render(<DetailPage />)
  expect(screen.getByText('城市居民最低生活保障标准')).toBeTruthy()
  expect(screen.getByText(/城市低保家庭人均月收入低于这个标准/)).toBeTruthy()
  const periods = Array.from(document.querySelectorAll('.detail-period')) as HTMLElement[]
  expect(periods).toHaveLength(2)
  expect(at(periods, 0).textContent).toContain('2019年1月1日起')
  expect(within(at(periods, 0)).getByLabelText('660元每人每月')).toBeTruthy()
  expect(within(at(periods, 0)).getByLabelText('增加60元')).toBeTruthy()
  expect(at(periods, 0).textContent).toContain('文件写明的执行日期')
  expect(at(periods, 1).textContent).toContain('2018年1月1日至2018年12月31日')
  expect(within(at(periods, 1)).getByLabelText('600元每人每月')).toBeTruthy()
  expect(at(periods, 1).textContent).toContain('推定的执行日期（文件未写明）')
  expect(at(periods, 1).textContent).toContain('通知只写明这是“去年”（2018年）的标准')
})

it('quotes the exact sentence once, with document number, title, issuer, date and meeting', () => {
  withParams({ id: 'dibao-urban-standard' })
  render(<DetailPage />)
  const quotes = Array.from(document.querySelectorAll('.detail-quote')) as HTMLElement[]
  expect(quotes).toHaveLength(1)
  const q = at(quotes, 0)
  expect(q.querySelector('.quote')?.textContent).toBe(
    '“（一）城市居民最低生活保障标准增加60元，由去年的每人每月600元提高到660元，月人均补差水平增加30元，达到410元。”',
  )
  expect(q.textContent).toContain('文号：景府办字〔2019〕35号　第（一）项')
  expect(q.textContent).toContain('标题：景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知')
  expect(q.textContent).toContain('发文机关：景德镇市人民政府办公室')
  expect(q.textContent).toContain('印发日期：2019年6月28日')
  // the meeting approved the 2019 increase; the 2018 figure in the same sentence is not credited to it
  expect(q.textContent).toContain('审议通过：2019年6月21日市政府第51次常务会议（2019年1月1日起的标准）')
  const approvals = Array.from(q.querySelectorAll('.list-row')).filter((r) => r.textContent?.startsWith('审议通过'))
  expect(approvals.map((r) => r.textContent)).toEqual(['审议通过：2019年6月21日市政府第51次常务会议（2019年1月1日起的标准）'])
})

it('copies the sentence and says so on the page', async () => {
  withParams({ id: 'dibao-urban-standard' })
  const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => Promise.resolve({ errMsg: 'setClipboardData:ok' }) as never)
  render(<DetailPage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '复制这句原文' }))
  })
  expect(copy).toHaveBeenCalledWith({ data: expect.stringContaining('（一）城市居民最低生活保障标准增加60元') })
  expect(at(copy.mock.calls, 0)[0].data).toContain('景府办字〔2019〕35号')
  expect(screen.getByText('已复制，可以粘贴到微信聊天中')).toBeTruthy()
})

it("links to the sentence in the policy's full text", () => {
  withParams({ id: 'dibao-urban-standard' })
  const go = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  render(<DetailPage />)
  const link = screen.getByRole('link', { name: /^全文：景府办字〔2019〕35号/ })
  // one action, said once: 「… 第（一）项 在全文中查看 ›」, never 「在全文中查看 查看原文 ›」
  expect(link.textContent).toBe('全文：景府办字〔2019〕35号 第（一）项 在全文中查看 ›')
  fireEvent.click(link)
  expect(go).toHaveBeenCalledWith({ url: '/subpackages/policy/detail/index?id=relief-standards-2019&section=s2' })
})

it('shows how a derived figure was read', () => {
  withParams({ id: 'dibao-urban-average-topup' })
  render(<DetailPage />)
  expect(screen.getByText(/由此推得去年为410−30=380元/)).toBeTruthy()
})

it('an unknown id says so, with a way back', () => {
  withParams({ id: 'no-such-standard' })
  const tab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve() as never)
  render(<DetailPage />)
  const alert = screen.getByRole('alert')
  expect(alert.textContent).toContain('没有找到这项救助标准')
  fireEvent.click(within(alert).getByRole('button', { name: '查看全部救助标准' }))
  expect(tab).toHaveBeenCalledWith({ url: '/pages/standards/index' })
})

it('heads the current figure as the latest the app holds, not as today’s, years after the notice', () => {
  withParams({ id: 'dibao-urban-standard' })
  render(<DetailPage />)
  expect(document.querySelector('.detail-now__title')?.textContent).toBe('本应用收录的最新标准（2019年1月1日起执行）')
})
