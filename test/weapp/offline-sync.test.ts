// Content on weapp without and with a network, against the real API: an offline launch renders the
// pack bundled into the code package; a new edition reaches the cache (the manifest, then only the
// changed section); the next offline launch renders from the cache; an unchanged server costs one
// conditional request.
import { ANY_VERSION } from '../../server/content/repository'
import { contentPack } from '../server/helpers'
import { type ApiServer, startApiServer } from '../../harness/weapp/api-server'
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, launch } from '../../harness/weapp/mini-program'
import { WxStorage } from '../../harness/weapp/wx-storage'

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
afterEach(() => mp?.close())

const UPDATED_QUESTION = '景德镇现在的低保标准是多少？（2019年更新版）'

async function publishFaqEdit() {
  const pack = contentPack()
  pack.meta.version = '2019.6-2'
  const first = pack.faq[0]
  if (!first) throw new Error('the pack has no FAQ')
  first.question = UPDATED_QUESTION
  const result = await server.repository.publish(pack, ANY_VERSION)
  expect(result.ok).toBe(true)
  await server.app.content.refresh()
  const manifest = await server.app.inject({ url: '/api/v1/content/manifest' })
  return (manifest.json() as { version: string }).version
}

/** 我的 › 内容数据, with 技术信息 (where the version is) opened. */
async function contentCard(app: MiniProgram): Promise<string> {
  await app.switchTab('/pages/mine/index')
  if (!app.text().includes('收起技术信息')) await app.tap(/^技术信息/)
  return app.text()
}

it('launches with no network from the bundled pack, says it is offline, and makes no request', async () => {
  mp = await launch({ dist, network: 'none', api: server.route })
  const text = mp.text()
  expect(text).toContain('离线')
  expect(text).toContain('660元/人/月')
  expect(mp.http.log).toEqual([])
  expect(await contentCard(mp)).toContain('应用自带的内容')
  // the network comes back: the check runs then, on its own
  mp.setNetwork('wifi')
  await mp.settle()
  expect(mp.http.log.map((r) => r.url)).toEqual([`${server.route.from}/v1/content/manifest`])
  expect(mp.errors).toEqual([])
})

it('a new edition reaches the cache (manifest, then only the changed section) and a later offline launch renders it', async () => {
  const version = await publishFaqEdit()
  const phone = new WxStorage()
  mp = await launch({ dist, api: server.route, storage: phone })
  expect(mp.http.log).toEqual([
    { url: `${server.route.from}/v1/content/manifest`, status: 200 },
    { url: `${server.route.from}/v1/content/faq`, status: 200 },
  ])
  expect(phone.keys().filter((k) => k.startsWith('jdz:content:section:'))).toEqual([expect.stringMatching(/^jdz:content:section:faq:/)])
  expect(await contentCard(mp)).toContain('刚从网络更新的内容')
  expect(mp.text()).toContain(`内容版本${version}`)
  await mp.navigateTo('/subpackages/community/index')
  expect(mp.text()).toContain(UPDATED_QUESTION)
  mp.close()

  // next launch, no network: the cache, not the bundled pack
  mp = await launch({ dist, api: server.route, storage: phone, network: 'none' })
  expect(mp.http.log).toEqual([])
  const card = await contentCard(mp)
  expect(card).toContain('本机保存的内容')
  expect(card).toContain(`内容版本${version}`)
  await mp.navigateTo('/subpackages/community/index')
  expect(mp.text()).toContain(UPDATED_QUESTION)
  mp.close()

  // and online again with nothing new: one conditional request answered 304
  mp = await launch({ dist, api: server.route, storage: phone })
  expect(mp.http.log).toEqual([{ url: `${server.route.from}/v1/content/manifest`, status: 304 }])
  expect(mp.errors).toEqual([])
})
