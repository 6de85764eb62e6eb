// End-to-end harness: starts the real server (`npm start`: builds the H5 app when stale, serves it
// with the API) on a free port with a fresh SQLite database and an admin token, and drives Debian's
// Chromium at a phone viewport. Every request to another host is aborted and recorded as a failure.
// It also records every request (URL, body, response size) for the privacy and update checks and
// every CSP violation a page reports, can cut the network (setOffline), and builds a stale dist/h5
// once under a lock before any server starts, so parallel test files never build into it at the
// same time.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { type BrowserContext, type Page, chromium } from 'playwright-core'
import { APP_BUILDS, runBuild, staleBuilds } from '../server/cli/app-builds'

export const ROOT = path.resolve(__dirname, '..')
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef'

/**
 * Whether the browser suite can run. Absent Chromium skips with a visible message on a laptop, and
 * fails under REQUIRE_SERVICES=1 (CI), where skipping would hide a broken product.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true
  const message = `Chromium not found at ${CHROMIUM}: browser tests skipped. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH).`
  if (process.env.REQUIRE_SERVICES === '1') throw new Error(`${message} REQUIRE_SERVICES=1 requires them.`)
  // straight to stderr: jest drops console output of a file whose tests are all skipped
  process.stderr.write(`\n⚠ ${message}\n`)
  return false
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  base: string
  port: number
  databaseFile: string
  /** everything the server printed, for the privacy scan of its logs */
  logs: () => string
  stop: () => Promise<void>
}

const BUILD_LOCK = path.join(ROOT, 'dist/.e2e-h5-build.lock')

/**
 * Build what `npm start` serves (server/cli/app-builds.ts: the H5 app, the console) once when stale,
 * before any server starts: two e2e files starting their servers at the same moment would otherwise
 * both build into the same dist/. A lock directory serialises the builds; the one that waits finds
 * them built and goes on. `scripts` limits it to those builds (the console e2e needs no H5 app).
 */
