// Every page offline after one visit to the home page alone: the service worker keeps every page's
// JS and CSS from the build's own file list (scripts/after-build-h5.ts → sw.js) at install, so a
// page never opened online still opens with the server stopped and the phone offline. Each page of
// src/app.config.ts is opened by its route, then the tabs and 低保自测 are tapped in the app, with
// no console error at all (a page whose chunk could not load would log one and show the 重试 notice).
import { type Browser, type RunningServer, browserAvailable, openBrowser, startServer } from '../../harness/e2e'
import { ROUTES, expectNoText, expectText, launch, shoot, view } from '../../harness/pages'

const d = browserAvailable() ? describe : describe.skip

/** Every route app.config declares, main package and subpackages, as the router knows them. */
function configRoutes(): string[] {
  // app.config.ts calls Taro's global defineAppConfig, which only the build provides
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig ??= (c) => c

  const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

d('H5: every page opens offline after visiting only the home page', () => {
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

  it('opens each route of app.config with the server stopped and the phone offline, with no console error', async () => {
    const { page } = b
    // every route of the config is exercised below (helpers.ROUTES gives detail pages a real id)
    expect(ROUTES.map((r) => r.path).sort()).toEqual(configRoutes().sort())

    await launch(page, server.base, 'pages/index/index')
    // the worker controls the page once it is installed, and it installs only after keeping the list
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 })
    const onlineRequests = b.requests.map((r) => r.url)
    // the home page alone was opened online: no other page's chunk was asked for by the page itself
    expect(onlineRequests.some((u) => u.includes('#/subpackages/'))).toBe(false)

    await server.stop()
    await b.setOffline(true)
    const errorsBefore = b.errors.length

    for (const route of ROUTES) {
      const v = await launch(page, server.base, route.path, route.query)
      await expectText(v, route.title)
      await expectNoText(v, '页面显示出错')
      expect(await page.locator('#jdz-chunk-error').count()).toBe(0)
      await shoot(page, `offline-${route.name}`)
    }

    // in-app taps, as in the report: the tabs and 低保自测 from a home page launched offline
    const home = await launch(page, server.base, 'pages/index/index')
    await home.getByText('低保自测').first().tap()
    await expectText(view(page, 'subpackages/assess/dibao/index'), '低保自测')
    for (const [label, path, text] of [
      ['救助标准', 'pages/standards/index', '救助标准'],
      ['办事', 'pages/services/index', '办事'],
      ['我的', 'pages/mine/index', '我的'],
    ] as const) {
      await launch(page, server.base, 'pages/index/index')
      await page.locator('.weui-tabbar__item', { hasText: label }).tap()
      await expectText(view(page, path), text)
    }

    expect(b.errors.slice(errorsBefore)).toEqual([])
    expect(b.cspViolations).toEqual([])
    expect(b.foreignRequests).toEqual([])
  }, 300_000)
})
