// The offline-first content store against a mocked Taro.request: cache, revalidation, recovery.
import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import bundledJson from '../../src/generated/bundled-content.json'
import type { ContentPack, Manifest, Parameter, SectionName } from '../../src/domain'
import { createApiClient } from '../../src/services/api-client'
import { type BundledContent, type CorePack, createContentStore } from '../../src/services/content-store'
import type { NetworkWatch } from '../../src/services/network'
import {
  CHUNK_CHARS,
  MANIFEST_KEY,
  SECTION_PREFIX,
  readSection,
  sectionKey,
  splitText,
  writeSection,
} from '../../src/services/content-cache'
import { at } from '../../harness/at'

const bundled = bundledJson as unknown as { manifest: Manifest; pack: ContentPack }
const BASE = 'https://test.example/api'

/** The server's content: the bundled pack with 城市低保 raised to 700元 in 2020. */
function serverContent(version = '2020.1-1') {
  const parameters: Parameter[] = JSON.parse(JSON.stringify(bundled.pack.parameters))
  const urban = parameters.find((p) => p.id === 'dibao-urban-standard')!
  urban.values.push({ ...at(urban.values, -1), effectiveFrom: '2020-01-01', amountFen: 70000 })
  const manifest: Manifest = {
    version,
    publishedAt: '2020-01-02T00:00:00Z',
    asOf: '2020-01-02',
    sections: { ...bundled.manifest.sections, parameters: { hash: `p-${version}`, bytes: 1 } },
  }
  const sections: Record<SectionName, unknown> = { ...bundled.pack, parameters } as unknown as Record<SectionName, unknown>
  return { manifest, sections, manifestEtag: `"m-${version}"` }
}

type Reply = { statusCode: number; data?: unknown; header?: Record<string, string> } | 'offline' | 'timeout' | 'hang'

interface Call {
  url: string
  ifNoneMatch: string | undefined
}

/** Mock Taro.request with a function from (path, If-None-Match) to a reply; records the calls. */
function mockServer(route: (path: string, ifNoneMatch: string | undefined) => Reply) {
  const calls: Call[] = []
  const spy = jest.spyOn(Taro, 'request').mockImplementation(((options: Taro.request.Option) => {
    const header = (options.header ?? {}) as Record<string, string>
    const ifNoneMatch = header['If-None-Match']
    calls.push({ url: options.url, ifNoneMatch })
    const reply = route(options.url.replace(BASE, ''), ifNoneMatch)
    if (reply === 'hang') return new Promise(() => undefined)
    if (reply === 'offline') return Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' })
    if (reply === 'timeout') return Promise.reject({ errMsg: 'request:fail timeout' })
    return Promise.resolve({ header: {}, errMsg: 'request:ok', cookies: [], ...reply })
  }) as unknown as typeof Taro.request)
  return { spy, calls }
}

/** A server that serves `content` with ETags and answers If-None-Match with 304. */
function contentServer(content = serverContent()) {
  return (path: string, ifNoneMatch: string | undefined): Reply => {
    if (path === '/v1/content/manifest') {
      if (ifNoneMatch === content.manifestEtag) return { statusCode: 304 }
      return { statusCode: 200, data: content.manifest, header: { ETag: content.manifestEtag } }
    }
    const name = path.replace('/v1/content/', '') as SectionName
    const hash = content.manifest.sections[name].hash
    if (ifNoneMatch === `"${hash}"`) return { statusCode: 304 }
    return { statusCode: 200, data: content.sections[name], header: { etag: `"${hash}"` } }
  }
}

function newStore(timeoutMs = 200, whole: BundledContent = bundled) {
  return createContentStore({
    api: createApiClient({ base: BASE, timeoutMs, retryDelayMs: 1 }),
    now: () => new Date('2020-01-03T08:00:00Z'),
    bundled: whole,
  })
}

const urbanAmounts = (pack: CorePack) => pack.parameters.find((p) => p.id === 'dibao-urban-standard')!.values.map((v) => v.amountFen)

