// The H5 app in Chromium, side by side with the baseline (the minimal Taro + NutUI app of
// bench/baseline-app, built and served the same way) in the same run:
//
//   1. load (section `h5-load`): first contentful paint and the time until today's standards are on
//      screen, on an emulated mid-range phone (4× CPU slowdown, Lighthouse slow 4G), cold (fresh
//      profile), warm (revisit in the same profile) and offline (same profile, network cut, reload);
//   2. network on revisit (section `revisit`): what reaches the server when the app is opened again
//      with unchanged content, after one section was republished, and offline;
//   3. DOM size per page (section `dom`): nodes and serialized size of every page of the app.
//
//   npx tsx bench/h5-load.bench.ts                (writes its sections into docs/BENCHMARKS.md)
//   BENCH_RUNS=3 npx tsx bench/h5-load.bench.ts   (repetitions; default 5)
//
// Every request goes through a small counting reverse proxy in front of each server, so "reached
// the server" is counted where it happens, whatever the browser's caches or a service worker did.
// Timings come from the page itself (performance 'paint' entries, and a requestAnimationFrame probe
// that notes the first frame in which the awaited content is laid out on screen); which responses
// came from the network (not a cache, not a service worker) comes from the DevTools protocol.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { Protocol } from 'playwright-core/types/protocol'
import { CHROMIUM, CPU_SLOWDOWN, type PhoneBrowser, SLOW_4G, chromiumAvailable, openPhone } from './lib/browser'
import { ROOT, ensureBuilt } from '../harness/builds'
import { fmt, kb, machineLine, medianWithRange, ratio, recordTargets, spread, table, writeSection } from './lib/report'
import { ADMIN_TOKEN, type RunningServer, startServer } from '../harness/e2e'
import { ROUTES, launch, routeUrl, view } from '../harness/pages'
import { type ContentPack, SECTION_NAMES, contentPackSchema, formatYuan, manifestSchema, standardsOn, todayInShanghai } from '../src/domain'

