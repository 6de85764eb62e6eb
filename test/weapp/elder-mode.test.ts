// 长辈版 on weapp: switched on by WeChat's own font size (first launch only, and said so on screen)
// and by the switch; every page's root element carries the `elder` class that the WXSS styles.
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, launch } from '../../harness/weapp/mini-program'
import { allNodes } from '../../harness/weapp/view-tree'
import { WxStorage } from '../../harness/weapp/wx-storage'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string
let mp: MiniProgram

beforeAll(() => {
  dist = ensureWeappBuild()
}, 600_000)
afterEach(() => mp.close())

/** The classes of the page's root element (PageShell). */
function pageClasses(app: MiniProgram): string[] {
  const root = allNodes(app.view()).find((n) => typeof n.data.cl === 'string' && n.data.cl.split(' ').includes('page'))
  if (!root) throw new Error(`no page root on ${app.page().route}`)
  return String(root.data.cl).split(' ')
}

const SYSTEM_NOTE = '您的微信设置了大字体，已为您开启长辈版'

it('follows WeChat’s large font on the first launch, says so, and keeps it on every page', async () => {
  const phone = new WxStorage()
  mp = await launch({ dist, storage: phone, fontSizeSetting: 20 })
  expect(pageClasses(mp)).toContain('elder')
  expect(mp.text()).toContain(SYSTEM_NOTE)
  for (const tab of ['/pages/standards/index', '/pages/mine/index']) {
    await mp.switchTab(tab)
    expect(pageClasses(mp)).toContain('elder')
  }
  await mp.navigateTo('/subpackages/assess/dibao/index')
  expect(pageClasses(mp)).toContain('elder')
  mp.close()

  // the choice was stored: a later launch keeps it, whatever the font
  mp = await launch({ dist, storage: phone, fontSizeSetting: 16 })
  expect(pageClasses(mp)).toContain('elder')
  expect(mp.errors).toEqual([])
})

it('standard font: off, and the switch turns it on for every page and the next launch', async () => {
  const phone = new WxStorage()
  mp = await launch({ dist, storage: phone, fontSizeSetting: 16 })
  expect(pageClasses(mp)).not.toContain('elder')
  expect(mp.text()).not.toContain(SYSTEM_NOTE)
  await mp.tap(/^长辈版/)
  expect(pageClasses(mp)).toContain('elder')
  expect(mp.text()).toContain('已开启：字更大、按钮更大')
  expect(phone.get('jdz:elder')).toEqual({ on: true, source: 'user' })
  await mp.switchTab('/pages/policies/index')
  expect(pageClasses(mp)).toContain('elder')
  mp.close()

  mp = await launch({ dist, storage: phone, fontSizeSetting: 16 })
  expect(pageClasses(mp)).toContain('elder')
  // and off again from 我的
  await mp.switchTab('/pages/mine/index')
  await mp.tap(/^长辈版/)
  expect(pageClasses(mp)).not.toContain('elder')
  expect(mp.errors).toEqual([])
})
