// The production dist/weapp, run in the harness: every page in app.json opens without an error and
// shows its content; the tabs switch; the page stack's limit of 10 is handled.
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, PAGE_STACK_LIMIT, launch } from '../../harness/weapp/mini-program'
import { allNodes } from '../../harness/weapp/view-tree'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string
let mp: MiniProgram

beforeAll(() => {
  dist = ensureWeappBuild()
}, 600_000)

beforeEach(async () => {
  mp = await launch({ dist })
})
afterEach(() => mp.close())

/** What each page must show (subpackage pages opened with a real id where they take one). */
const PAGES: Record<string, { query?: string; shows: string }> = {
  'pages/index/index': { shows: '本应用收录的最新标准（' },
  'pages/standards/index': { shows: '本应用收录的最新标准（' },
  'pages/services/index': { shows: '办事指南' },
  'pages/policies/index': { shows: '政策解读' },
  'pages/mine/index': { shows: '内容数据' },
  'subpackages/assess/dibao/index': { shows: '住在城市还是农村' },
  'subpackages/assess/tekun/index': { shows: '特困人员自测' },
  'subpackages/standards/detail/index': { query: 'id=dibao-urban-standard', shows: '660元/人/月' },
  'subpackages/policy/detail/index': { query: 'id=relief-standards-2019', shows: '景府办字〔2019〕35号' },
  'subpackages/service/detail/index': { query: 'id=dibao-application', shows: '最低生活保障（低保）申请' },
  'subpackages/search/index': { shows: '大家常搜' },
  'subpackages/community/index': { shows: '帮邻居估算' },
  'subpackages/about/privacy/index': { shows: '您的个人信息不会离开您的手机' },
  'subpackages/about/sources/index': { shows: '《景德镇市人民政府公报》2019年第6期' },
}

it('lists the same pages as this test', () => {
  expect(mp.allRoutes().sort()).toEqual(Object.keys(PAGES).sort())
})

it('launches on 首页 with today’s standards, rendered by setData', () => {
  expect(mp.page().route).toBe('pages/index/index')
  expect(mp.page().setDataCalls.length).toBeGreaterThan(0)
  const text = mp.text()
  expect(text).toContain('城市低保')
  expect(text).toContain('660元/人/月')
  expect(text).toContain('景府办字〔2019〕35号')
  expect(mp.errors).toEqual([])
})

it.each(Object.entries(PAGES))('%s opens without an error and shows its content', async (route, { query, shows }) => {
  const url = `/${route}${query ? `?${query}` : ''}`
  if (mp.tabRoutes().includes(route)) await mp.switchTab(url)
  else expect(await mp.navigateTo(url)).toBeNull()
  expect(mp.page().route).toBe(route)
  expect(mp.text()).toContain(shows)
  // a node whose name has no template in base.wxml would show nothing on a phone
  const untemplated = allNodes(mp.view()).filter((n) => n.parent !== null && n.info === undefined)
  expect(untemplated.map((n) => n.data.nn)).toEqual([])
  expect(mp.errors).toEqual([])
})

it.each([
  ['/subpackages/standards/detail/index?id=no-such-standard', '没有找到这项救助标准'],
  ['/subpackages/policy/detail/index?id=no-such-policy', '没有找到这份政策文件'],
  ['/subpackages/service/detail/index?id=no-such-service', '没有找到这个办事事项'],
  ['/subpackages/standards/detail/index', '链接中缺少标准编号'],
])('%s (a stale shared link) says what is missing instead of a blank page', async (url, message) => {
  expect(await mp.navigateTo(url)).toBeNull()
  expect(mp.text()).toContain(message)
  expect(mp.errors).toEqual([])
})

it.each([
  [
    '/packages/policy/detail/index?id=relief-standards-2019',
    'subpackages/policy/detail/index',
    { id: 'relief-standards-2019' },
    '景府办字〔2019〕35号',
  ],
  ['/packages/community/index?faq=dibao-standard', 'subpackages/community/index', { faq: 'dibao-standard' }, '帮邻居估算'],
  ['/packages/no-such/index', 'pages/index/index', {}, '本应用收录的最新标准（'],
])('a share card of the old route %s still opens (the new page, the same query)', async (url, route, query, shows) => {
  const old = await launch({ dist }, url)
  try {
    expect(old.stack.map((p) => p.route)).toEqual([route])
    expect(old.page().options).toEqual(query)
    expect(old.text()).toContain(shows)
    expect(old.errors).toEqual([])
  } finally {
    old.close()
  }
})

it('a page path that is not in app.json fails as WeChat fails it', async () => {
  expect(await mp.navigateTo('/subpackages/assess/index')).toBe('navigateTo:fail page "subpackages/assess/index" is not found')
  expect(await mp.navigateTo('/pages/mine/index')).toBe('navigateTo:fail can not navigateTo a tabbar page')
  expect(mp.stack).toHaveLength(1)
})

it('switches tabs, keeping each tab page alive and closing pages above it', async () => {
  const home = mp.page()
  await mp.tap('查看全部救助标准')
  expect(mp.page().route).toBe('pages/standards/index')
  expect(mp.stack).toHaveLength(1)
  await mp.switchTab('/pages/index/index')
  expect(mp.page()).toBe(home)
  await mp.tap('低保自测')
  expect(mp.page().route).toBe('subpackages/assess/dibao/index')
  expect(mp.stack).toHaveLength(2)
  for (const tab of mp.tabRoutes()) {
    await mp.switchTab(`/${tab}`)
    expect(mp.stack.map((p) => p.route)).toEqual([tab])
  }
  expect(mp.errors).toEqual([])
})

it('a link tapped with 10 pages open replaces the top page instead of failing', async () => {
  for (let i = 1; i < PAGE_STACK_LIMIT; i++)
    expect(await mp.navigateTo('/subpackages/standards/detail/index?id=dibao-urban-standard')).toBeNull()
  expect(mp.stack).toHaveLength(PAGE_STACK_LIMIT)
  expect(await mp.navigateTo('/subpackages/about/privacy/index')).toBe('navigateTo:fail webview count limit exceed')
  await mp.tap('在全文中查看')
  expect(mp.stack).toHaveLength(PAGE_STACK_LIMIT)
  expect(mp.page().route).toBe('subpackages/policy/detail/index')
  expect(mp.text()).toContain('景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知')
  expect(mp.errors).toEqual([])
})
