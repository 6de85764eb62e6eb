// Every policy and the list against the content pack bundled into the app (the real useContent).
import { fireEvent, render, screen, within, cleanup } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack } from '../../src/domain'
import PoliciesPage from '../../src/pages/policies/index'
import PolicyDetail from '../../src/subpackages/policy/detail/index'
import { setToday } from './assess-fixtures'

const pack = bundled.pack as ContentPack

beforeEach(() => {
  setToday('2026-06-08')
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

it('lists every policy and the news', () => {
  render(<PoliciesPage />)
  const cards = screen.getAllByRole('link').filter((el) => el.classList.contains('policy-card'))
  expect(cards).toHaveLength(pack.policies.length)
  expect(within(screen.getByRole('list', { name: '政务动态' })).getAllByRole('listitem')).toHaveLength(pack.news.length)
})

it.each(pack.policies.map((p) => [p.id]))('policy %s renders its summary, milestones, full text and tables', (id) => {
  const policy = pack.policies.find((p) => p.id === id)!
  Current.router = { params: { id }, path: '/subpackages/policy/detail/index' } as unknown as typeof Current.router
  render(<PolicyDetail />)
  expect(screen.getByText(policy.summary)).toBeTruthy()
  expect(document.body.textContent).toContain(`文号：${policy.docNumber}`)
  if (policy.milestones.length > 0) {
    const timeline = screen.getByRole('list', { name: '时间节点' })
    const more = screen.queryByText(/^显示全部 \d+ 个时间节点$/)
    if (more) fireEvent.click(more)
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(policy.milestones.length)
    // every deadline in this 2019 gazette has passed by 2026: said in words
    for (const item of within(timeline).getAllByRole('listitem')) {
      // a start date (「新的…标准起执行」) is not a deadline: it has started, it is not overdue
      if (/起执行/.test(item.textContent ?? '')) {
        expect(item.textContent).toContain('已开始执行')
        expect(item.textContent).not.toMatch(/已到期|已过 \d+ 天/)
      } else expect(item.textContent).toMatch(/已到期，已过 \d+ 天|未到期，还有 \d+ 天|今天到期/)
    }
  }
  fireEvent.click(screen.getByText('全部展开'))
  const tableCount = policy.sections.reduce((n, s) => n + s.tables.length, 0)
  expect(screen.queryAllByRole('table')).toHaveLength(tableCount)
  for (const s of policy.sections) if (s.paragraphs[0]) expect(document.body.textContent).toContain(s.paragraphs[0])
  cleanup()
})
