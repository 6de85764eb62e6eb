// The H5 app on a phone (375×812, touch, zh-CN, Asia/Shanghai) against the real server (`npm start`
// on a fresh SQLite database): what a person sees on every path that matters. One server and one
// browser for the whole file; the scenarios run in order and share the browser's storage as one
// person's phone would (the offline scenario relies on the visits before it, and comes after the
// content update so it also proves the updated section is kept on the phone).
// Screenshots of every page (normal mode) and of each scenario go to test-results/screenshots/.
// At the end, the server's log of the whole run and every request the app made are scanned for the
// household figures typed into the self-tests and the community estimate (scenario 13).
import fs from 'node:fs'
import path from 'node:path'
import bundled from '../../src/generated/bundled-content.json'
import { findHouseholdFiguresInLogs } from '../reliability/log-scan'
import {
  ADMIN_TOKEN,
  type Browser,
  ROOT,
  type RecordedRequest,
  type RunningServer,
  browserAvailable,
  openBrowser,
  startServer,
} from '../../harness/e2e'
import {
  Person,
  ROUTES,
  arrive,
  expectNoText,
  expectText,
  isAbortedRequestMessage,
  launch,
  nutButton,
  pickerColumnValue,
  requestsSettled,
  routeUrl,
  shoot,
  squash,
  swipePickerColumn,
  view,
} from '../../harness/pages'
import type { Locator, Page } from 'playwright-core'
import { at } from '../../harness/at'

const d = browserAvailable() ? describe : describe.skip

const pack = bundled.pack
const labelOf = (id: string): string => {
  const p = pack.parameters.find((x) => x.id === id)
  if (!p) throw new Error(`no parameter ${id} in the bundled content`)
  return p.label
}