export async function ensureAppsBuilt(scripts?: readonly string[]): Promise<void> {
  const deadline = Date.now() + 300_000
  const builds = APP_BUILDS.filter((b) => !scripts || scripts.includes(b.script))
  for (;;) {
    if (staleBuilds(builds).length === 0) return
    fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true })
    let locked = false
    try {
      fs.mkdirSync(BUILD_LOCK)
      locked = true
    } catch {
      // another test file is building; a lock left by a killed run is taken over after 5 minutes
      try {
        if (Date.now() - fs.statSync(BUILD_LOCK).mtimeMs > 300_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true })
      } catch {
        /* gone meanwhile */
      }
    }
    if (locked) {
      try {
        for (const { build } of staleBuilds(builds)) {
          const started = Date.now()
          const result = await runBuild(build, false)
          if (result.code !== 0) throw new Error(`npm run ${build.script} failed (${result.code}):\n${result.output.slice(-4000)}`)
          console.log(`e2e: built ${path.relative(ROOT, build.dist)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
        }
        return
      } finally {
        fs.rmSync(BUILD_LOCK, { recursive: true, force: true })
      }
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build dist/h5')
    await new Promise((r) => setTimeout(r, 1000))
  }
}

export async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  await ensureAppsBuilt()
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-e2e-'))
  const databaseFile = path.join(dir, 'e2e.sqlite')
  let output = ''
  // Its own process group (detached), so stop() ends npx, tsx and the server together: killing npx
  // alone orphans the server, whose open stdout pipe then keeps jest from exiting.
  const child: ChildProcess = spawn('npx', ['tsx', 'server/cli/start.ts'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite://${databaseFile}`,
      ADMIN_TOKEN,
      RATE_LIMIT_ASSESS: '10000',
      RATE_LIMIT_ADMIN: '10000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  let closed = false
  const closedPromise = new Promise<void>((resolve) =>
    child.once('close', () => {
      closed = true
      resolve()
    }),
  )
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal)
    } catch {
      /* already gone */
    }
  }
  const stop = async () => {
    if (!closed) {
      killGroup('SIGTERM')
      const timer = setTimeout(() => killGroup('SIGKILL'), 10_000)
      await closedPromise
      clearTimeout(timer)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null || closed) {
      await stop()
      throw new Error(`server exited (${child.exitCode}):\n${output}`)
    }
    try {
      const res = await fetch(`${base}/api/v1/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`server did not become healthy in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return { base, port, databaseFile, logs: () => output, stop }
}

/** One request the page made, with what came back. */
export interface RecordedRequest {
  method: string
  url: string
  /** the request body, if any (utf-8) */
  postData: string | null
  resourceType: string
  /** null until the response arrives (or for requests that failed) */
  status: number | null
  /** response body bytes as received (encoded) and as used (decoded); null for failures and 304s without a body */
  encodedBytes: number | null
  decodedBytes: number | null
  failure: string | null
  /** aborted by the harness (offline, or another host) */
  aborted: boolean
  /** everything about it is recorded: the response with its body sizes (read asynchronously), or the failure */
  settled: boolean
}

export interface Browser {
  context: BrowserContext
  page: Page
  /** URLs of requests to hosts other than the server: each is a failure */
  foreignRequests: string[]
  /** console errors and page errors seen so far */
  errors: string[]
  /** every request the pages made, in order */
  requests: RecordedRequest[]
  /**
   * Every `securitypolicyviolation` event any page fired (the server's CSP refusing something, even
   * when the page caught the error, which Chromium does not print to the console): each is a failure.
   */
  cspViolations: string[]
  /**
   * Cut the network (offline) or restore it. Offline, the browser is set offline and every request
   * is aborted, except the app's own files (HTML, JS, CSS) already fetched once, which are answered
   * from the copy kept then: the installed app, as a WeChat code package or a service worker's cache
   * would be on a phone. The API and anything not fetched before fail.
   */
  setOffline: (offline: boolean) => Promise<void>
  close: () => Promise<void>
}

interface ShellCopy {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/**
 * Debian's Chromium as a phone: 375×812 at 2×, touch, zh-CN, China Standard Time. The browser tests
 * and the browser benchmarks (bench/lib/browser.ts) launch it alike.
 */
export const PHONE_CONTEXT: NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]> = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

export interface BrowserOptions {
  /**
   * The H5 app installs a service worker (its offline shell). Blocked by default: page requests a
   * worker answers bypass the request recording and the offline emulation above, which the other
   * scenarios rely on. test/e2e/offline-shell.test.ts allows it and proves the worker itself.
   */
  serviceWorkers?: 'allow' | 'block'
}

export async function openBrowser(base: string, options: BrowserOptions = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...PHONE_CONTEXT,
    serviceWorkers: options.serviceWorkers ?? 'block',
  })
  const foreignRequests: string[] = []
  const errors: string[] = []
  const requests: RecordedRequest[] = []
  const records = new Map<object, RecordedRequest>()
  const shell = new Map<string, ShellCopy>()
  let offline = false
  const isShell = (url: string) => url.startsWith(base) && !url.startsWith(`${base}/api/`)
  // the shell is kept per page address: the hash route after # is the app's, not the server's
  const withoutFragment = (url: string) => url.replace(/#.*$/s, '')

  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = request.url()
    const record = records.get(request)
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    if (!url.startsWith(base)) {
      foreignRequests.push(url)
      if (record) record.aborted = true
      return route.abort()
    }
    if (offline) {
      const copy = shell.get(withoutFragment(url))
      if (copy) return route.fulfill({ status: copy.status, headers: copy.headers, body: copy.body })
      if (record) record.aborted = true
      return route.abort('internetdisconnected')
    }
    return route.continue()
  })
  context.on('request', (request) => {
    const record: RecordedRequest = {
      method: request.method(),
      url: request.url(),
      postData: request.postData(),
      resourceType: request.resourceType(),
      status: null,
      encodedBytes: null,
      decodedBytes: null,
      failure: null,
      aborted: false,
      settled: false,
    }
    records.set(request, record)
    requests.push(record)
  })
  context.on('requestfinished', (request) => {
    void (async () => {
      const record = records.get(request)
      if (!record) return
      try {
        await recordResponse(record)
      } finally {
        record.settled = true
      }
    })()
    async function recordResponse(record: RecordedRequest): Promise<void> {
      const response = await request.response().catch(() => null)
      if (!response) return
      record.status = response.status()
      const sizes = await request.sizes().catch(() => null)
      if (sizes) record.encodedBytes = sizes.responseBodySize
      const body = response.status() === 304 ? null : await response.body().catch(() => null)
      if (body) {
        record.decodedBytes = body.length
        if (!offline && isShell(record.url) && response.status() === 200) {
          shell.set(withoutFragment(record.url), { status: 200, headers: response.headers(), body })
        }
      } else if (response.status() === 304) {
        record.decodedBytes = 0
      }
    }
  })
  context.on('requestfailed', (request) => {
    const record = records.get(request)
    if (!record) return
    record.failure = request.failure()?.errorText ?? 'failed'
    record.settled = true
  })

  // Reported from every document as soon as it fires: a listener installed before any of the page's
  // own scripts runs, calling back into the test through a binding that survives navigations.
  const cspViolations: string[] = []
  await context.exposeBinding('__jdzCspViolation', (source, text: string) => {
    cspViolations.push(`${source.page?.url() ?? '?'}: ${text}`)
  })
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', function (e) {
      window.__jdzCspViolation(e.effectiveDirective + ' refused ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + (e.sample ? ' “' + e.sample + '”' : ''))
    }, true)`,
  })

  const page = context.pages()[0] ?? (await context.newPage())
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`))
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`)
    })
  }
  watch(page)
  context.on('page', watch)
  return {
    context,
    page,
    foreignRequests,
    errors,
    requests,
    cspViolations,
    setOffline: async (on: boolean) => {
      offline = on
      await context.setOffline(on)
    },
    close: async () => {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A full-length screenshot of the page on top. Taro H5 scrolls inside its own containers (the tab
 * panel, the page), so a plain full-page shot would stop at the viewport: the containers are let
 * out to their full height for the shot, then restored.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const style = await page.addStyleTag({
    content:
      'html, body, #app, .taro-tabbar__container, .taro-tabbar__panel, .taro_router, .taro_page, .taro_page > .page { height: auto !important; max-height: none !important; overflow: visible !important; } .taro_page { position: relative !important; }',
  })
  try {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  } finally {
    await style.evaluate((el) => (el as Element).remove())
  }
}
