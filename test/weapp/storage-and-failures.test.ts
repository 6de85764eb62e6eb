// WeChat's storage limits (1 MB a key, 10 MB in all), and its 256 KB a setData call on the policies
// list, hold even for a content pack 20 times today's size; and a failed request, a full storage and a corrupt cached value each end in a message on
// screen over content, never in a blank page.
import type { ContentPack } from '../../src/domain'
import { ANY_VERSION } from '../../server/content/repository'
import { contentPack } from '../server/helpers'
import { type ApiServer, startApiServer } from '../../harness/weapp/api-server'
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, launch } from '../../harness/weapp/mini-program'
import { ITEM_LIMIT_BYTES, TOTAL_LIMIT_BYTES, WxStorage } from '../../harness/weapp/wx-storage'
import { SET_DATA_CALL_LIMIT_BYTES } from '../../harness/weapp/set-data'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string
let server: ApiServer
let mp: MiniProgram | undefined

beforeAll(async () => {
  dist = ensureWeappBuild()
  server = await startApiServer()
}, 600_000)
afterAll(async () => {
  await server?.close()
})
afterEach(() => {
  mp?.close()
  mp = undefined
})

const packBytes = (pack: ContentPack) => Buffer.byteLength(JSON.stringify(pack), 'utf8')

/** Today's pack grown to 20 times its size with copies of its policies (new ids). */
function hugePack(): ContentPack {
  const pack = contentPack()
  const target = 20 * packBytes(pack)
  const originals = [...pack.policies]
  for (let copy = 1; packBytes(pack) < target; copy++) {
    for (const policy of originals) pack.policies.push({ ...policy, id: `${policy.id}-copy-${copy}` })
  }
  return pack
}

async function publish(pack: ContentPack) {
  const result = await server.repository.publish(pack, ANY_VERSION)
  // the same big pack is published by several tests: the second time it is already current
  expect(result.ok || result.reason === 'unchanged').toBe(true)
  await server.app.content.refresh()
}

function expectWithinLimits(phone: WxStorage) {
  expect(phone.refusals).toEqual([])
  expect(phone.peakBytes).toBeLessThanOrEqual(TOTAL_LIMIT_BYTES)
  for (const key of phone.keys()) expect(Buffer.byteLength(phone.raw(key) ?? '', 'utf8')).toBeLessThanOrEqual(ITEM_LIMIT_BYTES)
}

/** Content is on the page: the home page's standards. */
function expectStandardsShown(app: MiniProgram) {
  expect(app.page().route).toBe('pages/index/index')
  expect(app.text()).toContain('城市低保')
  expect(app.text()).toContain('660元/人/月')
}

it('a pack 20 times the size is cached in pieces within WeChat’s limits and read back offline', async () => {
  const pack = hugePack()
  // a copy that exists only in the big pack
  const copyId = pack.policies.filter((p) => p.id.startsWith('relief-standards-2019-copy-')).pop()?.id ?? ''
  expect(packBytes(pack)).toBeGreaterThan(3 * 1024 * 1024)
  await publish(pack)
  const phone = new WxStorage()
  mp = await launch({ dist, api: server.route, storage: phone })
  await mp.switchTab('/pages/mine/index')
  expect(mp.text()).toContain('刚从网络更新的内容')
  expectWithinLimits(phone)
  // the policies section alone is over 1 MB: it was split
  expect(phone.keys().filter((k) => /^jdz:content:section:policies:[^:]+:\d+$/.test(k)).length).toBeGreaterThan(1)
  // the policies list renders in steps, each setData within WeChat's 256 KB
  await mp.switchTab('/pages/policies/index')
  expect(mp.text()).toContain(`共 ${pack.policies.length} 份文件`)
  expect(mp.text()).toContain(`再显示 20 份（还有 ${pack.policies.length - 20} 份）`)
  await mp.tap(/^再显示 20 份/)
  expect(mp.text()).toContain(`（还有 ${pack.policies.length - 40} 份）`)
  expect(Math.max(...mp.page().setDataCalls.map((c) => c.bytes))).toBeLessThanOrEqual(SET_DATA_CALL_LIMIT_BYTES)
  mp.close()

  mp = await launch({ dist, api: server.route, storage: phone, network: 'none' })
  await mp.switchTab('/pages/mine/index')
  expect(mp.text()).toContain('本机保存的内容')
  await mp.navigateTo(`/subpackages/policy/detail/index?id=${copyId}`)
  expect(mp.text()).toContain('景府办字〔2019〕35号')
  expectWithinLimits(phone)
  expect(mp.errors).toEqual([])
})

it('a full storage: the new content is shown with a message, and the next launch starts cleanly', async () => {
  await publish(hugePack())
  const phone = new WxStorage()
  phone.limitBytes = 512 * 1024
  mp = await launch({ dist, api: server.route, storage: phone })
  expectStandardsShown(mp)
  expect(mp.text()).toContain('手机存储空间不足，新内容未能保存')
  expect(phone.refusals.length).toBeGreaterThan(0)
  expect(phone.usedBytes()).toBeLessThanOrEqual(phone.limitBytes)
  mp.close()

  mp = await launch({ dist, api: server.route, storage: phone, network: 'none' })
  expectStandardsShown(mp)
  expect(mp.errors).toEqual([])
})

it('a failed request: the server answers an error → a message over the bundled content', async () => {
  // the API's address answers 404 for everything under it
  mp = await launch({ dist, api: { from: server.route.from, to: `${server.route.to}/missing` } })
  await mp.waitForText('服务器暂时无法提供内容（404），正在使用本机保存的内容')
  expectStandardsShown(mp)
  expect(mp.errors).toEqual([])
})

it('a failed request: nothing answers → 离线 over the bundled content', async () => {
  mp = await launch({ dist, api: { from: server.route.from, to: 'http://127.0.0.1:9' } })
  await mp.waitForText('离线 · 数据截至')
  expectStandardsShown(mp)
  expect(mp.errors).toEqual([])
})

it('a corrupt cached value: the bundled content with a message, and the cache is downloaded again', async () => {
  const pack = contentPack()
  const first = pack.faq[0]
  if (!first) throw new Error('the pack has no FAQ')
  first.question = `${first.question}（修订）`
  await publish(pack)
  const phone = new WxStorage()
  mp = await launch({ dist, api: server.route, storage: phone })
  mp.close()
  const faqKey = phone.keys().find((k) => k.startsWith('jdz:content:section:faq:'))
  if (!faqKey) throw new Error('the FAQ section was not cached')
  phone.setRaw(faqKey, '{"v":1,"data":[{"id":') // cut off mid-write

  mp = await launch({ dist, api: server.route, storage: phone, network: 'none' })
  expectStandardsShown(mp)
  expect(mp.text()).toContain('本机保存的内容无法读取，已改用应用自带的内容')
  await mp.switchTab('/pages/mine/index')
  expect(mp.text()).toContain('应用自带的内容')
  // back online: downloaded again and cached whole
  mp.setNetwork('wifi')
  await mp.settle()
  expect(mp.text()).toContain('刚从网络更新的内容')
  expect(phone.get(faqKey)).toEqual(expect.objectContaining({ v: 1 }))
  expect(mp.errors).toEqual([])
})

it('corrupt saved self-check answers are ignored: the form opens empty', async () => {
  const phone = new WxStorage()
  phone.setRaw('jdz:assess:dibao', 'not json')
  mp = await launch({ dist, storage: phone })
  await mp.tap('低保自测')
  expect(mp.text()).toContain('住在城市还是农村')
  expect(mp.text()).not.toContain('已填好您上次保存的内容')
  expect(mp.errors).toEqual([])
})
