// What the browser did: each request of the page and of its service worker, as the DevTools protocol
// saw it, to tell what came from the network from what a cache or a service worker answered.
import type { Protocol } from 'playwright-core/types/protocol'
import type { PhoneBrowser } from '../lib/browser'

export type DocumentSource = 'network' | 'service worker' | 'cache' | 'failed' | 'unknown'

/** One request of the page (or of its service worker), as the DevTools protocol saw it. */
export interface NetRecord {
  gen: number
  url: string
  from: 'page' | 'service worker'
  isDocument: boolean
  /** epoch ms */
  responseAt: number | null
  status: number | null
  /** answered by the memory, disk or prefetch cache */
  cached: boolean
  /** answered by the page's service worker (which may itself have gone to the network: see from) */
  viaServiceWorker: boolean
  failure: string | null
}

/**
 * The page's requests, classified: network (left the browser), cache, or service worker. CDP
 * timestamps are monotonic seconds; each requestWillBeSent gives the wall clock alongside, which
 * maps them to epoch ms, comparable with the page's performance.timeOrigin.
 */
export class NetLog {
  private gen = 0
  private readonly records = new Map<string, NetRecord>()
  private readonly swRecords = new Map<string, NetRecord>()
  /** wall-clock seconds minus monotonic seconds */
  private offset: number | null = null

  constructor(phone: PhoneBrowser) {
    const { cdp } = phone
    const skip = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('chrome')
    cdp.on('Network.requestWillBeSent', (e) => {
      this.offset = e.wallTime - e.timestamp
      if (skip(e.request.url)) return
      this.records.set(e.requestId, {
        gen: this.gen,
        url: e.request.url,
        from: 'page',
        isDocument: e.type === 'Document',
        responseAt: null,
        status: null,
        cached: false,
        viaServiceWorker: false,
        failure: null,
      })
    })
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = this.records.get(e.requestId)
      if (r) r.cached = true
    })
    cdp.on('Network.responseReceived', (e) => {
      const r = this.records.get(e.requestId)
      if (!r) return
      r.status = e.response.status
      r.cached = r.cached || e.response.fromDiskCache === true || e.response.fromPrefetchCache === true
      r.viaServiceWorker = e.response.fromServiceWorker === true
      r.responseAt = this.offset === null ? null : (e.timestamp + this.offset) * 1000
    })
    cdp.on('Network.loadingFailed', (e) => {
      const r = this.records.get(e.requestId)
      if (r) r.failure = e.canceled ? 'canceled' : e.errorText
    })
    // a service worker's own requests (the page's session does not see them)
    const swOffsets = new Map<string, number>()
    phone.onWorkerEvent(({ method, params, session }) => {
      if (method === 'Network.requestWillBeSent') {
        const e = params as Protocol.Network.requestWillBeSentPayload
        swOffsets.set(session, e.wallTime - e.timestamp)
        if (skip(e.request.url)) return
        this.swRecords.set(`${session}/${e.requestId}`, {
          gen: this.gen,
          url: e.request.url,
          from: 'service worker',
          isDocument: false,
          responseAt: null,
          status: null,
          cached: false,
          viaServiceWorker: false,
          failure: null,
        })
        return
      }
      const e = params as { requestId?: string }
      const r = e.requestId === undefined ? undefined : this.swRecords.get(`${session}/${e.requestId}`)
      if (!r) return
      if (method === 'Network.requestServedFromCache') r.cached = true
      if (method === 'Network.responseReceived') {
        const rr = params as Protocol.Network.responseReceivedPayload
        const offset = swOffsets.get(session)
        r.status = rr.response.status
        r.cached = r.cached || rr.response.fromDiskCache === true || rr.response.fromPrefetchCache === true
        r.responseAt = offset === undefined ? null : (rr.timestamp + offset) * 1000
      }
      if (method === 'Network.loadingFailed') {
        const f = params as Protocol.Network.loadingFailedPayload
        r.failure = f.canceled ? 'canceled' : f.errorText
      }
    })
  }

  reset(): void {
    this.gen++
  }

  /** Requests of this visit that went to the network (tried to, when offline). */
  network(): NetRecord[] {
    const page = [...this.records.values()].filter(
      (r) => r.gen === this.gen && !r.cached && !r.viaServiceWorker && r.failure !== 'canceled',
    )
    const sw = [...this.swRecords.values()].filter((r) => r.gen === this.gen && !r.cached && r.failure !== 'canceled')
    return [...page, ...sw]
  }

  /** Who answered this visit's document request. */
  documentSource(): DocumentSource {
    const doc = [...this.records.values()].find((r) => r.gen === this.gen && r.isDocument)
    if (!doc) return 'unknown'
    if (doc.failure) return 'failed'
    if (doc.viaServiceWorker) return 'service worker'
    if (doc.cached) return 'cache'
    return 'network'
  }
}
