// 长辈版 on a phone: switched on like a person would (the switch on 首页), then every page of the
// app, measured in the real browser against the elder-mode rules (helpers.ts ELDER_RULES; what counts
// as text, background and tap target is documented in harness/elder-audit.browser.js). Every violation is
// listed with its page, element (selector) and text, and fails the test. Screenshots of every page
// in 长辈版 go to test-results/screenshots/elder-*.png.
import { ADMIN_TOKEN, type Browser, type RunningServer, browserAvailable, openBrowser, startServer } from '../../harness/e2e'
import {
  type AuditStats,
  ELDER_RULES,
  ROUTES,
  type Violation,
  arrive,
  auditPage,
  expectText,
  launch,
  nutButton,
  shoot,
  view,
} from '../../harness/pages'

const d = browserAvailable() ? describe : describe.skip

d('长辈版 on every page (H5, 375×812)', () => {
  let server: RunningServer
  let b: Browser

  beforeAll(async () => {
    server = await startServer()
    b = await openBrowser(server.base)
  }, 300_000)

  afterAll(async () => {
    await b?.close()
    await server?.stop()
  }, 60_000)

  // every scenario, not only the last: no console error, page error or CSP violation (each tab tap
  // used to log one, Taro's javascript: links refused by the CSP)
  afterEach(() => {
    expect(b.errors).toEqual([])
    expect(b.cspViolations).toEqual([])
  })

  it('switches on from 首页 and stays on after a relaunch', async () => {
    const home = await launch(b.page, server.base, 'pages/index/index')
    await home.locator('.elder-switch__row').tap()
    await home.locator('.page.elder').waitFor()
    await expectText(home.locator('.elder-switch'), '已开启')
    // a new launch reads the setting from storage
    const again = await launch(b.page, server.base, 'pages/index/index')
    await again.locator('.page.elder').waitFor()
    const stored = await b.page.evaluate(() => localStorage.getItem('jdz:elder'))
    expect(JSON.parse(stored ?? 'null')).toEqual({ data: { on: true, source: 'user' } })
  }, 60_000)

  it('meets the elder-mode rules on all 14 pages (text size, tap targets, contrast)', async () => {
    const violations: Violation[] = []
    const figures: Array<
      { page: string } & Pick<AuditStats, 'texts' | 'targets' | 'smallestFont' | 'largestFont'> & {
          smallestTarget: string
          lowestContrast: string
        }
    > = []
    const audit = async (name: string) => {
      const { violations: found, stats } = await auditPage(b.page, name)
      violations.push(...found)
      figures.push({
        page: name,
        texts: stats.texts,
        targets: stats.targets,
        smallestFont: stats.smallestFont,
        largestFont: stats.largestFont,
        smallestTarget: stats.smallestTarget ? `${stats.smallestTarget.size.toFixed(0)}px ${stats.smallestTarget.at}` : '-',
        lowestContrast: `${stats.lowestContrast.toFixed(2)} ${stats.lowestContrastAt}`,
      })
    }

    for (const route of ROUTES) {
      const v = await launch(b.page, server.base, route.path, route.query)
      await v.locator('.page.elder').first().waitFor()
      await expectText(v, route.title)
      await shoot(b.page, `elder-${route.name}`)
      await audit(route.name)
    }

    // the states a person reaches on the busiest pages: a 低保 result, search results, a policy's full text
    const dibao = await launch(b.page, server.base, 'subpackages/assess/dibao/index')
    await dibao.getByText('城市', { exact: true }).tap()
    await dibao.locator('input').nth(0).tap()
    await b.page.keyboard.type('3')
    await dibao.locator('input').nth(1).tap()
    await b.page.keyboard.type('1500')
    await dibao.locator('.assess-submit').tap()
    await expectText(dibao, '计算过程')
    await shoot(b.page, 'elder-assess-dibao-result')
    await audit('assess-dibao (result)')

    const search = await launch(b.page, server.base, 'subpackages/search/index', `q=${encodeURIComponent('低保')}`)
    await expectText(search, '找到')
    await shoot(b.page, 'elder-search-results')
    await audit('search (results)')

    const policy = await launch(b.page, server.base, 'subpackages/policy/detail/index', 'id=relief-standards-2019')
    await nutButton(policy, '全部展开').tap()
    await expectText(policy, '全部收起')
    await shoot(b.page, 'elder-policy-detail-open')
    await audit('policy-detail (full text open)')

    console.log(
      `长辈版 audit (rules: text ≥ ${ELDER_RULES.minFont}px, largest ≥ ${ELDER_RULES.minLargest}px, targets ≥ ${ELDER_RULES.minTarget}×${ELDER_RULES.minTarget}px, contrast ≥ ${ELDER_RULES.minContrast}:1)\n` +
        figures
          .map(
            (f) =>
              `  ${f.page}: ${f.texts} texts, ${f.targets} targets; text ${f.smallestFont}–${f.largestFont}px; smallest target ${f.smallestTarget}; lowest contrast ${f.lowestContrast}`,
          )
          .join('\n') +
        `\n  violations: ${violations.length}` +
        violations.map((v) => `\n  ✗ [${v.page}] ${v.rule}: ${v.selector} “${v.text}” — ${v.detail}`).join(''),
    )
    expect(violations.map((v) => `[${v.page}] ${v.rule}: ${v.selector} “${v.text}” — ${v.detail}`)).toEqual([])
  }, 240_000)

  it('keeps normal mode as it was once 长辈版 is switched off', async () => {
    const mine = await launch(b.page, server.base, 'pages/mine/index')
    await mine.locator('.elder-switch__row').tap()
    await view(b.page, 'pages/mine/index').locator('.page:not(.elder)').first().waitFor()
    const home = await launch(b.page, server.base, 'pages/index/index')
    await home.locator('.page:not(.elder)').first().waitFor()
    // normal body text is the designed 15 CSS px (30 design px at 750), not the elder size
    const size = await home
      .locator('.page')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeLessThan(ELDER_RULES.minFont)
    await home.getByText('低保自测').first().tap()
    await arrive(b.page, 'subpackages/assess/dibao/index')
  }, 60_000)

  it('had no console errors, page errors, CSP violations or requests to other hosts', () => {
    expect(b.errors).toEqual([])
    expect(b.foreignRequests).toEqual([])
    expect(b.cspViolations).toEqual([])
    // the token is only for the admin API: it never appears in what the app requested
    expect(b.requests.filter((r) => r.url.includes(ADMIN_TOKEN))).toEqual([])
  })
})