const RUNS = positiveInt('BENCH_RUNS', 5)
const VERBOSE = process.env.BENCH_VERBOSE === '1'
const HOME = 'pages/index/index'
const COLD_TARGET = 1.5
const WECHAT_NODE_LIMIT = 1000
/** how long a visit may take to show its content before it counts as "did not show" */
const TIMEOUT_MS = { cold: 45_000, warm: 30_000, offline: 12_000 } as const

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} should be a positive integer, got "${raw}"`)
  return n
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].trim()

// ------------------------------------------------------------------ counting reverse proxy

/** One request that reached the server, with what the server sent back. */
interface Hit {
  gen: number
  method: string
  path: string
  status: number
  /** response body bytes as sent on the wire (after any content-encoding) */
  bodyBytes: number
  contentType: string
  encoding: string | null
  conditional: boolean
  startedAt: number
  headersAt: number | null
  endedAt: number | null
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'])

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {}
  for (const [key, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(key)) out[key] = value
  return out
}

/**
 * A pass-through reverse proxy in front of one server, counting every request that reaches it and
 * the body bytes it sends back. The browser loads the app from the proxy's origin.
 */
class CountingProxy {
  readonly hits: Hit[] = []
  url = ''
  private gen = 0
  private inflight = 0
  private lastActivity = Date.now()
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
  private readonly server: http.Server
  private readonly upstream: URL

  constructor(upstream: string) {
    this.upstream = new URL(upstream)
    this.server = http.createServer((req, res) => this.forward(req, res))
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }

  /** Start a new count: hits from before (even those still running) are not in current(). */
  reset(): void {
    this.gen++
  }

  current(): Hit[] {
    return this.hits.filter((h) => h.gen === this.gen)
  }

  /** Wait until nothing has been in flight for `quietMs` (at most `timeoutMs`). */
  async idle(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.inflight === 0 && Date.now() - this.lastActivity >= quietMs) return
      await sleep(50)
    }
  }

  async close(): Promise<void> {
    this.agent.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const headers = req.headers
    const hit: Hit = {
      gen: this.gen,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      bodyBytes: 0,
      contentType: '',
      encoding: null,
      conditional: headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined,
      startedAt: Date.now(),
      headersAt: null,
      endedAt: null,
    }
    this.hits.push(hit)
    this.inflight++
    this.lastActivity = Date.now()
    let done = false
    const finish = () => {
      if (done) return
      done = true
      hit.endedAt = Date.now()
      this.inflight--
      this.lastActivity = Date.now()
    }
    const upstream = http.request(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        path: req.url,
        method: req.method,
        headers: endToEnd(headers),
        agent: this.agent,
      },
      (upRes) => {
        hit.status = upRes.statusCode ?? 0
        hit.headersAt = Date.now()
        hit.contentType = String(upRes.headers['content-type'] ?? '')
        const encoding = upRes.headers['content-encoding']
        hit.encoding = typeof encoding === 'string' ? encoding : null
        res.writeHead(upRes.statusCode ?? 502, endToEnd(upRes.headers))
        upRes.on('data', (chunk: Buffer) => {
          hit.bodyBytes += chunk.length
        })
        upRes.on('end', finish)
        upRes.on('error', finish)
        upRes.pipe(res)
      },
    )
    upstream.on('error', () => {
      hit.status = 502
      if (!res.headersSent) res.writeHead(502)
      res.end()
      finish()
    })
    res.on('close', finish)
    req.pipe(upstream)
  }
}

const isApi = (p: string) => p.startsWith('/api/')

// ------------------------------------------------------------------ what the browser did

type DocumentSource = 'network' | 'service worker' | 'cache' | 'failed' | 'unknown'

/** One request of the page (or of its service worker), as the DevTools protocol saw it. */
interface NetRecord {
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
class NetLog {
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

// ------------------------------------------------------------------ the content probe

/** What counts as "the content is on screen": an element matching selector whose text has all texts. */
interface Probe {
  selector: string
  texts: string[]
  description: string
}

interface ProbeState {
  contentVisible: number | null
}

type ProbeWindow = Window & { __benchProbe?: ProbeState }

/**
 * Installed before any of the page's scripts: on every animation frame (until found), look for the
 * content and note performance.now() in the first frame where it is laid out inside the viewport.
 */
function probeScript(probe: Probe): string {
  return `(() => {
  if (window.top !== window) return;
  const probe = ${JSON.stringify({ selector: probe.selector, texts: probe.texts })};
  const state = { contentVisible: null };
  Object.defineProperty(window, '__benchProbe', { value: state });
  const squash = (s) => s.replace(/\\s+/g, '');
  const seen = () => {
    for (const el of document.querySelectorAll(probe.selector)) {
      const text = squash(el.textContent || '');
      if (!probe.texts.every((t) => text.includes(t))) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) return true;
    }
    return false;
  };
  const tick = () => {
    if (seen()) { state.contentVisible = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`
}

/** Our home page's urban 低保 card with today's figure, computed from the bundled content. */
function appProbe(pack: ContentPack): Probe {
  const today = todayInShanghai()
  const standards = standardsOn(pack.parameters, today)
  const urban = standards.ok ? standards.value.inForce.find((v) => v.parameter.id === 'dibao-urban-standard') : undefined
  if (!urban) throw new Error(`the bundled content has no urban 低保 standard in force on ${today}`)
  const amount = `${formatYuan(urban.current.amountFen)}元`
  return {
    selector: '.standard-card',
    texts: [urban.parameter.shortLabel, amount],
    description: `the home page's ${urban.parameter.shortLabel} card showing ${amount}`,
  }
}

const BASELINE_PROBE: Probe = { selector: '.title', texts: ['HelloNutUI'], description: 'the baseline\'s "Hello NutUI" title' }

// ------------------------------------------------------------------ one visit

type Mode = 'cold' | 'warm' | 'offline'
const MODES: readonly Mode[] = ['cold', 'warm', 'offline']

interface Visit {
  shown: boolean
  /** page time (ms since navigation start) */
  fcp: number | null
  content: number | null
  reason: string | null
  /** the first response of this visit that came from the network, page time */
  firstNetwork: { at: number; url: string; from: NetRecord['from'] } | null
  /** the same, among the page's own requests only (not a service worker's background fetches) */
  firstPageNetwork: { at: number; url: string } | null
  /** requests of this visit that went (or tried to go) to the network */
  networkRequests: string[]
  /** who answered the document request */
  document: DocumentSource
  /** the page's performance.timeOrigin (epoch ms), to place the proxy's hits in page time */
  timeOrigin: number | null
  /** what reached the server */
  server: { requests: number; bytes: number; hits: Hit[] }
}

interface Subject {
  key: 'app' | 'baseline'
  label: string
  server: RunningServer
  proxy: CountingProxy
  probe: Probe
  /** our app says 正在检查更新 while it checks the API; wait for that to end before the next step */
  hasStatusLine: boolean
}

async function pageTimes(page: Page): Promise<{ timeOrigin: number; fcp: number | null; content: number | null; text: string }> {
  return page.evaluate(() => {
    const probe = (window as ProbeWindow).__benchProbe
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    return {
      timeOrigin: performance.timeOrigin,
      fcp: fcp ? fcp.startTime : null,
      content: probe ? probe.contentVisible : null,
      text: (document.body ? document.body.innerText : '').replace(/\s+/g, ' ').trim().slice(0, 80),
    }
  })
}

/**
 * Navigate (via `go`) and wait for the probe's content; never throws: a visit whose content does not
 * show is recorded with the reason.
 */
async function visit(phone: PhoneBrowser, log: NetLog, subject: Subject, go: () => Promise<unknown>, timeoutMs: number): Promise<Visit> {
  const { page } = phone
  const { proxy } = subject
  proxy.reset()
  log.reset()
  let reason: string | null = null
  try {
    await go()
  } catch (error) {
    reason = `navigation failed: ${firstLine(error).replace(/ at http.*$/, '')}`
  }
  if (!reason) {
    try {
      await page.waitForFunction(() => (window as ProbeWindow).__benchProbe?.contentVisible != null, undefined, {
        polling: 200,
        timeout: timeoutMs,
      })
      // the paint entry is queued after the frame the probe saw
      await page
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
          polling: 100,
          timeout: 5000,
        })
        .catch(() => undefined)
    } catch {
      reason = `not on screen within ${timeoutMs / 1000} s`
    }
  }
  let times: Awaited<ReturnType<typeof pageTimes>> | null = null
  try {
    times = await pageTimes(page)
  } catch (error) {
    reason = reason ?? `page unreadable: ${firstLine(error)}`
  }
  // what the page shows instead, unless it is the browser's own error page
  if (reason?.startsWith('not on screen') && times?.text) reason += ` (page shows “${times.text.slice(0, 40)}”)`
  // count what the whole visit did, not just what happened before the content showed
  await settle(subject, page, proxy)
  const network = log.network()
  let firstNetwork: Visit['firstNetwork'] = null
  let firstPageNetwork: Visit['firstPageNetwork'] = null
  if (times) {
    for (const r of network) {
      if (r.responseAt === null || r.failure) continue
      const at = r.responseAt - times.timeOrigin
      if (!firstNetwork || at < firstNetwork.at) firstNetwork = { at, url: r.url, from: r.from }
      if (r.from === 'page' && (!firstPageNetwork || at < firstPageNetwork.at)) firstPageNetwork = { at, url: r.url }
    }
  }
  const hits = proxy.current()
  const shown = !reason && times?.content != null
  return {
    shown,
    fcp: times?.fcp ?? null,
    content: shown ? (times?.content ?? null) : null,
    reason,
    firstNetwork,
    firstPageNetwork,
    networkRequests: network.map(
      (r) =>
        `${shortUrl(r.url)}${r.from === 'service worker' ? ' (by the service worker)' : ''}${r.failure ? ` ✗ ${r.failure}` : r.status !== null ? ` ${r.status}` : ''}`,
    ),
    document: log.documentSource(),
    timeOrigin: times?.timeOrigin ?? null,
    server: { requests: hits.length, bytes: hits.reduce((s, h) => s + h.bodyBytes, 0), hits },
  }
}

function shortUrl(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname + u.search
  } catch {
    return url
  }
}

/** After a visit: let the app finish its content check and the network go quiet. */
async function settle(subject: Subject, page: Page, proxy: CountingProxy): Promise<void> {
  await page.waitForLoadState('load', { timeout: 30_000 }).catch(() => undefined)
  if (subject.hasStatusLine) {
    await page
      .waitForFunction(() => !document.body.innerText.includes('正在检查更新'), undefined, { polling: 250, timeout: 30_000 })
      .catch(() => undefined)
  }
  await proxy.idle(800, 20_000)
}

/** The page's service worker, if any: wait (briefly) for one that is installing to take over. */
async function serviceWorkerState(page: Page): Promise<string> {
  try {
    return await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return 'unsupported'
      const registration = await navigator.serviceWorker.getRegistration()
      if (!registration) return 'none'
      if (!registration.active) {
        await Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 10_000))])
      }
      const current = await navigator.serviceWorker.getRegistration()
      return current?.active ? `active (${new URL(current.active.scriptURL).pathname})` : 'registered, not active'
    })
  } catch (error) {
    return `unknown (${firstLine(error)})`
  }
}

async function newPhone(subject: Subject): Promise<{ phone: PhoneBrowser; log: NetLog }> {
  const phone = await openPhone()
  await phone.context.addInitScript({ content: probeScript(subject.probe) })
  const log = new NetLog(phone)
  return { phone, log }
}

const homeUrl = (subject: Subject) => routeUrl(subject.proxy.url, HOME)

// ------------------------------------------------------------------ 1. load

