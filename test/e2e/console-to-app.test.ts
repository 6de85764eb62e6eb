// From the editor console to a resident's phone, end to end (issue 10 §4, steps 4–5): the real
// server (`npm start`, H5 app and console together) on a fresh SQLite database; accounts made with
// the CLI; an editor pastes a notice with 2023 figures of our own making
// (test/fixtures/console-notice-2023.txt, in force from 2023-01-01, so before today on any clock
// this runs on) and corrects one value; a reviewer publishes it. Then the H5 app, launched afresh
// as a phone picks up a publish, shows 890 as today's urban 低保 standard with its sentence and 660
// as the one before; the 低保 self-check computes with 890; no console errors, page errors or CSP
// violations on any page; and every phone page passes the 长辈版 audit with the new content.
import fs from 'node:fs'
import path from 'node:path'
import { type Page, chromium } from 'playwright-core'
import {
  type Browser,
  CHROMIUM,
  ROOT,
  type RunningServer,
  browserAvailable,
  ensureAppsBuilt,
  openBrowser,
  startServer,
} from '../../harness/e2e'
import { createConsoleAccounts, draftFromNotice, reviewAndPublish } from '../../harness/console-flow'
import { ROUTES, type Violation, arrive, auditPage, expectNoText, expectText, launch } from '../../harness/pages'

const NOTICE = fs.readFileSync(path.join(ROOT, 'test/fixtures/console-notice-2023.txt'), 'utf8')
/** the sentence the 2023 urban 低保 figure comes from, verbatim in the notice */
const URBAN_QUOTE = '一、城市居民最低生活保障标准由每人每月660元提高到890元。'

const d = browserAvailable() ? describe : describe.skip

