// The app's content store under faults test/services/content-store.test.ts does not already cover:
// storage full (at any write), storage unreadable or holding the wrong types, a body cut off
// mid-JSON (as H5 reports it: data null; as WeChat does: the raw text), a server slower than the
// timeout whose late answers arrive afterwards, a proxy's HTML error page, HTML for one section.
// Whatever happens the page keeps a complete pack (cached or bundled), the status says what went
// wrong, and nothing half-written is left in storage for the next launch.
import Taro from '@tarojs/taro'
import bundledJson from '../../src/generated/bundled-content.json'
import { type ContentPack, type Manifest, type Parameter, SECTION_NAMES, type SectionName } from '../../src/domain'
import { createApiClient } from '../../src/services/api-client'
import { MANIFEST_KEY, SECTION_PREFIX, sectionKey } from '../../src/services/content-cache'
import { type ContentState, type CorePack, createContentStore } from '../../src/services/content-store'
import { at } from '../../harness/at'

const bundled = bundledJson as unknown as { manifest: Manifest; pack: ContentPack }
const BASE = 'https://faults.example/api'
const TIMEOUT_MS = 60

/** The server's edition: the bundled pack with 城市低保 at 700 元 from 2020 (only parameters differ). */
function edition(version: string) {
  const parameters: Parameter[] = JSON.parse(JSON.stringify(bundled.pack.parameters))
  const urban = parameters.find((p) => p.id === 'dibao-urban-standard')!
  urban.values.push({
    ...at(urban.values, -1),
    effectiveFrom: '2020-01-01',
    amountFen: 70000 + Number(version.replace(/\D/g, '')),
  })
  const manifest: Manifest = {
    version,
    publishedAt: '2020-01-02T00:00:00Z',
    asOf: '2020-01-02',
    sections: { ...bundled.manifest.sections, parameters: { hash: `p-${version}`, bytes: 1 } },
  }
  return { manifest, parameters, etag: `"m-${version}"` }
}

type Reply = { statusCode: number; data?: unknown; header?: Record<string, string> } | 'hang' | { delayMs: number; reply: Reply }

/** Taro.request answered by `route(path)`; late replies still resolve, after their delay (`delivered` settles when they have). */
function mockServer(route: (path: string) => Reply) {
  const calls: string[] = []
  const replies: Promise<unknown>[] = []
  const spy = jest.spyOn(Taro, 'request').mockImplementation(((options: Taro.request.Option) => {
    const path = options.url.replace(BASE, '')
    calls.push(path)
    const answer = (reply: Reply): Promise<unknown> => {
      if (reply === 'hang') return new Promise(() => undefined)
      if ('delayMs' in reply) return new Promise((resolve) => setTimeout(resolve, reply.delayMs)).then(() => answer(reply.reply))
      return Promise.resolve({ header: {}, errMsg: 'request:ok', cookies: [], ...reply })
    }
    const reply = route(path)
    const answered = answer(reply)
    if (reply !== 'hang') replies.push(answered)
    return answered
  }) as unknown as typeof Taro.request)
  // every reply that will ever arrive has arrived, and what the client chained on it has run
  const delivered = async () => {
    await Promise.allSettled(replies)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { spy, calls, delivered }
}

/** A well-behaved server for one edition. */
function serving(e: ReturnType<typeof edition>) {
  return (path: string): Reply => {
    if (path === '/v1/content/manifest') return { statusCode: 200, data: e.manifest, header: { etag: e.etag } }
    const name = path.replace('/v1/content/', '') as SectionName
    const data = name === 'parameters' ? e.parameters : bundled.pack[name]
    return { statusCode: 200, data, header: { etag: `"${e.manifest.sections[name].hash}"` } }
  }
}

const newStore = () =>
  createContentStore({
    api: createApiClient({ base: BASE, timeoutMs: TIMEOUT_MS, retryDelayMs: 1 }),
    now: () => new Date('2020-01-03T08:00:00Z'),
    // the whole bundled pack, as once a page of the full pack has loaded (content-store.test.ts
    // covers the later sections arriving after the first screen)
    bundled,
  })

const urbanTop = (pack: CorePack) => at(pack.parameters.find((p) => p.id === 'dibao-urban-standard')!.values.slice(-1), 0).amountFen

const storedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('jdz:content:'))

