// 搜索: offline search over the pack, grouped results with text highlights, navigation by kind,
// recent searches kept on the phone, ?q= pre-fill, one index per pack version.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import * as searchModule from '../../src/domain/search'
import SearchPage from '../../src/subpackages/search/index'
import { resetContentStoreForTests } from '../../src/services/content-store'
import { resetSearchIndexForTests } from '../../src/hooks/use-search-index'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { loadRecentSearches, rememberSearch } from '../../src/services/recent-searches'
import { RECENT_SEARCHES_KEY } from '../../src/services/storage-keys'
import { at } from '../../harness/at'

function withParams(params: Record<string, string>) {
  Current.router = { params, path: '/subpackages/search/index' } as unknown as typeof Current.router
}

function type(value: string) {
  const input = document.querySelector('taro-input-core')
  if (!input) throw new Error('no search input')
  expect(input.getAttribute('aria-label')).toBe('搜索关键词')
  fireEvent(input, new CustomEvent('input', { detail: { value } }))
}

const results = () => Array.from(document.querySelectorAll('.search-result')) as HTMLElement[]

async function renderReady() {
  const view = render(<SearchPage />)
  // a boolean, not the element: printing a DOM node with its React fiber on every retry is slow
  await waitFor(() => expect(document.querySelector('.loading-state') === null).toBe(true), { timeout: 10_000 })
  return view
}

// Under jsdom a taro-input-core has no inner <input>, so Stencil logs when React sets its value.
// Drop exactly that noise; anything else still reaches the console.
const realError = console.error
function quietInputNoise() {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ')
    if (text.includes('taro-input-core')) return
    realError(...args)
  })
}

beforeEach(() => {
  jest.restoreAllMocks()
  quietInputNoise()
  Taro.clearStorageSync()
  resetContentStoreForTests()
  resetElderStoreForTests()
  withParams({})
})

it('?q= pre-fills, and results are grouped by kind with highlights as text', async () => {
  withParams({ q: encodeURIComponent('低保标准') })
  await renderReady()
  const groups = Array.from(document.querySelectorAll('.search-group > .section-title')).map((t) => t.textContent ?? '')
  expect(groups[0]).toMatch(/^救助标准（\d+）$/)
  expect(groups.some((g) => g.startsWith('常见问答'))).toBe(true)
  const first = at(results(), 0)
  expect(first.textContent).toContain('城市居民最低生活保障标准')
  // highlights are spans of text, never markup from the content
  const marks = Array.from(document.querySelectorAll('.search-result .hl'))
  expect(marks.length).toBeGreaterThan(0)
  expect(marks.every((m) => m.children.length === 0)).toBe(true)
  expect(loadRecentSearches()).toEqual(['低保标准'])
})

it('opens each kind of result in the right page', async () => {
  const go = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  await renderReady()
  type('城市低保')
  fireEvent.click(results().find((r) => r.textContent?.includes('城市居民最低生活保障标准'))!)
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })

  type('照料护理')
  const service = results().find((r) => r.querySelector('.search-result__kind')?.textContent === '办事指南')!
  fireEvent.click(service)
  expect(go.mock.lastCall?.[0].url).toMatch(/^\/subpackages\/service\/detail\/index\?id=[a-z0-9-]+$/)

  const faq = results().find((r) => r.querySelector('.search-result__kind')?.textContent === '常见问答')!
  fireEvent.click(faq)
  expect(go.mock.lastCall?.[0].url).toMatch(/^\/subpackages\/community\/index\?faq=[a-z0-9-]+$/)

  type('河长')
  const policy = results().find((r) => r.querySelector('.search-result__kind')?.textContent === '政策文件')!
  fireEvent.click(policy)
  expect(go.mock.lastCall?.[0].url).toMatch(/^\/subpackages\/policy\/detail\/index\?id=[a-z0-9-]+(&section=[a-z0-9-]+)?$/)
  // searches that led somewhere are remembered, newest first
  expect(loadRecentSearches()).toEqual(['河长', '照料护理', '城市低保'])
})

it('for 低保, the standard itself comes first; a policy shows its 文号', async () => {
  withParams({ q: encodeURIComponent('低保') })
  await renderReady()
  expect(at(results(), 0).querySelector('.search-result__title')?.textContent).toBe('城市居民最低生活保障标准')
  type('河长')
  const policy = results().find((r) => r.querySelector('.search-result__kind')?.textContent === '政策文件')!
  expect(policy.querySelector('.search-result__doc')?.textContent).toMatch(/^景\S+〔\d{4}〕\d+号$/)
})

it('says when results hold only part of the query (营业 of 营业执照)', async () => {
  await renderReady()
  type('营业执照')
  expect(document.querySelector('.search-results__partial')?.textContent).toMatch(/只包含“营业执照”的部分字词/)
  const partial = results().filter((r) => r.querySelector('.search-result__partial'))
  expect(partial.length).toBeGreaterThan(0)
  // the marked ones really lack the whole term; the unmarked ones hold it
  for (const r of results()) expect(Boolean(r.querySelector('.search-result__partial'))).toBe(!(r.textContent ?? '').includes('营业执照'))
  type('低保')
  expect(document.querySelector('.search-results__partial')).toBeNull()
})

it('says so when nothing matches', async () => {
  await renderReady()
  type('火星移民')
  expect(screen.getByText('没有找到与“火星移民”相关的内容')).toBeTruthy()
})

it('lists recent searches (at most 10), re-runs one on tap, and clears them', async () => {
  for (let i = 1; i <= 12; i++) rememberSearch(`查询${i}`)
  await renderReady()
  const chips = within(document.querySelector('.search-idle') as HTMLElement).getAllByRole('button', { name: /^再次搜索/ })
  expect(chips).toHaveLength(10)
  expect(at(chips, 0).textContent).toBe('查询12')
  fireEvent.click(screen.getByRole('button', { name: '清除搜索记录' }))
  expect(screen.getByText(/还没有搜索记录/)).toBeTruthy()
  expect(Taro.getStorageSync(RECENT_SEARCHES_KEY)).toBe('')
  fireEvent.click(screen.getByRole('button', { name: '搜索：低保标准' }))
  expect(results().length).toBeGreaterThan(0)
  expect(loadRecentSearches()).toEqual(['低保标准'])
})

it('a corrupted recent-searches entry is ignored', async () => {
  Taro.setStorageSync(RECENT_SEARCHES_KEY, { not: 'a list' })
  await renderReady()
  expect(screen.getByText(/还没有搜索记录/)).toBeTruthy()
  Taro.setStorageSync(RECENT_SEARCHES_KEY, ['低保', 42, null, '低保', '特困'])
  expect(loadRecentSearches()).toEqual(['低保', '特困'])
})

it('builds the index once per pack version', async () => {
  resetSearchIndexForTests()
  const build = jest.spyOn(searchModule, 'buildSearchIndex')
  const first = await renderReady()
  first.unmount()
  await act(async () => {
    render(<SearchPage />)
  })
  type('低保')
  expect(results().length).toBeGreaterThan(0)
  expect(build).toHaveBeenCalledTimes(1)
})

it('says so when the index cannot be built, instead of crashing', async () => {
  resetSearchIndexForTests()
  jest.spyOn(searchModule, 'buildSearchIndex').mockImplementation(() => {
    throw new Error('bad pack')
  })
  await renderReady()
  expect(screen.getByRole('alert').textContent).toContain('搜索暂时不可用')
})