d('a notice published in the console reaches the H5 app (Chromium)', () => {
  let server: RunningServer
  let b: Browser
  let page: Page

  beforeAll(async () => {
    await ensureAppsBuilt()
    server = await startServer()
    b = await openBrowser(server.base)
    page = b.page
  }, 300_000)

  afterAll(async () => {
    await b?.close()
    await server?.stop()
  }, 60_000)

  afterEach(() => {
    expect(b.errors).toEqual([])
    expect(b.cspViolations).toEqual([])
    expect(b.foreignRequests).toEqual([])
  })

  it('the app shows the 2019 standard before the publish', async () => {
    expect(NOTICE).toContain(URBAN_QUOTE)
    const home = await launch(page, server.base, 'pages/index/index')
    const card = home.locator('.standard-card').filter({ has: page.locator('.standard-card__label', { hasText: /^城市低保$/ }) })
    expect((await card.first().locator('.money-text__amount').first().innerText()).trim()).toBe('660')
  }, 60_000)

  it('an editor drafts from the pasted notice and a reviewer publishes it', async () => {
    const otpauth = createConsoleAccounts(`sqlite://${server.databaseFile}`, 'lihua', 'wang')
    // the staff use their own computers: a browser apart from the resident's phone, a context each
    // (so neither shares the other's session cookie), every console and page error recorded
    const staff = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    const errors: string[] = []
    const open = async (viewport: { width: number; height: number }) => {
      const p = await (await staff.newContext({ viewport })).newPage()
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      p.on('pageerror', (e) => errors.push(String(e)))
      return p
    }
    try {
      await draftFromNotice(await open({ width: 1280, height: 800 }), server.base, 'lihua', {
        notice: NOTICE,
        expectedProposals: 3,
        correct: { index: 1, amountYuan: '470' },
        sourceLocation: 'https://www.jdz.gov.cn/',
      })
      await reviewAndPublish(await open({ width: 390, height: 844 }), server.base, 'wang', otpauth, {
        diffLines: ['城市低保 660 → 890 元/人/月，自2023年1月1日起', '农村低保 400 → 470 元/人/月，自2023年1月1日起'],
        changeNote: '按景府办字〔2023〕12号调整2023年救助标准',
      })
    } finally {
      await staff.close()
    }
    expect(errors).toEqual([])
  }, 120_000)

  it('首页 shows 890 as today’s urban 低保 standard, 660 as the one before, and the sentence it comes from', async () => {
    const home = await launch(page, server.base, 'pages/index/index')
    const card = home
      .locator('.standard-card')
      .filter({ has: page.locator('.standard-card__label', { hasText: /^城市低保$/ }) })
      .first()
    await expectText(card, '890')
    expect((await card.locator('.money-text__amount').first().innerText()).trim()).toBe('890')
    // 2019 → 2023 is not one year apart, so the app says 上一期 rather than 上年
    await expectText(card, '比上一期+230元')
    await expectText(card, '（上一期660元/人/月）')
    await expectText(card, '来源：景府办字〔2023〕12号')
    await card.locator('.source-link').tap()
    const detail = await arrive(page, 'subpackages/standards/detail/index')
    await expectText(detail, URBAN_QUOTE.replace(/^一、/, '').replace(/。$/, ''))
    await expectText(detail, '景府办字〔2023〕12号')
    // the history keeps the 2019 figure and its own sentence
    await expectText(detail, '660')
    await expectText(detail, '城市居民最低生活保障标准增加60元，由去年的每人每月600元提高到660元')
  }, 60_000)

  it('救助标准 shows today’s 2023 figures, the corrected rural one included', async () => {
    const standards = await launch(page, server.base, 'pages/standards/index')
    const amount = async (label: string) => {
      const card = standards
        .locator('.standard-card')
        .filter({ has: page.locator('.standard-card__label', { hasText: new RegExp(`^${label}$`) }) })
        .first()
      return (await card.locator('.money-text__amount').first().innerText()).trim()
    }
    expect(await amount('城市居民最低生活保障标准')).toBe('890')
    // the value the editor corrected (the notice says 700), not the extracted one
    expect(await amount('农村居民最低生活保障标准')).toBe('470')
  }, 60_000)

  it('低保自测 computes with the new standard: an urban household of 1 with no income gets 890 元', async () => {
    const form = await launch(page, server.base, 'subpackages/assess/dibao/index')
    await form
      .locator('.assess-choice__label', { hasText: /^城市$/ })
      .first()
      .tap()
    await form.locator('#dibao-householdSize input').tap()
    await page.keyboard.type('1')
    await form.locator('#dibao-monthlyIncome input').tap()
    await page.keyboard.type('0')
    await form.locator('.assess-submit').tap()
    await expectText(form, '按收入估算，您家可能符合低保的收入条件')
    expect((await form.locator('.assess-headline__number').innerText()).trim()).toBe('890')
    await expectText(form, '每月约890元')
    await expectText(form.locator('.assess-steps'), '景府办字〔2023〕12号')
    await expectNoText(form.locator('.assess-steps'), '660×1')
  }, 60_000)

  it('every phone page passes the 长辈版 audit with the published content', async () => {
    const home = await launch(page, server.base, 'pages/index/index')
    if ((await home.locator('.page.elder').count()) === 0) await home.locator('.elder-switch__row').tap()
    await home.locator('.page.elder').waitFor()
    const violations: Violation[] = []
    for (const route of ROUTES) {
      const v = await launch(page, server.base, route.path, route.query)
      await v.locator('.page.elder').first().waitFor()
      await expectText(v, route.title)
      violations.push(...(await auditPage(page, route.name)).violations)
    }
    // the state that shows the new figure worked out: a 低保 result
    const dibao = await launch(page, server.base, 'subpackages/assess/dibao/index')
    await dibao.getByText('城市', { exact: true }).tap()
    await dibao.locator('input').nth(0).tap()
    await page.keyboard.type('1')
    await dibao.locator('input').nth(1).tap()
    await page.keyboard.type('0')
    await dibao.locator('.assess-submit').tap()
    await expectText(dibao, '每月约890元')
    violations.push(...(await auditPage(page, 'assess-dibao (result)')).violations)
    expect(violations.map((v) => `[${v.page}] ${v.rule}: ${v.selector} “${v.text}” — ${v.detail}`)).toEqual([])
  }, 240_000)
})
