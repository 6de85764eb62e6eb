// The community page against the content pack bundled into the app (the real useContent).
import { render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack } from '../../src/domain'
import CommunityPage from '../../src/subpackages/community/index'
import { setToday } from './assess-fixtures'
import { at } from '../../harness/at'

const pack = bundled.pack as ContentPack

beforeEach(() => {
  setToday('2019-07-01')
  Current.router = { params: {}, path: '/subpackages/community/index' } as unknown as typeof Current.router
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

it('shows every answer with its basis and every standard in force', () => {
  render(<CommunityPage />)
  for (const f of pack.faq) {
    const item = document.getElementById(`faq-${f.id}`) as HTMLElement
    expect(item.textContent).toContain(f.question)
    expect(within(item).getAllByRole('link').length).toBeGreaterThan(0)
    expect(within(item).getByRole('button', { name: `复制问答：${f.question}` })).toBeTruthy()
  }
  const table = screen.getByRole('table', { name: '救助标准一览' })
  expect(within(table).getAllByRole('row')).toHaveLength(pack.parameters.length + 1)
})

it('copies an answer with its source documents, without repeating a document', () => {
  const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => new Promise(() => undefined) as never)
  render(<CommunityPage />)
  const first = at(pack.faq, 0)
  screen.getByRole('button', { name: `复制问答：${first.question}` }).click()
  const text: string = at(copy.mock.calls, 0)[0].data
  expect(text.startsWith(`问：${first.question}\n答：${first.answer}\n依据：`)).toBe(true)
  const basis = at(text.split('依据：'), 1)
  const docs = basis.match(/景府办字〔2019〕35号/g) ?? []
  expect(docs.length).toBeLessThanOrEqual(1)
})
