// 我的 (and the 隐私说明 / 数据来源 pages it leads to): content cache status with inline results,
// the person's own data on the phone, links, hotline, version.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import bundledJson from '../../src/generated/bundled-content.json'
import type { ContentPack, Manifest } from '../../src/domain'
import MinePage from '../../src/pages/mine/index'
import PrivacyPage from '../../src/subpackages/about/privacy/index'
import SourcesPage from '../../src/subpackages/about/sources/index'
import { contentStore, resetContentStoreForTests } from '../../src/services/content-store'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { rememberSearch } from '../../src/services/recent-searches'
import { at } from '../../harness/at'

const bundled = bundledJson as unknown as { manifest: Manifest; pack: ContentPack }

const row = (label: string) =>
  (Array.from(document.querySelectorAll('.list-row')) as HTMLElement[]).find(
    (r) => r.querySelector('.list-row__label')?.textContent === label,
  )
const rowValue = (label: string) => row(label)?.querySelector('.list-row__value')?.textContent

/** A server with a newer pack (城市低保 700元 from 2020). */
function serveNewerContent() {
  const parameters = JSON.parse(JSON.stringify(bundled.pack.parameters)) as ContentPack['parameters']
  const urban = parameters.find((p) => p.id === 'dibao-urban-standard')!
  urban.values.push({ ...at(urban.values, 1), effectiveFrom: '2020-01-01', amountFen: 70000 })
  const manifest = {
    ...bundled.manifest,
    version: '2020.1-1',
    asOf: '2020-01-02',
    sections: { ...bundled.manifest.sections, parameters: { hash: 'p2', bytes: 1 } },
  }
  return jest.spyOn(Taro, 'request').mockImplementation(((options: Taro.request.Option) => {
    const data = options.url.endsWith('/manifest') ? manifest : parameters
    const etag = options.url.endsWith('/manifest') ? '"m2"' : '"p2"'
    const inm = (options.header as Record<string, string> | undefined)?.['If-None-Match']
    if (inm === etag) return Promise.resolve({ statusCode: 304, data: '', header: {} })
    return Promise.resolve({ statusCode: 200, data, header: { ETag: etag } })
  }) as never)
}

beforeEach(() => {
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  resetContentStoreForTests()
  resetElderStoreForTests()
  Current.router = { params: {}, path: '/pages/mine/index' } as unknown as typeof Current.router
})

it('shows 数据截至 and last sync; versions and bytes only under 技术信息', () => {
  render(<MinePage />)
  expect(rowValue('数据截至')).toBe('2019年6月28日')
  expect(rowValue('正在使用')).toBe('应用自带的内容')
  expect(rowValue('上次同步')).toBe('还没有同步过')
  expect(screen.getByRole('switch', { name: '长辈版' })).toBeTruthy()
  // a resident does not see cache bytes or version numbers until asking for them
  expect(document.body.textContent).not.toMatch(/字节|版本 |内容版本|应用版本/)
  fireEvent.click(screen.getByRole('button', { name: /技术信息/ }))
  expect(rowValue('内容版本')).toBe(bundled.manifest.version)
  expect(rowValue('本机缓存')).toBe('0 字节')
  expect(rowValue('应用版本')).toBeTruthy()
})

it('refresh shows its result inline: updated, then already current', async () => {
  serveNewerContent()
  render(<MinePage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查更新' }))
  })
  expect(screen.getByText('已更新到最新内容')).toBeTruthy()
  expect(rowValue('数据截至')).toBe('2020年1月2日')
  expect(rowValue('正在使用')).toBe('刚从网络更新的内容')
  fireEvent.click(screen.getByRole('button', { name: /技术信息/ }))
  expect(rowValue('内容版本')).toBe('2020.1-1')
  expect(rowValue('本机缓存')).toMatch(/KB$/)
  expect(rowValue('上次同步')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查更新' }))
  })
  expect(screen.getByText('已是最新内容，无需更新')).toBeTruthy()
})

it('refresh offline says so inline and keeps the content', async () => {
  jest.spyOn(Taro, 'request').mockImplementation((() => Promise.reject({ errMsg: 'request:fail' })) as never)
  render(<MinePage />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查更新' }))
    await contentStore().refresh()
  })
  expect(screen.getByText('现在连不上网络，继续使用本机保存的内容')).toBeTruthy()
  expect(document.querySelector('.status-line')?.textContent).toContain('离线 · 数据截至 2019年6月28日')
}, 10_000)

