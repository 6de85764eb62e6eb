// The H5 offline shell for real: the app's own service worker (src/sw/service-worker.js), no
// emulation. A phone opens the app once, online; then the server is gone altogether (stopped, not
// just the network emulated away) and the app is opened again: its pages still load from the
// worker's cache, with the content kept on the phone, marked 离线 with its date.
import { type Browser, type RunningServer, browserAvailable, openBrowser, startServer } from '../../harness/e2e'
import { expectText, isAbortedRequestMessage, launch, shoot } from '../../harness/pages'

const d = browserAvailable() ? describe : describe.skip

d('H5 offline shell (service worker)', () => {
  let server: RunningServer
  let b: Browser
  beforeAll(async () => {
    server = await startServer()
    b = await openBrowser(server.base, { serviceWorkers: 'allow' })
  }, 300_000)
  afterAll(async () => {
    await b?.close()
    await server?.stop()
  })

  it('after one visit online, the app opens with the server gone: shell from the worker, content from the phone', async () => {
    const { page } = b
    await launch(page, server.base, 'pages/index/index')
    // the worker takes control of the open page (clients.claim) …
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 20_000 })
    // … then a second page loads through it
    await launch(page, server.base, 'pages/standards/index')
    // … and keeps every bundle either launch loaded (those from before it existed are copied in)
    await page.waitForFunction(
      async () => {
        const bundles = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => /\/(js|css)\//.test(new URL(u).pathname))
        const names = (await caches.keys()).filter((n) => n.startsWith('jdz-shell-'))
        // runs in the page: harness helpers such as at() do not exist there
        const newest = names[names.length - 1]
        if (newest === undefined) return false
        const cache = await caches.open(newest)
        const kept = await Promise.all(bundles.map((u) => cache.match(u)))
        return bundles.length > 0 && kept.every(Boolean) && (await cache.match('/index.html')) !== undefined
      },
      undefined,
      { timeout: 20_000, polling: 250 },
    )

    const errorsBefore = b.errors.length
    await server.stop()
    const home = await launch(page, server.base, 'pages/index/index')
    await expectText(home.locator('.status-line'), '离线 · 数据截至 2019年6月28日')
    const card = home
      .locator('.standard-card')
      .filter({ has: page.locator('.standard-card__label', { hasText: /^城市低保$/ }) })
      .first()
    expect((await card.locator('.money-text__amount').first().innerText()).trim()).toBe('660')
    await shoot(page, 'offline-shell-home')

    const standards = await launch(page, server.base, 'pages/standards/index')
    await expectText(standards.locator('.status-line'), '离线')
    await expectText(standards, '660')
    await shoot(page, 'offline-shell-standards')

    // the only errors: the API calls that found no server (Chromium logs each failed load)
    const unexpected = b.errors.splice(errorsBefore).filter((e) => !isAbortedRequestMessage(e) && !/ERR_CONNECTION_REFUSED/.test(e))
    expect(unexpected).toEqual([])
    expect(b.foreignRequests).toEqual([])
  }, 180_000)
})