/** Never a blank screen: every section there, a version to show, not stuck on "refreshing". */
function expectWholePage(state: ContentState): void {
  figures.wholePageChecks++
  for (const name of SECTION_NAMES) expect(Array.isArray(state.pack[name]) && state.pack[name].length > 0).toBe(true)
  expect(state.status.version).not.toBe('')
  expect(state.status.refreshing).toBe(false)
}

async function primeCache(version = 'v1') {
  const { spy } = mockServer(serving(edition(version)))
  await expect(newStore().refresh()).resolves.toBe('updated')
  spy.mockRestore()
}

const figures = { faultsInjected: 0, wholePageChecks: 0 }
afterAll(() =>
  console.log(
    `[reliability] client faults: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} blankScreens=0`,
  ),
)

beforeEach(() => {
  figures.faultsInjected++
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  localStorage.clear()
})

describe('storage full', () => {
  const full = () =>
    jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => {
      throw new Error('setStorageSync:fail exceed storage max size 10MB')
    })

  test('first launch: the new content is shown with a message, nothing half-stored, next launch starts clean', async () => {
    full()
    mockServer(serving(edition('v1')))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('updated')
    const state = store.getState()
    expectWholePage(state)
    expect(urbanTop(state.pack)).toBe(70001)
    expect(state.status).toMatchObject({ origin: 'network', version: 'v1', message: expect.stringMatching(/存储空间不足/) })
    expect(storedKeys()).toEqual([])
    jest.restoreAllMocks()
    expect(newStore().getState().status.origin).toBe('bundled')
  })

  test('with a cache: the new edition is shown, the old cache stays whole for the next launch', async () => {
    await primeCache('v1')
    const before = storedKeys().sort()
    full()
    mockServer(serving(edition('v2')))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('updated')
    expectWholePage(store.getState())
    expect(urbanTop(store.getState().pack)).toBe(70002)
    expect(store.getState().status.message).toMatch(/存储空间不足/)
    jest.restoreAllMocks()
    expect(storedKeys().sort()).toEqual(before)
    const next = newStore().getState()
    expect(next.status).toMatchObject({ origin: 'cache', version: 'v1' })
    expect(urbanTop(next.pack)).toBe(70001)
  })

  test('full after the sections were written (the manifest record fails): no orphaned new section', async () => {
    await primeCache('v1')
    const original = Taro.setStorageSync.bind(Taro)
    jest.spyOn(Taro, 'setStorageSync').mockImplementation(((key: string, value: unknown) => {
      if (key === MANIFEST_KEY) throw new Error('setStorageSync:fail exceed storage max size 10MB')
      return original(key, value)
    }) as typeof Taro.setStorageSync)
    mockServer(serving(edition('v2')))
    const store = newStore()
    await store.refresh()
    expectWholePage(store.getState())
    jest.restoreAllMocks()
    expect(storedKeys().filter((k) => k.startsWith(SECTION_PREFIX))).toEqual([sectionKey('parameters', 'p-v1')])
    expect(newStore().getState().status.version).toBe('v1')
  })
})

describe('storage corrupted or unreadable', () => {
  test('every read throws: the bundled pack, and a refresh still works', async () => {
    jest.spyOn(Taro, 'getStorageSync').mockImplementation(() => {
      throw new Error('getStorageSync:fail data corrupted')
    })
    jest.spyOn(Taro, 'getStorageInfoSync').mockImplementation(() => {
      throw new Error('getStorageInfoSync:fail')
    })
    mockServer(serving(edition('v3')))
    const store = newStore()
    expect(store.getState().status.origin).toBe('bundled')
    expectWholePage(store.getState())
    await expect(store.refresh()).resolves.toBe('updated')
    expectWholePage(store.getState())
    expect(urbanTop(store.getState().pack)).toBe(70003)
  })

  test.each([
    ['the manifest record is a number', () => Taro.setStorageSync(MANIFEST_KEY, 42)],
    [
      'the manifest record lacks a section',
      () => {
        const m = edition('v1').manifest as { sections: Partial<Manifest['sections']> }
        delete m.sections.news
        Taro.setStorageSync(MANIFEST_KEY, { manifest: m, etag: null, syncedAt: 'x' })
      },
    ],
    ['a section head claims pieces that are not there', () => Taro.setStorageSync(sectionKey('parameters', 'p-v1'), { v: 1, chunks: 3 })],
    [
      'a section piece is a number',
      () => {
        Taro.setStorageSync(sectionKey('parameters', 'p-v1'), { v: 1, chunks: 1 })
        Taro.setStorageSync(`${sectionKey('parameters', 'p-v1')}:0`, 12345)
      },
    ],
    ['a section is an array of the wrong things', () => Taro.setStorageSync(sectionKey('parameters', 'p-v1'), { v: 1, data: [1, 2, 3] })],
    ['a section is raw bytes', () => localStorage.setItem(sectionKey('parameters', 'p-v1'), '\u0000\uffff{')],
  ])('%s: the bundled pack, no crash, and the next refresh repairs it', async (_label, corrupt) => {
    await primeCache('v1')
    corrupt()
    const store = newStore()
    expect(() => store.getState()).not.toThrow()
    expectWholePage(store.getState())
    expect(store.getState().status.origin).toBe('bundled')
    mockServer(serving(edition('v1')))
    await expect(store.refresh()).resolves.toBe('updated')
    expect(urbanTop(store.getState().pack)).toBe(70001)
    expect(newStore().getState().status.origin).toBe('cache')
  })
})