it('clears the cache after an inline confirmation', async () => {
  serveNewerContent()
  await contentStore().refresh()
  render(<MinePage />)
  expect(rowValue('数据截至')).toBe('2020年1月2日')
  fireEvent.click(screen.getByRole('button', { name: '清除缓存' }))
  fireEvent.click(screen.getByRole('button', { name: '取消' }))
  expect(rowValue('数据截至')).toBe('2020年1月2日')
  fireEvent.click(screen.getByRole('button', { name: '清除缓存' }))
  fireEvent.click(screen.getByRole('button', { name: '确定清除' }))
  expect(screen.getByText('已清除缓存，正在使用应用自带的内容')).toBeTruthy()
  expect(rowValue('数据截至')).toBe('2019年6月28日')
  fireEvent.click(screen.getByRole('button', { name: /技术信息/ }))
  expect(rowValue('本机缓存')).toBe('0 字节')
  expect(Object.keys(localStorage).filter((k) => k.startsWith('jdz:content:'))).toEqual([])
})

it('lists and clears the self-check answers, material ticks and searches kept on the phone', () => {
  Taro.setStorageSync('jdz:assess:dibao', { v: 1, answers: { area: 'urban', householdSize: '3', monthlyIncome: '1500' } })
  Taro.setStorageSync('jdz:checklist:dibao-application', ['id-card'])
  rememberSearch('低保')
  rememberSearch('特困')
  render(<MinePage />)
  expect(rowValue('自测填写的内容')).toBe('1 份')
  expect(rowValue('办事材料勾选')).toBe('1 项办事')
  expect(rowValue('搜索记录')).toBe('2 条')
  fireEvent.click(screen.getByRole('button', { name: '清除自测填写、材料勾选和搜索记录' }))
  expect(rowValue('自测填写的内容')).toBe('没有')
  expect(rowValue('搜索记录')).toBe('没有')
  expect(rowValue('办事材料勾选')).toBe('没有')
  expect(screen.getByText('已清除，本机不再保存您的自测填写、材料勾选和搜索记录')).toBeTruthy()
  expect(Taro.getStorageSync('jdz:assess:dibao')).toBe('')
  expect(Taro.getStorageSync('jdz:checklist:dibao-application')).toBe('')
})

it('links to privacy and sources, and calls 12345', () => {
  const go = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve() as never)
  render(<MinePage />)
  fireEvent.click(screen.getByRole('link', { name: /^隐私说明/ }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/about/privacy/index' })
  fireEvent.click(screen.getByRole('link', { name: /^数据来源/ }))
  expect(go).toHaveBeenLastCalledWith({ url: '/subpackages/about/sources/index' })
  fireEvent.click(screen.getByRole('button', { name: '拨打12345政务服务便民热线' }))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
})

it('隐私说明 says what is and is not collected', () => {
  render(<PrivacyPage />)
  const text = document.body.textContent ?? ''
  expect(text).toContain('您的个人信息不会离开您的手机')
  expect(text).toContain('不会发送到任何服务器')
  expect(text).toContain('一键清除')
  expect(text).toContain('唯一的网络请求，是从服务器下载公开的救助标准')
})

it('数据来源 lists every source with its details and the figures from it', () => {
  render(<SourcesPage />)
  const cards = Array.from(document.querySelectorAll('.source-card')) as HTMLElement[]
  expect(cards).toHaveLength(bundled.pack.sources.length)
  const notice = cards.find((c) => c.querySelector('.source-card__doc')?.textContent === '景府办字〔2019〕35号')!
  expect(notice.textContent).toContain('景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知')
  expect(notice.textContent).toContain('发文机关：景德镇市人民政府办公室')
  expect(notice.textContent).toContain('日期：2019年6月28日')
  // grouped, and folded to the heading until opened
  expect(screen.getByRole('group', { name: /^景德镇市政府文件/ }).contains(notice)).toBe(true)
  expect(notice.textContent).not.toContain('本应用中出自这份文件的内容')
  fireEvent.click(within(notice).getByRole('button', { name: /^出处和引用内容/ }))
  expect(notice.textContent).toContain('《景德镇市人民政府公报》2019年第6期')
  // a date in a label is one unbreakable piece: never 「2018年1/月1日起」
  expect(Array.from(notice.querySelectorAll('.keep-whole')).map((e) => e.textContent)).toContain('（2019年1月1日起）')
  const go = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(within(notice).getByRole('link', { name: /^城市居民最低生活保障标准（2019年1月1日起），660元\/人\/月/ }))
  expect(go).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })
})

it('数据来源 ?id= puts that document first, with its url and the rules that cite it', () => {
  Current.router = { params: { id: 'shjz-zxbf' }, path: '/subpackages/about/sources/index' } as unknown as typeof Current.router
  render(<SourcesPage />)
  const first = document.querySelector('.source-card') as HTMLElement
  expect(first.textContent).toContain('您要查看的文件')
  expect(first.textContent).toContain('国务院令第649号')
  expect(first.textContent).toContain('网址：https://www.gov.cn/')
  expect(first.textContent).toContain('自测规则：《社会救助暂行办法》第九条')
})
