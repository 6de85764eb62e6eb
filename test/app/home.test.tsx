// 首页: today's standards with change and source, entries, hotline, status line, cache-first render.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import bundledJson from '../../src/generated/bundled-content.json'
import type { ContentPack, Manifest } from '../../src/domain'
import HomePage from '../../src/pages/index/index'
import { PageShell } from '../../src/components/shared/page-shell'
import { renderApp } from '../setup/render-app'
import { contentStore, resetContentStoreForTests } from '../../src/services/content-store'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { writeManifestRecord, writeSection } from '../../src/services/content-cache'
import { at } from '../../harness/at'

const bundled = bundledJson as unknown as { manifest: Manifest; pack: ContentPack }
const navigated = () => jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
const switched = () => jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve() as never)

beforeEach(() => {
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  localStorage.clear()
  resetContentStoreForTests()
  resetElderStoreForTests()
})

it("shows today's 城市低保, 农村低保 and 特困 with the change from last year and the source", () => {
  render(<HomePage />)
  const urban = screen.getByLabelText('660元每人每月').closest('.standard-card') as HTMLElement
  expect(urban.textContent).toContain('城市低保')
  expect(within(urban).getByLabelText('增加60元').textContent).toBe('+60元')
  expect(urban.textContent).toContain('比上年')
  const card = (label: string) =>
    Array.from(document.querySelectorAll('.standard-card')).find(
      (c) => c.querySelector('.standard-card__label')?.textContent === label,
    ) as HTMLElement
  expect(within(card('农村低保')).getByLabelText('400元每人每月')).toBeTruthy()
  expect(within(card('城镇特困供养')).getByLabelText('850元每人每月')).toBeTruthy()
  expect(within(card('农村特困集中供养')).getByLabelText('505元每人每月')).toBeTruthy()
  // the rural 特困 figures, smaller
  expect(document.querySelectorAll('.standard-card--small')).toHaveLength(2)

  const go = navigated()
  fireEvent.click(within(urban).getByRole('link', { name: /来源：景府办字〔2019〕35号 第（一）项/ }))
  expect(go).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })
})

it('says plainly that the 2019 figures may be out of date', () => {
  render(<HomePage />)
  // the heading calls them the latest the app holds, never today's
  expect(screen.getByText('本应用收录的最新标准（2019年1月1日起执行）')).toBeTruthy()
  expect(document.body.textContent).not.toMatch(/今天（.*）执行/)
  expect(screen.getByText('这是本应用收录的最新标准（2019年），当前标准可能已调整，请以民政部门公布为准')).toBeTruthy()
})

it('opens search, the quick entries and the hotline', () => {
  const go = navigated()
  const tab = switched()
  const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve() as never)
  render(<HomePage />)
  fireEvent.click(screen.getByRole('search', { name: '搜索政策、办事和救助标准' }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/search/index' })
  fireEvent.click(screen.getByRole('button', { name: /^低保自测/ }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/assess/dibao/index' })
  fireEvent.click(screen.getByRole('button', { name: /^特困自测/ }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/assess/tekun/index' })
  fireEvent.click(screen.getByRole('button', { name: /^社区工作者问答/ }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/community/index' })
  fireEvent.click(screen.getByRole('button', { name: /^政策解读/ }))
  expect(tab).toHaveBeenLastCalledWith({ url: '/pages/policies/index' })
  fireEvent.click(screen.getByRole('button', { name: /^一次不跑办事/ }))
  expect(tab).toHaveBeenLastCalledWith({ url: '/pages/services/index' })
  fireEvent.click(screen.getByRole('button', { name: '查看全部救助标准' }))
  expect(tab).toHaveBeenLastCalledWith({ url: '/pages/standards/index' })
  fireEvent.click(screen.getByRole('button', { name: /12345/ }))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
})

it('shows 数据截至 and the content status, and says so when offline', async () => {
  render(<HomePage />)
  expect(screen.getByRole('status').textContent).toBe('数据截至 2019年6月28日')
  jest.spyOn(Taro, 'request').mockImplementation((() => Promise.reject({ errMsg: 'request:fail' })) as never)
  await act(async () => {
    await contentStore().refresh()
  })
  expect(screen.getByRole('status').textContent).toContain('离线 · 数据截至 2019年6月28日')
  // still the bundled figures, never a blank page
  expect(screen.getByLabelText('660元每人每月')).toBeTruthy()
}, 10_000)

it('renders the cached pack at once, without a request', () => {
  const pack: ContentPack = JSON.parse(JSON.stringify(bundled.pack))
  const urban = pack.parameters.find((p) => p.id === 'dibao-urban-standard')!
  urban.values.push({ ...at(urban.values, 1), effectiveFrom: '2020-01-01', amountFen: 70000 })
  writeSection('parameters', 'seeded', pack.parameters)
  writeManifestRecord({
    manifest: {
      ...bundled.manifest,
      version: '2020.1-1',
      asOf: '2020-01-02',
      sections: { ...bundled.manifest.sections, parameters: { hash: 'seeded', bytes: 1 } },
    },
    etag: '"m"',
    syncedAt: '2020-01-03T08:00:00.000Z',
  })
  const request = jest.spyOn(Taro, 'request')
  render(<HomePage />)
  const card = screen.getByLabelText('700元每人每月').closest('.standard-card') as HTMLElement
  expect(within(card).getByLabelText('增加40元')).toBeTruthy()
  expect(screen.getByRole('status').textContent).toBe('数据截至 2020年1月2日')
  expect(request).not.toHaveBeenCalled()
})

it('a page whose content throws shows a message with a way home, not a blank screen', () => {
  const tab = switched()
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  function Broken(): never {
    throw new Error('bad data')
  }
  render(
    <PageShell name="page-broken">
      <Broken />
    </PageShell>,
  )
  expect(screen.getByRole('status').textContent).toContain('数据截至')
  const alert = screen.getByRole('alert')
  expect(alert.textContent).toContain('这一页暂时无法显示')
  fireEvent.click(within(alert).getByRole('button', { name: '回到首页' }))
  expect(tab).toHaveBeenCalledWith({ url: '/pages/index/index' })
})

// Last in this file: booting the whole app through the H5 router changes global router state.
it('the whole app boots to 首页 and revalidates once per launch', async () => {
  const request = jest.spyOn(Taro, 'request').mockImplementation((() => Promise.reject({ errMsg: 'request:fail' })) as never)
  jest.spyOn(console, 'error').mockImplementation(() => undefined) // act() warnings from the router
  await renderApp()
  await screen.findByText('景德镇惠民通', { selector: '.page-title' }, { timeout: 10_000 })
  expect(screen.getAllByLabelText('660元每人每月').length).toBeGreaterThan(0)
  await screen.findByText(/^离线 · 数据截至 2019年6月28日$/, undefined, { timeout: 5_000 })
  // one manifest request and its single retry
  expect(request.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual(['/api/v1/content/manifest', '/api/v1/content/manifest'])
}, 15_000)