interface LoadRun {
  visits: Record<Mode, Visit>
  serviceWorker: string
}

async function loadRun(subject: Subject): Promise<LoadRun> {
  const { phone, log } = await newPhone(subject)
  const { page } = phone
  const url = homeUrl(subject)
  try {
    await phone.throttle(true)
    const cold = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.cold)
    const serviceWorker = await serviceWorkerState(page)
    await subject.proxy.idle(800, 20_000)
    await page.goto('about:blank')
    const warm = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
    await phone.setOffline(true)
    const offline = await visit(phone, log, subject, () => page.reload({ waitUntil: 'commit' }), TIMEOUT_MS.offline)
    return { visits: { cold, warm, offline }, serviceWorker }
  } finally {
    await phone.close()
  }
}

// ------------------------------------------------------------------ 2. revisit

interface RevisitStep {
  shown: boolean
  reason: string | null
  shell: { requests: number; bytes: number }
  api: { requests: number; bytes: number }
  /** "GET content/manifest 304 (conditional), 0 B", as the server answered */
  apiCalls: string[]
  /** the same without the byte counts, to tell whether runs behaved alike */
  apiPattern: string
  /** "GET /index.html 304 (conditional), 0 B", as the server answered */
  shellCalls: string[]
  /** sections whose body was downloaded (200 with bytes) */
  sectionsDownloaded: string[]
  /** requests of the visit that went (or tried to go) to the network, as the browser saw them */
  networkRequests: string[]
  /** JS/CSS responses that came without content-encoding, with their bytes */
  uncompressed: { path: string; bytes: number }[]
  /** the section the app stored after the visit (faq), when checked */
  storedFaq: string | null
  document: DocumentSource
}

type RevisitKind = 'unchanged' | 'changed' | 'offline'

function revisitStep(v: Visit): RevisitStep {
  const shell = v.server.hits.filter((h) => !isApi(h.path))
  const api = v.server.hits.filter((h) => isApi(h.path))
  const sectionOf = (p: string) => /^\/api\/v1\/content\/([a-z]+)/.exec(p)?.[1] ?? null
  return {
    shown: v.shown,
    reason: v.reason,
    shell: { requests: shell.length, bytes: shell.reduce((s, h) => s + h.bodyBytes, 0) },
    api: { requests: api.length, bytes: api.reduce((s, h) => s + h.bodyBytes, 0) },
    apiCalls: api.map(
      (h) => `${h.method} ${h.path.replace(/^\/api\/v1\//, '')} ${h.status}${h.conditional ? ' (conditional)' : ''}, ${size(h.bodyBytes)}`,
    ),
    apiPattern: api.map((h) => `${h.method} ${h.path} ${h.status}`).join('; '),
    shellCalls: shell.map((h) => `${h.method} ${h.path} ${h.status}${h.conditional ? ' (conditional)' : ''}, ${size(h.bodyBytes)}`),
    sectionsDownloaded: api
      .filter((h) => h.status === 200 && h.bodyBytes > 0)
      .map((h) => sectionOf(h.path))
      .filter((s): s is string => s !== null && s !== 'manifest' && (SECTION_NAMES as readonly string[]).includes(s)),
    networkRequests: v.networkRequests,
    uncompressed: shell
      .filter((h) => /javascript|css/.test(h.contentType) && !h.encoding && h.bodyBytes > 0)
      .map((h) => ({ path: h.path, bytes: h.bodyBytes })),
    storedFaq: null,
    document: v.document,
  }
}

