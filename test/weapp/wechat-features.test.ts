// What residents expect of a WeChat mini-program, through the production build: share cards for a
// standard, a policy and a community answer, each with its citation and never a household figure;
// the update prompt; 12345 through makePhoneCall; 赣服通 / 江西政务服务网 as copyable text.
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, launch } from '../../harness/weapp/mini-program'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string
let mp: MiniProgram

beforeAll(() => {
  dist = ensureWeappBuild()
}, 600_000)
afterEach(() => mp.close())

describe('share cards', () => {
  beforeEach(async () => {
    mp = await launch({ dist })
  })

  it('a standard: its figure and citation, to a chat and to 朋友圈', async () => {
    await mp.navigateTo('/subpackages/standards/detail/index?id=dibao-urban-standard')
    expect(mp.share()).toEqual({
      title: '城市居民最低生活保障标准：660元/人/月（景府办字〔2019〕35号第（一）项）',
      path: '/subpackages/standards/detail/index?id=dibao-urban-standard',
    })
    expect(mp.shareTimeline()).toEqual({
      title: '城市居民最低生活保障标准：660元/人/月（景府办字〔2019〕35号第（一）项）',
      query: 'id=dibao-urban-standard',
    })
  })

  it('a policy: its title and document number', async () => {
    await mp.navigateTo('/subpackages/policy/detail/index?id=relief-standards-2019')
    const card = { title: '景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知（景府办字〔2019〕35号）' }
    expect(mp.share()).toEqual({ ...card, path: '/subpackages/policy/detail/index?id=relief-standards-2019' })
    expect(mp.shareTimeline()).toEqual({ ...card, query: 'id=relief-standards-2019' })
    // the page's own 分享给好友 button shares the same card
    await mp.tap('分享给好友')
    expect(mp.shares).toEqual([{ ...card, path: '/subpackages/policy/detail/index?id=relief-standards-2019' }])
  })

  it('a community answer: the question and what it rests on, never the neighbour’s figures', async () => {
    await mp.navigateTo('/subpackages/community/index')
    // a worker estimates for a neighbour first
    await mp.tap(/^[○●]城市/)
    await mp.input('家庭人口', '3')
    await mp.input('家庭月收入', '1234')
    await mp.tap(/^计算$/)
    expect(mp.text()).toMatch(/每月约\s*746\s*元/)
    // then shares the first answer with its own button
    await mp.tap(/^分享$/)
    expect(mp.shares).toEqual([
      {
        title: '景德镇的低保标准是多少？（依据：景府办字〔2019〕35号第（一）项、第（二）项）',
        path: '/subpackages/community/index?faq=dibao-standard',
      },
    ])
    const menu = mp.share()
    const timeline = mp.shareTimeline()
    expect(menu).toEqual({ title: '社区工作者：救助标准和常见问题速查', path: '/subpackages/community/index' })
    expect(timeline).toEqual({ title: '社区工作者：救助标准和常见问题速查', query: '' })
    for (const card of [...mp.shares, menu, timeline]) expect(JSON.stringify(card)).not.toMatch(/1234|746/)
    expect(mp.errors).toEqual([])
  })

  it('the self-checks offer no share card, so a result cannot be forwarded by mistake', async () => {
    for (const route of ['/subpackages/assess/dibao/index', '/subpackages/assess/tekun/index']) {
      await mp.navigateTo(route)
      expect(mp.share()).toBeUndefined()
      expect(mp.shareTimeline()).toBeUndefined()
      await mp.navigateBack()
    }
  })
})

describe('updates through wx.getUpdateManager', () => {
  it('a downloaded version prompts, and restarting applies it', async () => {
    mp = await launch({ dist, update: 'ready' })
    await mp.settle()
    expect(mp.modals).toEqual([expect.objectContaining({ title: '发现新版本', confirmed: true })])
    expect(mp.modals[0]?.content).toContain('下次打开时会自动使用新版本')
    expect(mp.updatesApplied).toHaveLength(1)
  })

  it('“下次再说” leaves this launch alone (WeChat applies it on the next cold launch)', async () => {
    mp = await launch({ dist, update: 'ready', modalConfirm: false })
    await mp.settle()
    expect(mp.modals).toHaveLength(1)
    expect(mp.updatesApplied).toEqual([])
    expect(mp.text()).toContain('660元/人/月')
  })

  it('no prompt when there is no new version', async () => {
    mp = await launch({ dist })
    await mp.settle()
    expect(mp.modals).toEqual([])
  })
})

it('12345 is one tap away, through makePhoneCall', async () => {
  mp = await launch({ dist })
  await mp.tap('拨打 12345 热线')
  expect(mp.phoneCalls).toEqual(['12345'])
  await mp.switchTab('/pages/mine/index')
  await mp.tap('拨打 12345 热线')
  expect(mp.phoneCalls).toEqual(['12345', '12345'])
})

it('赣服通 and 江西政务服务网 are copyable text with a hint, since a mini-program cannot open them', async () => {
  mp = await launch({ dist })
  await mp.navigateTo('/subpackages/service/detail/index?id=dibao-application')
  const text = mp.text()
  expect(text).toContain('小程序里不能直接打开“赣服通”')
  expect(text).toContain('在手机浏览器里搜索“江西政务服务网”')
  await mp.tap('复制“赣服通”')
  await mp.tap('复制“江西政务服务网”')
  expect(mp.clipboard).toEqual(['赣服通', '江西政务服务网'])
  expect(mp.text()).toContain('已复制')
  expect(mp.errors).toEqual([])
})