/** Fill the cache the way a first online launch does. */
async function primeCache(content = serverContent()) {
  const { spy } = mockServer(contentServer(content))
  const store = newStore()
  await expect(store.refresh()).resolves.toBe('updated')
  spy.mockRestore()
}

beforeEach(() => {
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  localStorage.clear()
})

describe('content store', () => {
  it('first launch renders the bundled pack at once, then downloads only the changed section', async () => {
    const { calls } = mockServer(contentServer())
    const store = newStore()
    expect(store.getState().pack).toBe(bundled.pack)
    expect(store.getState().status.origin).toBe('bundled')

    await expect(store.refresh()).resolves.toBe('updated')
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/content/manifest`, `${BASE}/v1/content/parameters`])
    // the section request names the copy we hold
    expect(at(calls, 1).ifNoneMatch).toBe(`"${bundled.manifest.sections.parameters.hash}"`)
    const { pack, status } = store.getState()
    expect(urbanAmounts(pack)).toEqual([60000, 66000, 70000])
    expect(pack.meta.version).toBe('2020.1-1')
    expect(status).toMatchObject({ origin: 'network', version: '2020.1-1', asOf: '2020-01-02', offline: false, message: null })
    expect(store.getState().cache).toMatchObject({ lastResult: 'updated', lastSync: '2020-01-03T08:00:00.000Z' })
    expect(store.getState().cache.cacheBytes).toBeGreaterThan(1000)
    // only the section that differs from the bundled pack is stored
    expect(Object.keys(localStorage).filter((k) => k.startsWith(SECTION_PREFIX))).toEqual([sectionKey('parameters', 'p-2020.1-1')])
  })

  it('a cache hit renders without any request', async () => {
    await primeCache()
    const { spy } = mockServer(contentServer())
    const store = newStore()
    const { pack, status, cache } = store.getState()
    expect(urbanAmounts(pack)).toEqual([60000, 66000, 70000])
    expect(status).toMatchObject({ origin: 'cache', version: '2020.1-1' })
    expect(cache.lastSync).toBe('2020-01-03T08:00:00.000Z')
    expect(spy).not.toHaveBeenCalled()
  })

  it('a 304 for the manifest keeps the cache and fetches nothing else', async () => {
    await primeCache()
    const { calls } = mockServer(contentServer())
    const store = newStore()
    const before = store.getState().pack
    await expect(store.refresh()).resolves.toBe('unchanged')
    expect(calls).toEqual([{ url: `${BASE}/v1/content/manifest`, ifNoneMatch: '"m-2020.1-1"' }])
    expect(store.getState().pack).toBe(before)
    expect(store.getState().status).toMatchObject({ origin: 'cache', offline: false })
    expect(store.getState().cache.lastResult).toBe('unchanged')
  })

  it('a newer version downloads only its changed section and drops the old keys', async () => {
    await primeCache()
    const next = serverContent('2020.2-1')
    const { calls } = mockServer(contentServer(next))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('updated')
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/content/manifest`, `${BASE}/v1/content/parameters`])
    expect(at(calls, 1).ifNoneMatch).toBe('"p-2020.1-1"')
    expect(store.getState().status.version).toBe('2020.2-1')
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(SECTION_PREFIX))
    expect(keys).toEqual([sectionKey('parameters', 'p-2020.2-1')])
  })

  it('offline: keeps the cached content and says so (after one retry)', async () => {
    await primeCache()
    const { calls } = mockServer(() => 'offline')
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('offline')
    expect(calls).toHaveLength(2)
    const { pack, status } = store.getState()
    expect(urbanAmounts(pack)).toEqual([60000, 66000, 70000])
    expect(status).toMatchObject({ origin: 'cache', offline: true, refreshing: false })
    expect(store.getState().cache.lastResult).toBe('offline')
  })

  it('first launch with no network and no cache: the bundled pack, marked offline', async () => {
    mockServer(() => 'offline')
    const store = newStore()
    await store.refresh()
    expect(store.getState().pack).toBe(bundled.pack)
    expect(store.getState().status).toMatchObject({ origin: 'bundled', offline: true, version: bundled.manifest.version })
  })

  it('a timeout is retried once, and the retry can succeed', async () => {
    let manifestCalls = 0
    const serve = contentServer()
    const { calls } = mockServer((path, inm) => {
      if (path === '/v1/content/manifest' && manifestCalls++ === 0) return 'hang'
      return serve(path, inm)
    })
    const store = newStore(30)
    await expect(store.refresh()).resolves.toBe('updated')
    expect(calls.filter((c) => c.url.endsWith('/manifest'))).toHaveLength(2)
  })

  it('a platform timeout error counts as offline after its retry', async () => {
    const { calls } = mockServer(() => 'timeout')
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('offline')
    expect(calls).toHaveLength(2)
  })

  it('a corrupted section is dropped, the page falls back to the bundled pack, and it is refetched', async () => {
    await primeCache()
    const key = sectionKey('parameters', 'p-2020.1-1')
    localStorage.setItem(key, '{"data": {"v": 1, "data": [{"id": tru') // truncated write
    const { calls } = mockServer(contentServer())
    const store = newStore()
    expect(store.getState().pack).toBe(bundled.pack)
    expect(localStorage.getItem(key)).toBeNull()
    await expect(store.refresh()).resolves.toBe('updated')
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/content/manifest`, `${BASE}/v1/content/parameters`])
    expect(urbanAmounts(store.getState().pack)).toEqual([60000, 66000, 70000])
    expect(readSection('parameters', 'p-2020.1-1')).not.toBeNull()
  })

  it('a schema-invalid section and a malformed manifest record are dropped, never crash', async () => {
    await primeCache()
    Taro.setStorageSync(sectionKey('parameters', 'p-2020.1-1'), { v: 1, data: [{ id: 'x', label: 42 }] })
    let store = newStore()
    expect(store.getState().status.origin).toBe('bundled')

    Taro.setStorageSync(MANIFEST_KEY, { manifest: { version: 3 } })
    store = newStore()
    expect(store.getState().pack).toBe(bundled.pack)
    expect(localStorage.getItem(MANIFEST_KEY)).toBeNull()

    localStorage.setItem(MANIFEST_KEY, 'not json at all')
    expect(() => newStore().getState()).not.toThrow()
  })

  it('an HTML page instead of JSON keeps the cache, with a message', async () => {
    await primeCache()
    const { calls } = mockServer(() => ({
      statusCode: 200,
      data: '<html><body>登录</body></html>',
      header: { 'Content-Type': 'text/html' },
    }))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(calls).toHaveLength(1) // not retried: the same page would come back
    const { pack, status } = store.getState()
    expect(urbanAmounts(pack)).toEqual([60000, 66000, 70000])
    expect(status.offline).toBe(false)
    expect(status.message).toMatch(/格式不正确/)
    expect(store.getState().cache.lastResult).toBe('error')
  })

  it('a 500 is retried once, then keeps the cache with a message', async () => {
    await primeCache()
    const { calls } = mockServer(() => ({ statusCode: 500, data: { error: 'boom' } }))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(calls).toHaveLength(2)
    expect(store.getState().status.message).toMatch(/500/)
    expect(store.getState().status.origin).toBe('cache')
  })

  it('swaps atomically: when one changed section fails, nothing changes', async () => {
    const content = serverContent()
    content.manifest.sections.sources = { hash: 's-new', bytes: 1 }
    const serve = contentServer(content)
    mockServer((path, inm) => (path.endsWith('/sources') ? { statusCode: 503 } : serve(path, inm)))
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(store.getState().pack).toBe(bundled.pack)
    expect(localStorage.getItem(MANIFEST_KEY)).toBeNull()
    expect(Object.keys(localStorage).filter((k) => k.startsWith(SECTION_PREFIX))).toEqual([])
  })

  it('a section whose ETag disagrees with the manifest is not stored under the wrong hash', async () => {
    const content = serverContent()
    const serve = contentServer(content)
    mockServer((path, inm) => {
      const reply = serve(path, inm)
      return path.endsWith('/parameters') && typeof reply === 'object' ? { ...reply, header: { etag: '"other"' } } : reply
    })
    const store = newStore()
    await expect(store.refresh()).resolves.toBe('error')
    expect(store.getState().pack).toBe(bundled.pack)
  })

  it('refresh() joins a refresh already running', async () => {
    const { calls } = mockServer(contentServer())
    const store = newStore()
    const [a, b] = await Promise.all([store.refresh(), store.refresh()])
    expect(a).toBe('updated')
    expect(b).toBe('updated')
    expect(calls).toHaveLength(2)
  })

  it('start() revalidates once per launch', async () => {
    const { calls } = mockServer(contentServer())
    const store = newStore()
    store.start()
    await waitFor(() => expect(store.getState().cache.lastResult).toBe('updated'))
    // a check marks the status refreshing as it begins, before its first await
    store.start()
    expect(store.getState().status.refreshing).toBe(false)
    expect(calls.filter((c) => c.url.endsWith('/manifest'))).toHaveLength(1)
  })

  it('when the phone knows it is offline: no request at all, 离线 at once; the check runs when the network returns', async () => {
    await primeCache()
    const { calls } = mockServer(contentServer())
    let offline = true
    const reconnect = new Set<() => void>()
    const network: NetworkWatch = {
      isOffline: async () => offline,
      onReconnect: (listener) => {
        reconnect.add(listener)
        return () => reconnect.delete(listener)
      },
    }
    const store = createContentStore({ api: createApiClient({ base: BASE, timeoutMs: 200, retryDelayMs: 1 }), network })
    store.start()
    await waitFor(() => expect(store.getState().status.offline).toBe(true))
    expect(calls).toEqual([])
    expect(store.getState().status).toMatchObject({ origin: 'cache', offline: true, refreshing: false })
    expect(urbanAmounts(store.getState().pack)).toEqual([60000, 66000, 70000])

    offline = false
    reconnect.forEach((listener) => listener())
    await waitFor(() => expect(store.getState().cache.lastResult).toBe('unchanged'))
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/content/manifest`])
    expect(store.getState().status).toMatchObject({ offline: false })
    expect(store.getState().cache.lastResult).toBe('unchanged')
    // online again and up to date: another reconnect does not check again (a check would mark the
    // status refreshing at once)
    reconnect.forEach((listener) => listener())
    expect(store.getState().status.refreshing).toBe(false)
    expect(calls).toHaveLength(1)
  })

  it('clear() drops the cache and goes back to the bundled pack', async () => {
    await primeCache()
    const store = newStore()
    expect(store.getState().status.origin).toBe('cache')
    const seen: string[] = []
    store.subscribe(() => seen.push(store.getState().status.origin))
    store.clear()
    expect(store.getState().pack).toBe(bundled.pack)
    expect(store.getState().status.origin).toBe('bundled')
    expect(store.getState().cache).toEqual({ lastSync: null, cacheBytes: 0, lastResult: null })
    expect(Object.keys(localStorage).filter((k) => k.startsWith('jdz:content:'))).toEqual([])
    expect(seen).toEqual(['bundled'])
  })
})