describe('the network misbehaving', () => {
  test.each([
    ['the manifest cut off mid-body, as H5 reports it (data null)', { statusCode: 200, data: null }],
    [
      'the manifest cut off mid-body, as WeChat reports it (the raw text)',
      { statusCode: 200, data: '{"version":"v9","publishedAt":"2020-01-02T00:0' },
    ],
    ['a 200 with an error object', { statusCode: 200, data: { error: { code: 'x', message: 'y' } } }],
  ])('%s: the cache stays, with a message, not retried', async (_label, reply) => {
    await primeCache('v1')
    const { calls } = mockServer(() => reply)
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(calls).toHaveLength(1)
    expectWholePage(store.getState())
    expect(store.getState().status).toMatchObject({
      origin: 'cache',
      version: 'v1',
      offline: false,
      message: expect.stringMatching(/格式不正确/),
    })
  })

  test('one section cut off while the manifest is fine: nothing swapped, nothing stored', async () => {
    await primeCache('v1')
    const before = storedKeys().sort()
    const serve = serving(edition('v2'))
    mockServer((path) =>
      path.endsWith('/parameters') ? { statusCode: 200, data: '[{"id":"dibao-urban-standard","label":"城市低' } : serve(path),
    )
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expectWholePage(store.getState())
    expect(store.getState().status).toMatchObject({ version: 'v1', message: expect.stringMatching(/格式不正确/) })
    expect(urbanTop(store.getState().pack)).toBe(70001)
    expect(storedKeys().sort()).toEqual(before)
  })

  test('a proxy’s HTML error page (502): retried once, then the cache with the status in the message', async () => {
    await primeCache('v1')
    const { calls } = mockServer(() => ({
      statusCode: 502,
      data: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      header: { 'content-type': 'text/html' },
    }))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(calls).toHaveLength(2)
    expectWholePage(store.getState())
    expect(store.getState().status.message).toMatch(/502/)
  })

  test('HTML for one section: nothing swapped', async () => {
    const serve = serving(edition('v2'))
    mockServer((path) => (path.endsWith('/parameters') ? { statusCode: 200, data: '<!doctype html><title>登录</title>' } : serve(path)))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(store.getState().pack).toBe(bundled.pack)
    expect(storedKeys()).toEqual([])
  })

  test('slower than the timeout: offline after one retry; the late answers change nothing', async () => {
    await primeCache('v1')
    const serve = serving(edition('v2'))
    const { calls, delivered } = mockServer((path) => ({ delayMs: TIMEOUT_MS * 3, reply: serve(path) }))
    const store = newStore()
    const seen: string[] = []
    store.subscribe(() => seen.push(`${store.getState().status.version}/${store.getState().status.refreshing}`))
    await expect(store.refresh()).resolves.toBe('offline')
    expect(calls).toHaveLength(2)
    expectWholePage(store.getState())
    expect(store.getState().status).toMatchObject({ origin: 'cache', version: 'v1', offline: true })
    const settled = seen.length
    await delivered()
    expect(seen).toHaveLength(settled)
    expect(store.getState().status.version).toBe('v1')
    expect(storedKeys().filter((k) => k.includes('p-v2'))).toEqual([])
  })

  test('slow on the first try only: the retry brings the new edition', async () => {
    const serve = serving(edition('v2'))
    let first = true
    mockServer((path) => {
      if (path.endsWith('/manifest') && first) {
        first = false
        return 'hang'
      }
      return serve(path)
    })
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('updated')
    expect(urbanTop(store.getState().pack)).toBe(70002)
  })
})
