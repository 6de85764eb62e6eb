// Chromium for the browser benchmarks: Debian's /usr/bin/chromium driven by playwright-core at the
// e2e tests' phone viewport, each measurement in a fresh profile (a cold cache) unless the caller
// keeps the context for a warm revisit, and the DevTools-protocol knobs that make this machine
// behave like a mid-range phone on a slow mobile network. The network conditions apply to the page
// and to every service worker of the profile: a worker's own requests (its install, a background
// refresh) are not covered by the page's emulation, so each worker target gets the same conditions.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type BrowserContext, type CDPSession, type Page, chromium } from 'playwright-core'
import type { Protocol } from 'playwright-core/types/protocol'
import { CHROMIUM, PHONE_CONTEXT } from '../../harness/e2e'

export { CHROMIUM }

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM)
}

/**
 * Lighthouse's "slow 4G" (the mobile throttling preset, applied as DevTools "packet-level"
 * emulation): 150 ms RTT × 3.75 and 1.6 Mbps down × 0.9, 750 kbps up × 0.9.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
} as const

/** A mid-range phone is about 4× slower than a desktop core (Lighthouse's mobile preset). */
export const CPU_SLOWDOWN = 4

export interface PhoneBrowser {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  /** apply (or lift) the slow-4G network and 4× CPU slowdown on the current page */
  throttle: (on: boolean) => Promise<void>
  /** network offline (true) or back on */
  setOffline: (offline: boolean) => Promise<void>
  /** service worker targets the network conditions are applied to so far (script URLs) */
  emulatedWorkers: () => string[]
  /**
   * Listen to the DevTools-protocol events of the service workers (their Network domain is enabled):
   * a worker's own requests, which the page's session does not see. `session` tells workers apart.
   */
  onWorkerEvent: (listener: WorkerEventListener) => void
  close: () => Promise<void>
}

type NetworkConditions = Protocol.Network.emulateNetworkConditionsParameters

export type WorkerEventListener = (event: { method: string; params: unknown; session: string; workerUrl: string }) => void

/**
 * Applies the page's network conditions to every service worker of the browser, as DevTools does:
 * each worker target is attached (non-flattened, through the browser session) as soon as it is
 * discovered and gets the current conditions, and again whenever they change. Without a browser
 * session (another launcher) it does nothing.
 */
class WorkerEmulation {
  private readonly sessions = new Map<string, { sessionId: string; url: string }>()
  private readonly pending = new Map<number, (error: string | null) => void>()
  private readonly listeners: WorkerEventListener[] = []
  private nextId = 1

  constructor(
    private readonly browser: CDPSession | null,
    private readonly conditions: () => NetworkConditions,
  ) {}

  async start(): Promise<void> {
    const browser = this.browser
    if (!browser) return
    browser.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; error?: { message?: string }; method?: string; params?: unknown }
      if (message.method !== undefined) {
        const url = [...this.sessions.values()].find((s) => s.sessionId === e.sessionId)?.url ?? ''
        for (const listener of this.listeners)
          listener({ method: message.method, params: message.params, session: e.sessionId, workerUrl: url })
        return
      }
      const done = message.id === undefined ? undefined : this.pending.get(message.id)
      if (done && message.id !== undefined) {
        this.pending.delete(message.id)
        done(message.error ? (message.error.message ?? 'error') : null)
      }
    })
    browser.on('Target.targetCreated', (e) => {
      if (e.targetInfo.type === 'service_worker') void this.attach(e.targetInfo.targetId, e.targetInfo.url)
    })
    browser.on('Target.detachedFromTarget', (e) => {
      for (const [targetId, s] of this.sessions) if (s.sessionId === e.sessionId) this.sessions.delete(targetId)
    })
    // reports the targets that exist now as targetCreated too
    await browser.send('Target.setDiscoverTargets', { discover: true })
  }

  onEvent(listener: WorkerEventListener): void {
    this.listeners.push(listener)
  }

  urls(): string[] {
    return [...this.sessions.values()].map((s) => s.url)
  }

  async applyAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => this.apply(s.sessionId)))
  }

  private async attach(targetId: string, url: string): Promise<void> {
    if (!this.browser || this.sessions.has(targetId)) return
    try {
      const { sessionId } = await this.browser.send('Target.attachToTarget', { targetId, flatten: false })
      this.sessions.set(targetId, { sessionId, url })
      await this.call(sessionId, 'Network.enable', {})
      await this.apply(sessionId)
    } catch {
      // the worker went away meanwhile
    }
  }

  private apply(sessionId: string): Promise<void> {
    return this.call(sessionId, 'Network.emulateNetworkConditions', this.conditions()).catch(() => undefined)
  }

  private call(sessionId: string, method: string, params: object): Promise<void> {
    const browser = this.browser
    if (!browser) return Promise.resolve()
    const id = this.nextId++
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${method}: no answer from the service worker`))
      }, 5000)
      this.pending.set(id, (error) => {
        clearTimeout(timer)
        if (error) reject(new Error(`${method}: ${error}`))
        else resolve()
      })
      browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
        clearTimeout(timer)
        this.pending.delete(id)
        reject(error instanceof Error ? error : new Error(String(error)))
      })
    })
  }
}

export async function openPhone(): Promise<PhoneBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-bench-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, PHONE_CONTEXT)
  const page = context.pages()[0] ?? (await context.newPage())
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  let throttled = false
  let offline = false
  const conditions = (): NetworkConditions =>
    throttled ? { ...SLOW_4G, offline } : { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
  const browser = context.browser()
  const workers = new WorkerEmulation(browser ? await browser.newBrowserCDPSession() : null, conditions)
  await workers.start()
  const applyNetwork = async () => {
    await cdp.send('Network.emulateNetworkConditions', conditions())
    await workers.applyAll()
  }
  return {
    context,
    page,
    cdp,
    throttle: async (on) => {
      throttled = on
      await applyNetwork()
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? CPU_SLOWDOWN : 1 })
    },
    setOffline: async (on) => {
      offline = on
      await applyNetwork()
      await context.setOffline(on)
    },
    emulatedWorkers: () => workers.urls(),
    onWorkerEvent: (listener) => workers.onEvent(listener),
    close: async () => {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