describe('the bundled pack in two parts (the first screen, then the rest with the pages that show it)', () => {
  const LATER = ['policies', 'services', 'faq', 'news'] as const
  const later = Object.fromEntries(LATER.map((name) => [name, bundled.pack[name]]))
  /** What the entry script holds: the manifest, meta, parameters and sources. */
  const firstScreen: BundledContent = {
    manifest: bundled.manifest,
    pack: { meta: bundled.pack.meta, parameters: bundled.pack.parameters, sources: bundled.pack.sources },
  }
  const laterPresent = (pack: object) => LATER.filter((name) => name in pack)

  it('shows the first screen from the entry alone, and the rest once it is provided', () => {
    const store = newStore(200, firstScreen)
    const seen: string[][] = []
    store.subscribe(() => seen.push(laterPresent(store.getState().pack)))
    expect(store.getState().pack.parameters).toBe(bundled.pack.parameters)
    expect(laterPresent(store.getState().pack)).toEqual([])
    expect(store.getState().status).toMatchObject({ origin: 'bundled', message: null })
    store.provideBundled(later)
    expect(store.getState().pack).toEqual(bundled.pack)
    expect(seen).toEqual([[...LATER]])
    // providing the same again changes nothing
    store.provideBundled(later)
    expect(seen).toHaveLength(1)
  })

  it('a cache that uses bundled later sections is complete, not damaged, before they load', async () => {
    await primeCache() // only parameters differ from the bundled pack, so only they are stored
    const store = newStore(200, firstScreen)
    expect(store.getState().status).toMatchObject({ origin: 'cache', message: null })
    expect(urbanAmounts(store.getState().pack)).toEqual([60000, 66000, 70000])
    expect(laterPresent(store.getState().pack)).toEqual([])
    store.provideBundled(later)
    const { pack } = store.getState()
    expect(urbanAmounts(pack)).toEqual([60000, 66000, 70000])
    expect(pack.policies).toBe(bundled.pack.policies)
    expect(pack.meta.version).toBe('2020.1-1')
  })

  it('a later section the server changed is read from the cache at once, without the bundled copy', async () => {
    const content = serverContent()
    const policies = [{ ...bundled.pack.policies[0], title: '新标题' }]
    content.manifest.sections.policies = { hash: 'pol-2', bytes: 1 }
    content.sections.policies = policies
    await primeCache(content)
    const store = newStore(200, firstScreen)
    expect(store.getState().pack.policies).toEqual(policies)
    expect(laterPresent(store.getState().pack)).toEqual(['policies'])
    store.provideBundled(later)
    expect(store.getState().pack.policies).toEqual(policies)
    expect(store.getState().pack.faq).toBe(bundled.pack.faq)
  })

  it('a refresh that lands before the rest is provided downloads only what changed, and the rest fills in after', async () => {
    const { calls } = mockServer(contentServer())
    const store = newStore(200, firstScreen)
    await expect(store.refresh()).resolves.toBe('updated')
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/v1/content/manifest`, `${BASE}/v1/content/parameters`])
    expect(laterPresent(store.getState().pack)).toEqual([])
    store.provideBundled(later)
    expect(store.getState().pack.news).toBe(bundled.pack.news)
    expect(urbanAmounts(store.getState().pack)).toEqual([60000, 66000, 70000])
    expect(store.getState().status.origin).toBe('network')
  })
})

describe('content cache storage', () => {
  it('splits a section larger than ~900 KB into pieces and reads it back', () => {
    const parameters: Parameter[] = JSON.parse(JSON.stringify(bundled.pack.parameters))
    at(parameters, 0).description = '低保'.repeat(200_000) + '𠀀'.repeat(1000) // ~1.2 MB of UTF-8
    expect(writeSection('parameters', 'big', parameters)).toBe(true)
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(sectionKey('parameters', 'big')))
    expect(keys.length).toBeGreaterThan(2)
    for (const key of keys) expect((localStorage.getItem(key) ?? '').length).toBeLessThan(CHUNK_CHARS + 100)
    expect(readSection('parameters', 'big')?.[0]?.description).toBe(at(parameters, 0).description)

    // a missing piece makes the whole section invalid, and it is removed
    localStorage.removeItem(`${sectionKey('parameters', 'big')}:1`)
    expect(readSection('parameters', 'big')).toBeNull()
    expect(Object.keys(localStorage).filter((k) => k.startsWith(sectionKey('parameters', 'big')))).toEqual([])
  })

  it('never cuts a surrogate pair', () => {
    const text = 'a𠀀'.repeat(10)
    for (const piece of splitText(text, 4)) {
      const last = piece.charCodeAt(piece.length - 1)
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false)
    }
    expect(splitText(text, 4).join('')).toBe(text)
  })
})
