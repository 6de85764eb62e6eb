// One visit of a page in the emulated phone: navigate, wait for the content probe, then read the page's
// timings, what went to the network and what reached the server.
import type { Page } from 'playwright-core'
import { type PhoneBrowser, openPhone } from '../lib/browser'
import type { RunningServer } from '../../harness/e2e'
import { routeUrl } from '../../harness/pages'
import type { CountingProxy, Hit } from './counting-proxy'
import { type DocumentSource, NetLog, type NetRecord } from './net-log'
import { type Probe, type ProbeWindow, probeScript } from './probe'
import { HOME, firstLine } from './settings'

export type Mode = 'cold' | 'warm' | 'offline'
export const MODES: readonly Mode[] = ['cold', 'warm', 'offline']

export interface Visit {
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

export interface Subject {
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
export async function visit(
  phone: PhoneBrowser,
  log: NetLog,
  subject: Subject,
  go: () => Promise<unknown>,
  timeoutMs: number,
): Promise<Visit> {
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

export function shortUrl(url: string): string {
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
export async function serviceWorkerState(page: Page): Promise<string> {
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

export async function newPhone(subject: Subject): Promise<{ phone: PhoneBrowser; log: NetLog }> {
  const phone = await openPhone()
  await phone.context.addInitScript({ content: probeScript(subject.probe) })
  const log = new NetLog(phone)
  return { phone, log }
}

export const homeUrl = (subject: Subject) => routeUrl(subject.proxy.url, HOME)