/** The standards (元/人/月) in force in 2018 and in 2019, as the notice 景府办字〔2019〕35号 gives them. */
const STANDARDS: Record<string, { y2018: number | null; y2019: number }> = {
  'dibao-urban-standard': { y2018: 600, y2019: 660 },
  'dibao-rural-standard': { y2018: 360, y2019: 400 },
  'tekun-urban-support': { y2018: 800, y2019: 850 },
  'tekun-rural-centralized': { y2018: 455, y2019: 505 },
  'tekun-rural-dispersed': { y2018: 360, y2019: 400 },
  'jingjian-urban': { y2018: 425, y2019: 455 },
  'jingjian-rural': { y2018: 385, y2019: 415 },
  'care-semi-disabled': { y2018: null, y2019: 300 },
  'care-fully-disabled': { y2018: null, y2019: 1200 },
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A choice button (城市, 没有, 全失能 …) by its exact label. */
function choice(scope: Locator, label: string): Locator {
  return scope.locator('.assess-choice__label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first()
}

/** The amount shown on the standard card with this exact label (救助标准 page). */
async function cardAmount(scope: Locator, label: string): Promise<string> {
  const card = scope
    .locator('.standard-card')
    .filter({ has: scope.page().locator('.standard-card__label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
  return (await card.first().locator('.money-text__amount').first().innerText()).trim()
}

/** Requests made since `from`, the harness's own bookkeeping aside. */
function since(requests: RecordedRequest[], from: number): RecordedRequest[] {
  return requests.slice(from)
}

/**
 * The app's own files (a path of the built dist/h5 without a query): their names are fixed by the
 * build and carry nothing the person typed, but a chunk named 300.js would look like a figure.
 */
function isAppFile(url: string, base: string): boolean {
  if (!url.startsWith(`${base}/`)) return false
  const u = new URL(url)
  if (u.search) return false
  const file = u.pathname === '/' ? 'index.html' : decodeURIComponent(u.pathname).replace(/^\/+/, '')
  return !file.startsWith('api/') && fs.existsSync(path.join(ROOT, 'dist/h5', file))
}

/** One line a request: method, URL (decoded) and body, as a log scanner reads it. */
function requestLines(requests: readonly RecordedRequest[]): string {
  const decode = (url: string) => {
    try {
      return decodeURIComponent(url)
    } catch {
      return url
    }
  }
  return requests.map((r) => `${r.method} ${decode(r.url)} ${(r.postData ?? '').replace(/\n/g, ' ')}`).join('\n')
}

d('景德镇惠民通 H5 on a phone', () => {
  let server: RunningServer
  let b: Browser
  let page: Page
  /** the FAQ answer as published by scenario 9 (checked again offline by scenario 8) */
  let publishedAnswer = ''
  /** every household figure typed into the app in this file, for the scan of the logs (scenario 13) */
  const typed: number[] = []
  /** type a household figure on the keyboard, and remember it */
  const typeFigure = async (text: string) => {
    typed.push(Number(text))
    await page.keyboard.type(text)
  }

  beforeAll(async () => {
    server = await startServer()
    b = await openBrowser(server.base)
    page = b.page
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

  it('shows every page (screenshots in normal mode)', async () => {
    for (const route of ROUTES) {
      const v = await launch(page, server.base, route.path, route.query)
      await expectText(v, route.title)
      await expectNoText(v, '页面显示出错')
      await shoot(page, `normal-${route.name}`)
    }
  }, 120_000)

  it('an old link (/packages/…, before the move to subpackages/) opens the same page with its query', async () => {
    await page.goto('about:blank')
    await page.goto(routeUrl(server.base, 'packages/policy/detail/index', 'id=relief-standards-2019'))
    const v = await arrive(page, 'subpackages/policy/detail/index')
    await expectText(v, '景府办字〔2019〕35号')
    expect(new URL(page.url()).hash).toBe('#/subpackages/policy/detail/index?id=relief-standards-2019')
  }, 60_000)

  it('the tab bar: a drawn icon on every tab (normal and selected), labels ≥ 12 px, each tap opens its page with no CSP error', async () => {
    await launch(page, server.base, 'pages/index/index')
    const tabs = page.locator('.weui-tabbar__item')
    expect(await tabs.count()).toBe(5)
    for (const [i, [label, path]] of (
      [
        ['首页', 'pages/index/index'],
        ['救助标准', 'pages/standards/index'],
        ['办事', 'pages/services/index'],
        ['政策', 'pages/policies/index'],
        ['我的', 'pages/mine/index'],
      ] as const
    ).entries()) {
      const tab = tabs.nth(i)
      expect((await tab.innerText()).trim()).toBe(label)
      if (i > 0) {
        await tab.tap()
        await arrive(page, path)
      }
      const icon = tab.locator('img.weui-tabbar__icon')
      // a real picture, loaded, and the selected one on the selected tab
      expect(await icon.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(81)
      const fontSize = await tab.locator('.weui-tabbar__label').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(fontSize).toBeGreaterThanOrEqual(12)
      expect(await tab.evaluate((el) => el.classList.contains('weui-bar__item_on'))).toBe(true)
    }
    const srcs = await page.locator('img.weui-tabbar__icon').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src))
    // four normal pictures and the selected one (我的): five different images
    expect(new Set(srcs).size).toBe(5)
    await shoot(page, 'tab-bar-mine')
  }, 60_000)

  it('every sub-page has a top bar: 首页 when opened directly, 返回 when opened from the app; tab pages have none', async () => {
    for (const route of ROUTES) {
      const v = await launch(page, server.base, route.path, route.query)
      const tab = route.path.startsWith('pages/')
      const bar = v.locator('.top-bar')
      if (tab) expect(await bar.count()).toBe(0)
      else await expectText(bar, '首页')
    }
    // opened directly: 首页 leads home
    const direct = await launch(page, server.base, 'subpackages/about/privacy/index')
    await direct.locator('.top-bar__button').tap()
    await arrive(page, 'pages/index/index')
    // opened from the app: 返回 goes back where the person came from
    const home = await launch(page, server.base, 'pages/index/index')
    await home.locator('.home-entry', { hasText: '特困自测' }).tap()
    const tekun = await arrive(page, 'subpackages/assess/tekun/index')
    await expectText(tekun.locator('.top-bar'), '返回')
    await tekun.locator('.top-bar__button').tap()
    await view(page, 'subpackages/assess/tekun/index').waitFor({ state: 'detached', timeout: 10_000 })
    await expectText(view(page, 'pages/index/index'), '景德镇惠民通')
  }, 120_000)

  it('1. 首页 shows today’s urban 低保 standard, its change and its source, and the source shows the notice’s sentence', async () => {
    const home = await launch(page, server.base, 'pages/index/index')
    const card = home
      .locator('.standard-card')
      .filter({ has: page.locator('.standard-card__label', { hasText: /^城市低保$/ }) })
      .first()
    expect((await card.locator('.money-text__amount').first().innerText()).trim()).toBe('660')
    await expectText(card, '元/人/月')
    await expectText(card, '比上年+60元')
    await expectText(card, '（上年600元/人/月）')
    await expectText(card, '来源：景府办字〔2019〕35号第（一）项')
    await shoot(page, 'scenario-01-home')

    await card.locator('.source-link').tap()
    const detail = await arrive(page, 'subpackages/standards/detail/index')
    await expectText(detail, '城市居民最低生活保障标准增加60元，由去年的每人每月600元提高到660元')
    await expectText(detail, '文号：景府办字〔2019〕35号')
    await shoot(page, 'scenario-01-source')
  }, 60_000)

  it('2. 救助标准 shows the 2018 figures for a 2018 date and the 2019 ones for a 2019 date (chosen with the date picker)', async () => {
    // The date is chosen with the page's own date picker, swiped with the finger like a person
    // would (touch events), not with the ?on= route parameter.
    const standards = await launch(page, server.base, 'pages/standards/index')
    await standards.getByText('选择其他日期').tap()
    await page.locator('.weui-picker__group').first().waitFor()
    const year = Number((await pickerColumnValue(page, 0)).replace(/\D/g, ''))
    await swipePickerColumn(page, 0, year - 2018)
    expect(await pickerColumnValue(page, 0)).toBe('2018年')
    const month = await pickerColumnValue(page, 1)
    const day = await pickerColumnValue(page, 2)
    await page.locator('.weui-picker__action', { hasText: '确定' }).tap()
    await expectText(standards, `所选日期执行的标准2018年${Number(month.replace(/\D/g, ''))}月${Number(day.replace(/\D/g, ''))}日`)
    for (const [id, v] of Object.entries(STANDARDS)) {
      if (v.y2018 === null) {
        const notYet = standards.locator('.standards-not-yet').filter({ hasText: labelOf(id) })
        await expectText(notYet, '该日期尚未设立')
      } else {
        expect({ id, amount: await cardAmount(standards, labelOf(id)) }).toEqual({ id, amount: String(v.y2018) })
      }
    }
    await shoot(page, 'scenario-02-standards-2018')

    await standards.getByText('选择其他日期').tap()
    await page.locator('.weui-picker__group').first().waitFor()
    await swipePickerColumn(page, 0, -1)
    expect(await pickerColumnValue(page, 0)).toBe('2019年')
    await page.locator('.weui-picker__action', { hasText: '确定' }).tap()
    await expectText(standards, '所选日期执行的标准2019年')
    for (const [id, v] of Object.entries(STANDARDS)) {
      expect({ id, amount: await cardAmount(standards, labelOf(id)) }).toEqual({ id, amount: String(v.y2019) })
    }
    await expectNoText(standards, '该日期尚未设立')
    await shoot(page, 'scenario-02-standards-2019')
  }, 90_000)

  it('3. 低保自测 in 长辈版: urban household of 3 with 1500 元 → about 480 元 a month, with the steps and their sources, in ≤ 4 inputs, ≤ 8 taps and no swipe from launch', async () => {
    // 长辈版 is switched on first (a setting, made once), then the app is launched and counted.
    const first = await launch(page, server.base, 'pages/index/index')
    if ((await first.locator('.page.elder').count()) === 0) await first.locator('.elder-switch__row').tap()
    await first.locator('.page.elder').waitFor()

    const person = new Person(page)
    const home = await launch(page, server.base, 'pages/index/index')
    await home.locator('.page.elder').waitFor()
    person.reset()
    // 长辈版's first screen: the four big buttons, above anything else
    for (const label of ['低保自测', '特困自测', '查标准', '12345']) {
      const button = home.locator('.home-elder-first__button', { hasText: label })
      const box = await button.boundingBox()
      expect({ label, onFirstScreen: box !== null && box.y >= 0 && box.y + box.height <= 812 }).toEqual({ label, onFirstScreen: true })
      expect(box && box.height >= 60 && box.width >= 60).toBe(true)
    }
    await person.tap(home.locator('.home-elder-first__button', { hasText: '低保自测' }), '低保自测 on 首页')
    const form = await arrive(page, 'subpackages/assess/dibao/index')
    await person.tap(choice(form, '城市'), '城市')
    await person.type(form.locator('#dibao-householdSize input'), '3', '家庭人口')
    await person.type(form.locator('#dibao-monthlyIncome input'), '1500', '家庭月收入')
    typed.push(3, 1500)
    await person.tap(form.locator('.assess-submit'), '计算')

    await expectText(form, '按收入估算，您家可能符合低保的收入条件')
    expect((await form.locator('.assess-headline__number').innerText()).trim()).toBe('480')
    await expectText(form, '每月约480元')
    await expectText(form, '3人户合计')
    // the calculation, each step with where it comes from
    const steps = form.locator('.assess-steps__item')
    expect(await steps.count()).toBeGreaterThanOrEqual(3)
    for (let i = 0; i < (await steps.count()); i++) {
      const step = steps.nth(i)
      const cited = (await step.locator('.assess-citation-link, .assess-citation__toggle').count()) > 0
      expect({ step: squash(await step.innerText()).slice(0, 40), cited }).toEqual({
        step: squash(await step.innerText()).slice(0, 40),
        cited: true,
      })
    }
    await expectText(form.locator('.assess-steps'), '景府办字〔2019〕35号')
    await expectText(form.locator('.assess-steps'), '1500÷3=500元')
    await expectText(form.locator('.assess-steps'), '660×3−1500=480元')
    await shoot(page, 'scenario-03-dibao-elder')

    console.log(
      `低保自测 from launch in 长辈版: ${person.inputs} inputs, ${person.taps} taps, ${person.swipes} swipes (${person.log.join('; ')})`,
    )
    expect(person.inputs).toBeLessThanOrEqual(4)
    expect(person.taps).toBeLessThanOrEqual(8)
    expect(person.swipes).toBe(0)

    // back to normal mode for the scenarios that follow
    const mine = await launch(page, server.base, 'pages/mine/index')
    await mine.locator('.elder-switch__row').tap()
    await view(page, 'pages/mine/index').locator('.page:not(.elder)').first().waitFor()
  }, 90_000)

  it('4. 低保自测 for a rural household of 4 with 1700 元 says the income is above the standard, offers other help, and does not end in a flat no', async () => {
    const form = await launch(page, server.base, 'subpackages/assess/dibao/index')
    await choice(form, '农村').tap()
    await form.locator('#dibao-householdSize input').tap()
    await typeFigure('4')
    await form.locator('#dibao-monthlyIncome input').tap()
    await typeFigure('1700')
    await form.locator('.assess-submit').tap()

    const result = form.locator('.assess-result')
    await expectText(result, '按收入这一项，暂不符合低保的收入条件')
    await expectText(result, '家庭人均月收入约425元，高于农村低保标准400元/人/月')
    await expectText(result, '这不是最终结论')
    const help = result.locator('.assess-notes--help').first()
    await expectText(help, '还可以试试这些帮助')
    expect(await help.locator('.assess-notes__item').count()).toBeGreaterThan(0)
    // it goes on: where to apply or ask, as something to tap
    await expectText(result, '准备材料和去哪里办')
    expect(await result.locator('.assess-apply__link, .assess-apply__call').count()).toBeGreaterThan(0)
    expect(squash(await result.innerText())).not.toMatch(/^不符合。?$/)
    await shoot(page, 'scenario-04-dibao-rural-above')
  }, 60_000)

  it('5. 特困自测: 70 years old, 全失能, no income, no supporter, urban → 850 + 1200 = 2050 元', async () => {
    const form = await launch(page, server.base, 'subpackages/assess/tekun/index')
    await choice(form, '城市').tap()
    await form.locator('#tekun-age input').tap()
    await typeFigure('70')
    await nutButton(form, '下一步').tap()
    await form.locator('#tekun-monthlyIncome input').waitFor()
    await form.locator('#tekun-monthlyIncome input').tap()
    await typeFigure('0')
    await choice(form, '没有').tap()
    await nutButton(form, '下一步').tap()
    await choice(form, '全失能').tap()
    await form.locator('.assess-submit').tap()

    const result = form.locator('.assess-result')
    await expectText(result, '按您填写的情况，可能符合特困人员供养条件')
    expect((await result.locator('.assess-headline__number').innerText()).trim()).toBe('2050')
    await expectText(result, '基本生活供养850元+照料护理补助1200元=2050元')
    await expectText(result, '无劳动能力：符合')
    await expectText(result, '无生活来源：符合')
    await expectText(result, '无法定义务人或义务人无能力：符合')
    await shoot(page, 'scenario-05-tekun')
  }, 60_000)

  it('6. search “一次不跑” → the 放管服 measures (景府字〔2019〕16号) → summary, milestones and full text', async () => {
    const policy = pack.policies.find((p) => p.id === 'fangguanfu-reform')
    if (!policy) throw new Error('fangguanfu-reform missing from the bundled content')
    const home = await launch(page, server.base, 'pages/index/index')
    await home.locator('.home-search').tap()
    const search = await arrive(page, 'subpackages/search/index')
    await search.locator('input').first().tap()
    await page.keyboard.type('一次不跑')
    await expectText(search, '政策文件')
    const hit = search.locator('.search-result').filter({ hasText: '放管服' }).first()
    await shoot(page, 'scenario-06-search')
    await hit.tap()

    const detail = await arrive(page, 'subpackages/policy/detail/index')
    await expectText(detail, '深入推进“放管服”改革加快政府职能转变若干措施')
    await expectText(detail, '文号：景府字〔2019〕16号')
    await expectText(detail.locator('.policy-summary'), `一句话看懂${policy.summary}`)
    await expectText(detail, `共 ${policy.milestones.length} 个时间节点`)
    // a long plan starts folded: unfold it like a person would, then every deadline is there
    const unfold = detail.locator('.action-button', { hasText: '显示全部' })
    if (await unfold.count()) await unfold.first().tap()
    for (const m of policy.milestones) await expectText(detail.locator('.milestones'), `${m.title}原文：“${m.quote}”`)
    await expectText(detail, '原文')
    const expandAll = nutButton(detail, '全部展开')
    if (await expandAll.count()) await expandAll.tap()
    await expectText(detail, '全部收起')
    for (const section of policy.sections) {
      await expectText(detail, section.heading)
      await expectText(detail, at(section.paragraphs, 0).slice(0, 40))
    }
    await shoot(page, 'scenario-06-policy')
  }, 60_000)

  it('7. a 一次不跑 service: two materials ticked are still ticked after a reload', async () => {
    const services = await launch(page, server.base, 'pages/services/index')
    await services.locator('.filter-chips__chip', { hasText: '一次不跑' }).first().tap()
    await expectText(services, '一次不跑：网上或电话就能办完')
    const card = services.locator('.service-card').filter({ hasText: '特困人员照料护理补助' }).first()
    await expectText(card, '一次不跑')
    await card.tap()
    const detail = await arrive(page, 'subpackages/service/detail/index')
    await expectText(detail, '已准备 0 项，共 2 项')
    const items = detail.locator('.materials__item')
    await items.nth(0).locator('.nut-checkbox').tap()
    await items.nth(1).locator('.nut-checkbox').tap()
    await expectText(detail, '已准备 2 项，共 2 项，都准备好了')

    await page.reload()
    const again = await arrive(page, 'subpackages/service/detail/index')
    await expectText(again, '已准备 2 项，共 2 项，都准备好了')
    const ticked = again.locator('.materials__item--done')
    expect(await ticked.count()).toBe(2)
    await expectText(ticked.nth(0), '· 已准备')
    const stored = await page.evaluate(() => localStorage.getItem('jdz:checklist:care-subsidy'))
    expect(JSON.parse(stored ?? 'null')).toEqual({ data: expect.arrayContaining(['id-card', 'self-care-assessment']) })
    await shoot(page, 'scenario-07-checklist')
  }, 60_000)

  it('9. new content published through the admin API shows at the next visit, and only the changed section is downloaded', async () => {
    const api = `${server.base}/api/v1`
    const manifest = (await (await fetch(`${api}/content/manifest`)).json()) as {
      version: string
      asOf: string
      sections: Record<string, { hash: string; bytes: number }>
    }
    const health = (await (await fetch(`${api}/health`)).json()) as { packVersion: string }
    const current: Record<string, unknown> = { meta: { version: health.packVersion, title: pack.meta.title, asOf: manifest.asOf } }
    for (const name of Object.keys(manifest.sections)) current[name] = await (await fetch(`${api}/content/${name}`)).json()
    const faq = current.faq as Array<{ id: string; answer: string }>
    const original = faq.find((f) => f.id === 'dibao-standard')
    if (!original) throw new Error('FAQ dibao-standard missing')
    publishedAnswer = `${original.answer}如有疑问，可拨打12345政务服务便民热线咨询。`
    current.faq = faq.map((f) => (f.id === 'dibao-standard' ? { ...f, answer: publishedAnswer } : f))
    const res = await fetch(`${api}/admin/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': `"${manifest.version}"`, 'content-type': 'application/json' },
      body: JSON.stringify(current),
    })
    const published = (await res.json()) as { version: string; manifest: { sections: Record<string, { hash: string; bytes: number }> } }
    expect(res.status).toBe(201)
    const changed = Object.keys(manifest.sections).filter((n) => manifest.sections[n]?.hash !== published.manifest.sections[n]?.hash)
    expect(changed).toEqual(['faq'])

    // the next visit: a fresh launch, which checks the manifest and fetches what changed
    const from = b.requests.length
    const community = await launch(page, server.base, 'subpackages/community/index', 'faq=dibao-standard')
    await expectText(community, '如有疑问，可拨打12345政务服务便民热线咨询。')
    await expectText(community, `数据截至 2019年6月28日`)
    await requestsSettled(b.requests)
    const content = since(b.requests, from).filter((r) => r.url.startsWith(`${api}/content/`))
    const fetched = content.map((r) => r.url.slice(`${api}/content/`.length))
    const bytes = content.reduce((sum, r) => sum + (r.encodedBytes ?? 0), 0)
    const fullPack = Object.values(published.manifest.sections).reduce((sum, s) => sum + s.bytes, 0)
    console.log(
      `content update ${manifest.version} → ${published.version}: ${content.length} requests to /api/v1/content/* ` +
        `(${content.map((r) => `${r.url.slice(`${api}/content/`.length)} ${r.status} ${r.encodedBytes ?? '?'} B`).join(', ')}), ` +
        `${bytes} B received in all; the whole pack is ${fullPack} B in ${Object.keys(published.manifest.sections).length} sections`,
    )
    expect(fetched.sort()).toEqual(['faq', 'manifest'])
    expect(content.every((r) => r.status === 200)).toBe(true)
    expect(bytes).toBeLessThan(fullPack / 10)
    await shoot(page, 'scenario-09-updated-faq')

    // and 我的 says which version it uses, under 技术信息 (not shown to residents unasked)
    const mine = await launch(page, server.base, 'pages/mine/index')
    await mine.locator('.mine-technical__toggle').tap()
    await expectText(mine.locator('.mine-technical'), published.version)
  }, 60_000)

  it('8. offline: with every request failing, a relaunch still shows the content (with the update), marked 离线 with its date', async () => {
    // one visit online, then the network goes and the page is reloaded
    await launch(page, server.base, 'pages/index/index')
    const errorsBefore = b.errors.length
    const from = b.requests.length
    await b.setOffline(true)
    try {
      await page.reload()
      const home = await arrive(page, 'pages/index/index')
      await expectText(home.locator('.status-line'), '离线 · 数据截至 2019年6月28日')
      const card = home
        .locator('.standard-card')
        .filter({ has: page.locator('.standard-card__label', { hasText: /^城市低保$/ }) })
        .first()
      expect((await card.locator('.money-text__amount').first().innerText()).trim()).toBe('660')
      await shoot(page, 'scenario-08-offline-home')

      const community = await launch(page, server.base, 'subpackages/community/index', 'faq=dibao-standard')
      await expectText(community.locator('.status-line'), '离线 · 数据截至 2019年6月28日')
      expect(publishedAnswer).not.toBe('')
      await expectText(community, publishedAnswer)
      await shoot(page, 'scenario-08-offline-community')

      // the browser says it is offline, so the app does not even try the API
      const api = since(b.requests, from).filter((r) => r.url.includes('/api/'))
      expect(api.map((r) => r.url)).toEqual([])
    } finally {
      await b.setOffline(false)
    }
    // Chromium reports each request we aborted as "Failed to load resource": expected here, and
    // only those; anything else stays in the list and fails scenario 12
    const during = b.errors.splice(errorsBefore)
    const aborted = since(b.requests, from).filter((r) => r.aborted).length
    const unexpected = during.filter((e) => !isAbortedRequestMessage(e))
    b.errors.push(...unexpected)
    expect(during.length - unexpected.length).toBeLessThanOrEqual(aborted)
  }, 60_000)

  it('11. privacy: the self-tests and the community estimate send nothing of the household’s figures anywhere, and never call /api/v1/assess', async () => {
    const from = b.requests.length
    const dibao = await launch(page, server.base, 'subpackages/assess/dibao/index')
    await choice(dibao, '城市').tap()
    await dibao.locator('#dibao-householdSize input').tap()
    await typeFigure('3')
    await dibao.locator('#dibao-monthlyIncome input').tap()
    await typeFigure('1537')
    await dibao.locator('.assess-submit').tap()
    await expectText(dibao, '每月约443元')

    const tekun = await launch(page, server.base, 'subpackages/assess/tekun/index')
    await choice(tekun, '城市').tap()
    await tekun.locator('#tekun-age input').tap()
    await typeFigure('71')
    await nutButton(tekun, '下一步').tap()
    await tekun.locator('#tekun-monthlyIncome input').waitFor()
    await tekun.locator('#tekun-monthlyIncome input').tap()
    await typeFigure('1537')
    await choice(tekun, '没有').tap()
    await nutButton(tekun, '下一步').tap()
    await choice(tekun, '半失能').tap()
    await tekun.locator('.assess-submit').tap()
    await expectText(tekun, '计算过程')

    // a community worker's estimate for a neighbour: urban, 5 people, 2291 元 → 660×5−2291 = 1009 元
    const community = await launch(page, server.base, 'subpackages/community/index')
    const estimate = community.locator('#community-estimate')
    await choice(estimate, '城市').tap()
    await estimate.locator('#community-householdSize input').tap()
    await typeFigure('5')
    await estimate.locator('#community-monthlyIncome input').tap()
    await typeFigure('2291')
    await estimate.locator('.assess-submit').tap()
    await expectText(estimate, '每月约1009元')
    await requestsSettled(b.requests)

    const during = since(b.requests, from)
    const figures = [/(?<!\d)1537(?!\d)/, /(?<!\d)71(?!\d)/, /(?<!\d)2291(?!\d)/]
    // build files are named by webpack's chunk ids (…/71.js), which may equal a figure by chance
    const isBuildFile = (url: string) => /\.(js|css|png|svg|woff2?)$/.test(new URL(url).pathname)
    const leaks = during.filter(
      (r) => !isBuildFile(r.url) && figures.some((re) => re.test(decodeURIComponent(r.url)) || re.test(r.postData ?? '')),
    )
    // the household size 3 is too common a digit to look for in a URL path: it must not be in any query or body
    const withData = during.filter((r) => /\?./.test(r.url) || (r.postData ?? '') !== '')
    console.log(
      `privacy: ${during.length} requests during both self-tests and the community estimate (${[...new Set(during.map((r) => `${r.method} ${new URL(r.url).pathname}`))].join(', ') || 'none'})`,
    )
    expect(leaks.map((r) => r.url)).toEqual([])
    expect(withData.map((r) => `${r.method} ${r.url} ${r.postData ?? ''}`)).toEqual([])
    expect(during.filter((r) => r.url.includes('/api/v1/assess'))).toEqual([])
    expect(during.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual([])
    // and the server heard nothing of them either
    expect(server.logs()).not.toMatch(/(?<!\d)1537(?!\d)/)
    expect(server.logs()).not.toMatch(/(?<!\d)2291(?!\d)/)
  }, 60_000)

  it('12. no console errors, page errors, CSP violations or requests to other hosts on any page', () => {
    expect(b.errors).toEqual([])
    expect(b.foreignRequests).toEqual([])
    // every page of the app parses content (zod) under the server's CSP, which has no 'unsafe-eval':
    // not one securitypolicyviolation event, on any page visited in this file
    const documents = b.requests.filter((r) => r.resourceType === 'document').length
    console.log(`CSP: ${documents} page loads, ${b.cspViolations.length} securitypolicyviolation events`)
    expect(documents).toBeGreaterThan(ROUTES.length)
    expect(b.cspViolations).toEqual([])
  })

  it('13. the server’s log of the whole run, and every request the app made, hold none of the household figures typed', async () => {
    await requestsSettled(b.requests)
    // 0 (no income) is not a figure anyone could pick out of a log
    const figures = [...new Set(typed)].filter((f) => f !== 0).sort((x, y) => x - y)
    expect(figures).toEqual(expect.arrayContaining([1500, 1537, 1700, 2291, 70, 71]))
    const logText = server.logs()
    const logLines = logText.split('\n').filter((l) => l.trim() !== '').length
    const logFindings = findHouseholdFiguresInLogs(logText, figures)
    // the requests: all of them but data: URLs and the app's own files (see isAppFile)
    const scanned = b.requests.filter((r) => /^https?:/.test(r.url) && !isAppFile(r.url, server.base))
    const requestFindings = findHouseholdFiguresInLogs(requestLines(scanned), figures)
    console.log(
      `log scan: ${logLines} log lines and ${scanned.length} requests (of ${b.requests.length}) scanned, ` +
        `${figures.length} figures checked (${figures.join(', ')}), findings ${logFindings.length + requestFindings.length}`,
    )
    // what was scanned is the server's request log, and the scan sees a figure when one is there
    expect(logLines).toBeGreaterThan(100)
    expect(logText).toContain('"msg":"request completed"')
    expect(findHouseholdFiguresInLogs(`${logText}\n{"msg":"leak","income":${figures[figures.length - 1]}}`, figures)).toHaveLength(1)
    expect(scanned.filter((r) => r.url.includes('/api/v1/content/')).length).toBeGreaterThan(0)
    expect(logFindings).toEqual([])
    expect(requestFindings).toEqual([])
  })
})