/** Publish the pack with only the faq section changed, through the admin API; null or the problem. */
async function publishFaqChange(server: RunningServer, base: ContentPack, tag: string): Promise<string | null> {
  try {
    const manifestResponse = await fetch(`${server.base}/api/v1/content/manifest`)
    const manifest = manifestSchema.parse(await manifestResponse.json())
    const pack = structuredClone(base)
    pack.meta.version = `${base.meta.version}-bench-${tag}`
    pack.faq[0].answer = `${pack.faq[0].answer}（基准测试修订 ${tag}）`
    const response = await fetch(`${server.base}/api/v1/admin/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': `"${manifest.version}"`, 'content-type': 'application/json' },
      body: JSON.stringify(pack),
    })
    if (response.status !== 201) return `publish answered ${response.status}: ${(await response.text()).slice(0, 300)}`
    return null
  } catch (error) {
    return `publish failed: ${firstLine(error)}`
  }
}

async function revisitRun(
  subject: Subject,
  pack: ContentPack | null,
  tag: string,
): Promise<Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string }> {
  const { phone, log } = await newPhone(subject)
  const { page } = phone
  const url = homeUrl(subject)
  const out: Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string } = {}
  try {
    await phone.throttle(false)
    await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.cold)
    await serviceWorkerState(page)
    await subject.proxy.idle(800, 20_000)

    await page.goto('about:blank')
    const unchanged = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
    out.unchanged = revisitStep(unchanged)

    if (pack) {
      const problem = await publishFaqChange(subject.server, pack, tag)
      if (problem) {
        out.publishProblem = problem
      } else {
        await page.goto('about:blank')
        const changed = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
        out.changed = revisitStep(changed)
        out.changed.storedFaq = await page
          .evaluate((t) => {
            for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i) ?? ''
              if (key.includes('section:faq:') && (localStorage.getItem(key) ?? '').includes(t)) return key
            }
            return null
          }, `基准测试修订 ${tag}`)
          .catch(() => null)
      }
    }

    await phone.setOffline(true)
    const offline = await visit(phone, log, subject, () => page.reload({ waitUntil: 'commit' }), TIMEOUT_MS.offline)
    out.offline = revisitStep(offline)
    return out
  } finally {
    await phone.close()
  }
}

// ------------------------------------------------------------------ 3. DOM

interface DomFigures {
  documentNodes: number
  pageNodes: number
  pageBytes: number
  shadowNodes: number
}

async function domFigures(page: Page, pagePath: string): Promise<DomFigures> {
  const documentFigures = await page.evaluate(() => {
    let shadowNodes = 0
    for (const el of Array.from(document.querySelectorAll('*')))
      if (el.shadowRoot) shadowNodes += el.shadowRoot.querySelectorAll('*').length
    return { documentNodes: document.querySelectorAll('*').length, shadowNodes }
  })
  const pageFigures = await view(page, pagePath).evaluate((el) => ({
    pageNodes: el.querySelectorAll('*').length + 1,
    pageBytes: new TextEncoder().encode(el.outerHTML).length,
  }))
  return { ...documentFigures, ...pageFigures }
}

interface DomRow {
  name: string
  path: string
  figures: DomFigures | null
  problem: string | null
}

async function measureDom(app: Subject, baseline: Subject): Promise<{ rows: DomRow[]; baseline: DomRow }> {
  const rows: DomRow[] = []
  const phone = await openPhone()
  try {
    for (const route of ROUTES) {
      try {
        await launch(phone.page, app.server.base, route.path, route.query)
        await phone.page.waitForTimeout(300)
        rows.push({ name: route.name, path: route.path, figures: await domFigures(phone.page, route.path), problem: null })
      } catch (error) {
        rows.push({ name: route.name, path: route.path, figures: null, problem: firstLine(error).slice(0, 160) })
      }
    }
  } finally {
    await phone.close()
  }
  const { phone: basePhone } = await newPhone(baseline)
  let baseRow: DomRow
  try {
    await basePhone.page.goto(routeUrl(baseline.server.base, HOME))
    await basePhone.page.waitForFunction(() => (window as ProbeWindow).__benchProbe?.contentVisible != null, undefined, {
      polling: 100,
      timeout: 20_000,
    })
    await basePhone.page.waitForTimeout(300)
    baseRow = { name: 'baseline home', path: HOME, figures: await domFigures(basePhone.page, HOME), problem: null }
  } catch (error) {
    baseRow = { name: 'baseline home', path: HOME, figures: null, problem: firstLine(error).slice(0, 160) }
  } finally {
    await basePhone.close()
  }
  return { rows, baseline: baseRow }
}

// ------------------------------------------------------------------ reporting helpers

const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x))

/** "1.23× (1.10–1.40)": ratio of the medians, with the range of the per-run paired ratios. */
function pairedRatio(app: readonly (number | null)[], base: readonly (number | null)[]): { text: string; median: number } {
  const a = present(app)
  const b = present(base)
  if (!a.length || !b.length) return { text: '—', median: Number.NaN }
  const medianRatio = spread(a).median / spread(b).median
  const perRun: number[] = []
  for (let i = 0; i < Math.min(app.length, base.length); i++) {
    const x = app[i]
    const y = base[i]
    if (x !== null && y !== null && y > 0) perRun.push(x / y)
  }
  const range = perRun.length > 1 ? ` (${fmt(spread(perRun).min, 2)}–${fmt(spread(perRun).max, 2)})` : ''
  return { text: `${ratio(spread(a).median, spread(b).median)}${range}`, median: medianRatio }
}

function timeCell(values: readonly (number | null)[], total: number): string {
  const xs = present(values)
  if (!xs.length) return `did not show (0/${total})`
  const cell = medianWithRange(spread(xs))
  return xs.length < total ? `${cell}, shown ${xs.length}/${total}` : cell
}

function serverCell(visits: readonly Visit[]): string {
  const requests = spread(visits.map((v) => v.server.requests))
  const bytes = spread(visits.map((v) => v.server.bytes))
  const req = requests.min === requests.max ? fmt(requests.median) : medianWithRange(requests)
  return `${req} / ${size(bytes.median)}`
}

function countCell(values: readonly number[]): string {
  const s = spread(values)
  return s.min === s.max ? fmt(s.median) : medianWithRange(s)
}

/** "0 B", "494 B", "147.7 KB" */
function size(bytes: number): string {
  return bytes < 1024 ? `${fmt(bytes)} B` : kb(bytes)
}

function bytesCell(values: readonly number[]): string {
  const s = spread(values)
  if (s.max === 0) return '0 B'
  return s.min === s.max ? `${fmt(s.median)} B` : `${fmt(s.median)} B (${fmt(s.min)}–${fmt(s.max)})`
}

const verdict = (met: boolean) => (met ? '**met**' : '**not met**')

/** "a ×2, b": each distinct entry once, with how often it occurs. */
function counted(values: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([v, n]) => (n > 1 ? `${v} ×${n}` : v)).join(', ')
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)]
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log(
      `Chromium not found at ${CHROMIUM}: the H5 load benchmark needs it. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH). docs/BENCHMARKS.md left unchanged.`,
    )
    return
  }
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/generated/bundled-content.json'), 'utf8')) as { pack: unknown }
  const pack = contentPackSchema.parse(bundled.pack)
  const probe = appProbe(pack)

  const baselineDist = ensureBuilt('baseline', 'h5')
  const [appServer, baseServer] = await Promise.all([
    startServer({ LOG_LEVEL: 'warn' }),
    startServer({ STATIC_DIR: baselineDist, LOG_LEVEL: 'warn' }),
  ])
  const appProxy = new CountingProxy(appServer.base)
  const baseProxy = new CountingProxy(baseServer.base)
  await Promise.all([appProxy.start(), baseProxy.start()])
  const app: Subject = { key: 'app', label: 'this app', server: appServer, proxy: appProxy, probe, hasStatusLine: true }
  const baseline: Subject = {
    key: 'baseline',
    label: 'baseline',
    server: baseServer,
    proxy: baseProxy,
    probe: BASELINE_PROBE,
    hasStatusLine: false,
  }
  console.error(`bench: servers up after ${elapsed()}; ${RUNS} runs`)

  const load: Record<'app' | 'baseline', LoadRun[]> = { app: [], baseline: [] }
  const revisit: { app: RevisitResult[]; baseline: RevisitResult[] } = { app: [], baseline: [] }
  let dom: Awaited<ReturnType<typeof measureDom>>
  try {
    for (let run = 0; run < RUNS; run++) {
      // alternate which goes first, so neither always gets the quieter machine
      for (const subject of run % 2 === 0 ? [app, baseline] : [baseline, app]) {
        const result = await loadRun(subject)
        load[subject.key].push(result)
        if (VERBOSE) {
          for (const mode of MODES) {
            const v = result.visits[mode]
            console.error(
              `  ${subject.key} ${mode}: fcp ${fmt(v.fcp ?? Number.NaN)} content ${fmt(v.content ?? Number.NaN)} first net ${v.firstNetwork ? `${fmt(v.firstNetwork.at)} ${shortUrl(v.firstNetwork.url)}` : '—'} server ${v.server.requests}/${v.server.bytes} ${v.reason ?? ''}`,
            )
            console.error(`    document from ${v.document}; network: ${v.networkRequests.join(', ')}`)
            console.error(
              `    server: ${v.server.hits.map((h) => `${h.path} ${h.status} ${h.bodyBytes}${h.encoding ? ` ${h.encoding}` : ''} +${h.startedAt - (v.server.hits[0]?.startedAt ?? 0)}ms`).join(', ')}`,
            )
          }
        }
      }
      console.error(`bench: load run ${run + 1}/${RUNS} done after ${elapsed()}`)
    }
    dom = await measureDom(app, baseline)
    console.error(`bench: DOM sizes done after ${elapsed()}`)
    for (let run = 0; run < RUNS; run++) {
      revisit.app.push(await revisitRun(app, pack, `${Date.now().toString(36)}-${run}`))
      revisit.baseline.push(await revisitRun(baseline, null, ''))
    }
    console.error(`bench: revisits done after ${elapsed()}`)
  } finally {
    await Promise.all([appProxy.close(), baseProxy.close()])
    await Promise.all([appServer.stop(), baseServer.stop()])
  }

  reportLoad(load, probe)
  reportRevisit(revisit)
  reportDom(dom)
  console.error(`bench: finished in ${elapsed()}`)
}

// ------------------------------------------------------------------ 1. report: h5-load

function reportLoad(load: Record<'app' | 'baseline', LoadRun[]>, probe: Probe): void {
  const pick = (key: 'app' | 'baseline', mode: Mode, f: (v: Visit) => number | null) => load[key].map((r) => f(r.visits[mode]))
  const rows: string[][] = []
  const consoleRows: string[][] = []
  const ratios = new Map<Mode, { fcp: ReturnType<typeof pairedRatio>; content: ReturnType<typeof pairedRatio> }>()
  for (const mode of MODES) {
    const fcpA = pick('app', mode, (v) => (v.shown || mode !== 'offline' ? v.fcp : null))
    const fcpB = pick('baseline', mode, (v) => (v.shown || mode !== 'offline' ? v.fcp : null))
    const contentA = pick('app', mode, (v) => v.content)
    const contentB = pick('baseline', mode, (v) => v.content)
    const fcpRatio = pairedRatio(fcpA, fcpB)
    const contentRatio = pairedRatio(contentA, contentB)
    ratios.set(mode, { fcp: fcpRatio, content: contentRatio })
    rows.push([
      mode,
      timeCell(fcpA, RUNS),
      timeCell(fcpB, RUNS),
      fcpRatio.text,
      timeCell(contentA, RUNS),
      timeCell(contentB, RUNS),
      contentRatio.text,
      serverCell(load.app.map((r) => r.visits[mode])),
      serverCell(load.baseline.map((r) => r.visits[mode])),
    ])
    consoleRows.push([
      mode,
      fmtMedian(fcpA),
      fmtMedian(fcpB),
      fcpRatio.text.split(' ')[0],
      fmtMedian(contentA),
      fmtMedian(contentB),
      contentRatio.text.split(' ')[0],
    ])
  }

  // warm: was our content on screen before the first network response of that visit arrived?
  interface WarmSummary {
    before: number
    pageBefore: number
    total: number
    firstUrls: string[]
    firstPageUrls: string[]
  }
  const warmSummary: Record<'app' | 'baseline', WarmSummary> = {
    app: { before: 0, pageBefore: 0, total: 0, firstUrls: [], firstPageUrls: [] },
    baseline: { before: 0, pageBefore: 0, total: 0, firstUrls: [], firstPageUrls: [] },
  }
  const warmRows: string[][] = []
  for (const key of ['app', 'baseline'] as const) {
    const runs = load[key]
    const s = warmSummary[key]
    for (const r of runs) {
      const v = r.visits.warm
      s.total++
      if (v.firstNetwork)
        s.firstUrls.push(`${shortUrl(v.firstNetwork.url)}${v.firstNetwork.from === 'service worker' ? ' (by the service worker)' : ''}`)
      if (v.firstPageNetwork) s.firstPageUrls.push(shortUrl(v.firstPageNetwork.url))
      if (v.content !== null && (v.firstNetwork === null || v.content < v.firstNetwork.at)) s.before++
      if (v.content !== null && (v.firstPageNetwork === null || v.content < v.firstPageNetwork.at)) s.pageBefore++
    }
    const at = (f: (v: Visit) => { at: number } | null) => {
      const xs = present(runs.map((r) => f(r.visits.warm)?.at ?? null))
      return xs.length ? medianWithRange(spread(xs)) : 'none yet'
    }
    const content = present(runs.map((r) => r.visits.warm.content))
    warmRows.push([
      key === 'app' ? 'this app' : 'baseline',
      distinct(runs.map((r) => r.visits.warm.document)).join(' / '),
      content.length ? medianWithRange(spread(content)) : '—',
      `${at((v) => v.firstNetwork)}${s.firstUrls.length ? `: ${distinct(s.firstUrls).join(', ')}` : ''}`,
      `${s.before}/${s.total}`,
      `${at((v) => v.firstPageNetwork)}${s.firstPageUrls.length ? `: ${distinct(s.firstPageUrls).join(', ')}` : ''}`,
      `${s.pageBefore}/${s.total}`,
    ])
  }

  const offlineReasons = (key: 'app' | 'baseline') =>
    distinct(load[key].map((r) => r.visits.offline.reason).filter((x): x is string => x !== null))
  const offlineShown = (key: 'app' | 'baseline') => load[key].filter((r) => r.visits.offline.shown).length
  const sw = distinct(load.app.map((r) => r.serviceWorker))
  const cold = ratios.get('cold') ?? { fcp: pairedRatio([], []), content: pairedRatio([], []) }
  const coldMet = Number.isFinite(cold.content.median) && cold.content.median <= COLD_TARGET
  const coldFcpMet = Number.isFinite(cold.fcp.median) && cold.fcp.median <= COLD_TARGET
  const coldApp = load.app.map((r) => r.visits.cold)
  const coldBase = load.baseline.map((r) => r.visits.cold)
  const coldAppBytes = spread(coldApp.map((v) => v.server.bytes)).median
  const coldBaseBytes = spread(coldBase.map((v) => v.server.bytes)).median
  const uncompressedCold =
    coldApp[0]?.server.hits.filter((h) => /javascript|css/.test(h.contentType) && !h.encoding && h.bodyBytes > 0) ?? []

  const findings: string[] = []
  const waterfall = (key: 'app' | 'baseline') => {
    const runs = load[key].map((r) => r.visits.cold).filter((v) => v.content !== null && v.timeOrigin !== null)
    if (!runs.length) return null
    const median = spread(runs.map((v) => v.content ?? 0)).median
    const v = runs.find((x) => x.content === median) ?? runs[0]
    const origin = v.timeOrigin ?? 0
    const before = v.server.hits.filter((h) => h.startedAt - origin <= (v.content ?? 0)).sort((a, b) => a.startedAt - b.startedAt)
    const assets = before.filter((h) => /^\/(js|css)\//.test(h.path))
    const waves: number[] = []
    let last = -Infinity
    for (const h of assets) {
      if (h.startedAt - last > 250) waves.push(h.startedAt - origin)
      last = h.startedAt
    }
    const largest = [...before].sort((a, b) => b.bodyBytes - a.bodyBytes)[0]
    return { waves, largest, requests: before.length, bytes: before.reduce((sum, h) => sum + h.bodyBytes, 0), content: v.content ?? 0 }
  }
  const describe = (label: string, w: ReturnType<typeof waterfall>) =>
    w
      ? `${label}: ${w.requests} requests (${size(w.bytes)}) before the content showed at ${fmt(w.content)} ms, JS/CSS requested in ${w.waves.length} wave(s) at ${w.waves.map((x) => `${fmt(x)} ms`).join(', ')}; largest ${w.largest ? `${shortUrl(w.largest.path)} ${size(w.largest.bodyBytes)}${w.largest.encoding ? ` (${w.largest.encoding})` : ' (not compressed)'}` : '—'}`
      : `${label}: no cold run showed its content`
  findings.push(
    `Cold request waterfall (the median run): ${describe('this app', waterfall('app'))}; ${describe('baseline', waterfall('baseline'))}. Each wave after the first waits for the previous one to arrive and run — one ${Math.round(SLOW_4G.latency)} ms round trip more on slow 4G.`,
  )
  findings.push(
    `Cold, target ≤ ${COLD_TARGET}× the baseline: ${verdict(coldMet)} for the standards on screen (${cold.content.text}); first contentful paint ${cold.fcp.text} (${coldFcpMet ? 'within' : 'over'} ${COLD_TARGET}×). A cold visit downloads ${kb(coldAppBytes)} of response bodies from the server (baseline ${kb(coldBaseBytes)}, ${ratio(coldAppBytes, coldBaseBytes)})${uncompressedCold.length ? `, ${uncompressedCold.length} JS/CSS files (${kb(uncompressedCold.reduce((s, h) => s + h.bodyBytes, 0))}) without any content-encoding` : ''}.`,
  )
  const warmDocs = distinct(load.app.map((r) => r.visits.warm.document))
  const w = warmSummary.app
  const warmWhy =
    w.before === w.total
      ? ''
      : warmDocs.includes('network')
        ? ` — the document itself (index.html, served \`no-cache\`) came from the network, so nothing could render before that response`
        : ` — the document came from the ${warmDocs.join(' / ')}, so rendering did not wait on the network; the first network response (${distinct(w.firstUrls).join(' / ')}) ran alongside and arrived while the page was still rendering`
  findings.push(
    `Warm: our standards were on screen before the first network response of the visit in ${w.before}/${w.total} runs${warmWhy}. Before the first response to the page's own requests (${distinct(w.firstPageUrls).join(' / ') || 'none had arrived when the content showed'}): ${w.pageBefore}/${w.total}. The baseline's title: ${warmSummary.baseline.before}/${warmSummary.baseline.total} (its document came from the ${distinct(load.baseline.map((r) => r.visits.warm.document)).join(' / ')}).`,
  )
  const appOfflineShown = offlineShown('app')
  findings.push(
    `Offline: our standards ${
      appOfflineShown
        ? `showed in ${appOfflineShown}/${RUNS} runs, after ${timeCell(
            load.app.map((r) => r.visits.offline.content),
            RUNS,
          )} ms`
        : 'did not show'
    }${offlineReasons('app').length ? ` (${offlineReasons('app').join('; ')})` : ''}; the baseline ${offlineShown('baseline') ? `showed in ${offlineShown('baseline')}/${RUNS}` : 'did not show'}${offlineReasons('baseline').length ? ` (${offlineReasons('baseline').join('; ')})` : ''}. Service worker after the cold visit: ${sw.join(', ')}.`,
  )

  const body = [
    '## H5 load on a mid-range phone (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Run with \`npx tsx bench/h5-load.bench.ts\` (\`BENCH_RUNS\`, default 5; this run: ${RUNS}). Debian Chromium (headless, playwright-core) at a 375×812 touch viewport, with ${CPU_SLOWDOWN}× CPU slowdown and Lighthouse's slow 4G (${Math.round(SLOW_4G.latency)} ms RTT, ${fmt((SLOW_4G.downloadThroughput * 8) / 1024, 0)} kbps down) applied through the DevTools protocol, to the page and to any service worker's own requests alike. Each app is served by the real server (\`npm start\`, SQLite) behind a counting pass-through proxy; runs alternate which app goes first. The baseline is the minimal Taro + NutUI app of \`bench/baseline-app\`, built and served the same way. For each run and app, a fresh profile opens the home page (**cold**: empty cache), then opens it again in the same profile (**warm**: a new document, caches filled by the cold visit), then reloads it with the network offline (**offline**).`,
    `FCP is the page's \`first-contentful-paint\` entry; "content on screen" is the first animation frame in which ${probe.description} (baseline: the "Hello NutUI" title) is laid out inside the viewport, both in ms from navigation start. Cells are median (min–max) over the runs; ratios are this app ÷ baseline (ratio of the medians, with the range of the per-run ratios). "To server" is the requests that reached the server and their response body bytes (median).`,
    '',
    table(
      [
        'visit',
        'FCP ms, this app',
        'FCP ms, baseline',
        'FCP ratio',
        'content on screen ms, this app',
        'baseline',
        'content ratio',
        'to server, this app',
        'to server, baseline',
      ],
      rows,
    ),
    '',
    "Warm revisit: was the content on screen before the first response of that visit that came from the network (not from the memory or disk cache, not answered by a service worker; a service worker's own fetches that reach the network count)? Times in ms from navigation start, median (min–max); the last two columns count only the page's own requests.",
    '',
    table(
      [
        'app',
        'document answered by',
        'content on screen',
        'first network response',
        'on screen before it',
        'first response to a page request',
        'on screen before it',
      ],
      warmRows,
      ['l', 'l', 'r', 'l', 'r', 'l', 'r'],
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('h5-load', body)
  recordTargets('h5-load', [
    {
      target: `cold load: standards on screen within ${COLD_TARGET}× the baseline (4× CPU, slow 4G)`,
      measured: `${cold.content.text}; FCP ${cold.fcp.text}`,
      met: coldMet,
    },
    {
      target: 'warm revisit: content on screen before any network response',
      measured: `${w.before}/${w.total} runs`,
      met: w.total > 0 ? w.before === w.total : null,
    },
    { target: 'offline: the app opens with its content', measured: `${appOfflineShown}/${RUNS} runs`, met: appOfflineShown === RUNS },
  ])

  console.log(`\nH5 load (ms, median of ${RUNS}; ${CPU_SLOWDOWN}× CPU, slow 4G)`)
  printTable(['visit', 'FCP app', 'FCP base', 'ratio', 'content app', 'content base', 'ratio'], consoleRows)
  for (const f of findings) console.log(`- ${f.replace(/\*\*/g, '')}`)
}

function fmtMedian(values: readonly (number | null)[]): string {
  const xs = present(values)
  return xs.length ? fmt(spread(xs).median) : '—'
}

function printTable(head: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(line(head))
  for (const r of rows) console.log(line(r))
}

// ------------------------------------------------------------------ 2. report: revisit

type RevisitResult = Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string }

function reportRevisit(revisit: { app: RevisitResult[]; baseline: RevisitResult[] }): void {
  const steps = (results: RevisitResult[], kind: RevisitKind) =>
    results.map((r) => r[kind]).filter((s): s is RevisitStep => s !== undefined)
  const rows: string[][] = []
  const consoleRows: string[][] = []
  const findings: string[] = []

  const row = (who: string, kind: RevisitKind, list: RevisitStep[], target: string, met: boolean | null) => {
    if (!list.length) return
    const last = list[list.length - 1]
    const patterns = distinct(list.map((s) => s.apiPattern))
    const cells = [
      who,
      { unchanged: 'warm revisit, content unchanged', changed: 'revisit after the faq section changed', offline: 'offline reload' }[kind],
      countCell(list.map((s) => s.shell.requests)),
      bytesCell(list.map((s) => s.shell.bytes)),
      countCell(list.map((s) => s.api.requests)),
      bytesCell(list.map((s) => s.api.bytes)),
      `${last.apiCalls.join('; ') || 'none'}${patterns.length > 1 ? ` (the runs differed: ${patterns.length} patterns)` : ''}`,
      kind === 'offline'
        ? `${countCell(list.map((s) => s.networkRequests.length))}: ${counted(last.networkRequests) || 'none'}; shown ${list.filter((s) => s.shown).length}/${list.length}`
        : `${last.shown ? 'shown' : 'not shown'}`,
      target,
      met === null ? '—' : verdict(met),
    ]
    rows.push(cells)
    consoleRows.push([who, kind, cells[2], cells[3], cells[4], cells[5], met === null ? '—' : met ? 'met' : 'NOT MET'])
  }

  const appUnchanged = steps(revisit.app, 'unchanged')
  const unchangedMet =
    appUnchanged.length > 0 &&
    appUnchanged.every(
      (s) => s.shell.requests === 0 && s.api.requests === 1 && s.apiCalls[0]?.includes(' 304') && s.shell.bytes + s.api.bytes === 0,
    )
  row('this app', 'unchanged', appUnchanged, 'one conditional API request answered 304, no content bytes', unchangedMet)
  const appChanged = steps(revisit.app, 'changed')
  const changedMet =
    appChanged.length > 0 && appChanged.every((s) => s.sectionsDownloaded.length === 1 && s.sectionsDownloaded[0] === 'faq')
  row('this app', 'changed', appChanged, 'only the faq section downloaded', appChanged.length ? changedMet : null)
  const appOffline = steps(revisit.app, 'offline')
  const offlineMet =
    appOffline.length > 0 && appOffline.every((s) => s.networkRequests.length === 0 && s.shell.requests + s.api.requests === 0)
  row('this app', 'offline', appOffline, 'zero requests sent to the network', offlineMet)
  row('baseline', 'unchanged', steps(revisit.baseline, 'unchanged'), '(comparison)', null)
  row('baseline', 'offline', steps(revisit.baseline, 'offline'), '(comparison)', null)

  // findings, computed from the figures
  const publishProblems = distinct(revisit.app.map((r) => r.publishProblem).filter((x): x is string => x !== undefined))
  if (publishProblems.length)
    findings.push(`Publishing the changed faq section failed, so (b) was not measured: ${publishProblems.join('; ')}`)
  if (appUnchanged.length) {
    const last = appUnchanged[appUnchanged.length - 1]
    const shellNet = distinct(appUnchanged.flatMap((s) => s.networkRequests.filter((n) => !n.includes('/api/'))))
    const shellCalls = distinct(appUnchanged.flatMap((s) => s.shellCalls))
    const documentFrom = distinct(appUnchanged.map((s) => s.document))
    const why = !last.shell.requests
      ? ''
      : documentFrom.includes('network')
        ? ` The shell request is the page's own revalidation of index.html (${shellCalls.join(', ')}): it is served \`no-cache\`, so every open waits for it before anything can render.`
        : ` The page itself was answered by the ${documentFrom.join(' / ')}; the shell request (${shellCalls.join(', ')}) is ${shellNet.some((n) => n.includes('service worker')) ? 'the worker refreshing its copy of index.html in the background, which does not delay rendering but still reaches the server' : shellNet.join(', ')}.`
    findings.push(
      `(a) Warm revisit, content unchanged: ${verdict(unchangedMet)}. ${last.shell.requests} shell request(s) (${bytesCell(appUnchanged.map((s) => s.shell.bytes))} of body) and ${last.api.requests} API request(s) reached the server: ${last.apiCalls.join('; ') || 'no API call'}.${why}`,
    )
  }
  if (appChanged.length) {
    const last = appChanged[appChanged.length - 1]
    const stored = appChanged.filter((s) => s.storedFaq !== null).length
    findings.push(
      `(b) Revisit after only the faq section was republished: ${verdict(changedMet)}. Sections downloaded: ${distinct(appChanged.map((s) => s.sectionsDownloaded.join(', ') || 'none')).join(' / ')}; API bodies ${bytesCell(appChanged.map((s) => s.api.bytes))} (${last.apiCalls.join('; ')}); the new faq was in the app's storage afterwards in ${stored}/${appChanged.length} runs. Shell requests besides: ${counted(appChanged.flatMap((s) => s.shellCalls)) || 'none'} over ${appChanged.length} runs.`,
    )
  }
  if (appOffline.length) {
    const shown = appOffline.filter((s) => s.shown).length
    const lastOffline = appOffline[appOffline.length - 1]
    findings.push(
      `(c) Offline reload: ${verdict(offlineMet)}. Nothing reached the server (it cannot), but the browser still sent ${countCell(appOffline.map((s) => s.networkRequests.length))} request(s) towards the network, each failing at once (last run: ${counted(lastOffline.networkRequests) || 'none'}); the document came from the ${distinct(appOffline.map((s) => s.document)).join(' / ')}; the standards showed in ${shown}/${appOffline.length} runs${shown < appOffline.length ? ` (${distinct(appOffline.map((s) => s.reason).filter((x): x is string => x !== null)).join('; ')})` : ''}.`,
    )
  }
  const uncompressed = appUnchanged.concat(appChanged).flatMap((s) => s.uncompressed)
  if (uncompressed.length)
    findings.push(`JS/CSS sent without content-encoding on these revisits: ${distinct(uncompressed.map((u) => u.path)).join(', ')}.`)

  const body = [
    '## Network on revisit (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Unthrottled, ${RUNS} runs, each in a fresh profile: a first visit to the home page (fills the caches and the app's content store), then (a) the home page opened again, (b) the home page opened again after a new content version was published through the admin API (\`POST /api/v1/admin/content\` with If-Match) with only the faq section changed, (c) a reload with the network offline. Counted by a pass-through proxy in front of the server: the requests that reached it, split into shell (HTML/JS/CSS) and API (\`/api/…\`), and their response body bytes as sent (encoded). Offline, nothing can reach the server, so the column "network / shown" lists the requests the browser still sent towards the network (not answered by its cache or a service worker; each fails) and whether the standards showed. The baseline (\`bench/baseline-app\`, no API) is shown for comparison. Cells are median (min–max) when the runs differ.`,
    '',
    table(
      [
        'app',
        'visit',
        'shell requests',
        'shell bytes',
        'API requests',
        'API bytes',
        'API calls (last run)',
        'network / shown',
        'target',
        'verdict',
      ],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l', 'l', 'l'],
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('revisit', body)
  recordTargets('revisit', [
    {
      target: 'warm revisit, content unchanged: one conditional request answered 304, no content bytes',
      measured: appUnchanged.length
        ? `${appUnchanged[appUnchanged.length - 1].shell.requests + appUnchanged[appUnchanged.length - 1].api.requests} request(s): ${appUnchanged[appUnchanged.length - 1].apiCalls.join('; ') || 'none'}`
        : 'not measured',
      met: appUnchanged.length ? unchangedMet : null,
    },
    {
      target: 'one section changed: only that section downloaded',
      measured: appChanged.length ? distinct(appChanged.map((s) => s.sectionsDownloaded.join(', ') || 'none')).join(' / ') : 'not measured',
      met: appChanged.length ? changedMet : null,
    },
    {
      target: 'offline: zero requests to the network',
      measured: appOffline.length ? `${countCell(appOffline.map((s) => s.networkRequests.length))} request(s)` : 'not measured',
      met: appOffline.length ? offlineMet : null,
    },
  ])

  console.log(`\nNetwork on revisit (requests and body bytes reaching the server, median of ${RUNS})`)
  printTable(['app', 'visit', 'shell req', 'shell bytes', 'API req', 'API bytes', 'target'], consoleRows)
  for (const f of findings) console.log(`- ${f.replace(/\*\*/g, '')}`)
}

// ------------------------------------------------------------------ 3. report: dom

function reportDom(dom: { rows: DomRow[]; baseline: DomRow }): void {
  const base = dom.baseline.figures
  const rows: string[][] = []
  const over: string[] = []
  const failed: string[] = []
  for (const r of dom.rows) {
    if (!r.figures) {
      failed.push(`${r.name}: ${r.problem ?? 'no figures'}`)
      rows.push([r.name, '—', '—', '—', '—', '—', 'not measured'])
      continue
    }
    const f = r.figures
    const flag = f.pageNodes > WECHAT_NODE_LIMIT
    if (flag) over.push(`${r.name} (${fmt(f.pageNodes)})`)
    rows.push([
      r.name,
      fmt(f.documentNodes),
      fmt(f.pageNodes),
      base ? ratio(f.pageNodes, base.pageNodes) : '—',
      kb(f.pageBytes),
      base ? ratio(f.pageBytes, base.pageBytes) : '—',
      flag ? `**over ${fmt(WECHAT_NODE_LIMIT)}**` : 'ok',
    ])
  }
  rows.push([
    '*baseline home*',
    base ? fmt(base.documentNodes) : '—',
    base ? fmt(base.pageNodes) : '—',
    base ? '1.00×' : '—',
    base ? kb(base.pageBytes) : '—',
    base ? '1.00×' : '—',
    base
      ? base.pageNodes > WECHAT_NODE_LIMIT
        ? `**over ${fmt(WECHAT_NODE_LIMIT)}**`
        : 'ok'
      : `not measured: ${dom.baseline.problem ?? ''}`,
  ])
  const measured = dom.rows.filter((r) => r.figures !== null)
  const largest = [...measured].sort((a, b) => (b.figures?.pageNodes ?? 0) - (a.figures?.pageNodes ?? 0))[0]
  const shadow = Math.max(0, ...measured.map((r) => r.figures?.shadowNodes ?? 0))
  const home = dom.rows.find((r) => r.name === 'home')?.figures
  const findings = [
    over.length
      ? `Over WeChat's ${fmt(WECHAT_NODE_LIMIT)}-node audit bound: ${over.join(', ')}.`
      : `Every page is within WeChat's ${fmt(WECHAT_NODE_LIMIT)}-node audit bound${largest?.figures ? `; the largest is ${largest.name} with ${fmt(largest.figures.pageNodes)} nodes (${kb(largest.figures.pageBytes)})` : ''}.`,
    home && base
      ? `The home page has ${ratio(home.pageNodes, base.pageNodes)} the baseline home page's nodes and ${ratio(home.pageBytes, base.pageBytes)} its serialized size.`
      : 'The home page or the baseline could not be measured.',
    shadow
      ? `Taro's components also hold up to ${fmt(shadow)} nodes in shadow roots on a page, not counted above.`
      : 'No Taro component rendered a shadow root, so the counts are complete.',
    "On weapp Taro sends a page's rendered node tree through setData, not the React state behind it; pages read the content pack from the one app-wide store (useSyncExternalStore in src/hooks/use-content.ts) and keep only small UI state of their own (a query, a filter, a date, the self-check answers), and every list is short by nature (7 policies, 7 service items, 14 FAQ, at most 40 search results), so none needs virtualising: the node counts above are what a first setData carries.",
    ...failed.map((f) => `Not measured: ${f}`),
  ]
  const body = [
    '## DOM size per page (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Every page of the app (\`ROUTES\` of \`harness/pages.ts\`, normal mode, detail pages with a real id), each opened as a fresh launch of the H5 app and measured once its content check was over; each page is measured once, as the counts did not change between runs of this script. "Document" is \`document.querySelectorAll('*').length\` (the tab bar and router included); "page" counts the elements of the visible Taro page container (\`.taro_page\` of the route) and its serialized size (\`outerHTML\`, UTF-8) — a proxy for what Taro sends through \`setData\` on weapp, where WeChat's audit flags pages over ${fmt(WECHAT_NODE_LIMIT)} nodes. Ratios are against the baseline's home page (the "Hello NutUI" page of \`bench/baseline-app\`).`,
    '',
    table(
      ['page', 'document nodes', 'page nodes', 'vs baseline', 'page outerHTML', 'vs baseline', `≤ ${fmt(WECHAT_NODE_LIMIT)} nodes`],
      rows,
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('dom', body)
  recordTargets('dom', [
    {
      target: `every page ≤ ${fmt(WECHAT_NODE_LIMIT)} DOM nodes (WeChat's audit bound)`,
      measured: largest?.figures ? `largest: ${largest.name}, ${fmt(largest.figures.pageNodes)} nodes` : 'not measured',
      met: largest?.figures ? over.length === 0 : null,
    },
  ])

  console.log('\nDOM size per page')
  printTable(
    ['page', 'doc nodes', 'page nodes', 'page KB', 'flag'],
    dom.rows
      .concat([dom.baseline])
      .map((r) => [
        r.name,
        r.figures ? fmt(r.figures.documentNodes) : '—',
        r.figures ? fmt(r.figures.pageNodes) : '—',
        r.figures ? fmt(r.figures.pageBytes / 1024, 1) : '—',
        r.figures ? (r.figures.pageNodes > WECHAT_NODE_LIMIT ? 'OVER' : 'ok') : (r.problem ?? ''),
      ]),
  )
  for (const f of findings) console.log(`- ${f}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
