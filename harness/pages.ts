// What the e2e scenarios share: the app's routes, opening a page as a fresh launch, waiting for what
// a person would see, counting a person's taps and inputs, swiping the date picker, the 长辈版 audit.
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { PagePath } from '../src/routes'
import { type RecordedRequest, screenshot } from './e2e'

/** Every page of the app (src/routes.ts), detail pages with a real id from the content. */
export const ROUTES = [
  { name: 'home', path: 'pages/index/index', query: '', title: '景德镇惠民通' },
  { name: 'standards', path: 'pages/standards/index', query: '', title: '救助标准' },
  { name: 'services', path: 'pages/services/index', query: '', title: '办事' },
  { name: 'policies', path: 'pages/policies/index', query: '', title: '政策解读' },
  { name: 'mine', path: 'pages/mine/index', query: '', title: '我的' },
  { name: 'assess-dibao', path: 'subpackages/assess/dibao/index', query: '', title: '低保自测' },
  { name: 'assess-tekun', path: 'subpackages/assess/tekun/index', query: '', title: '特困人员自测' },
  {
    name: 'standard-detail',
    path: 'subpackages/standards/detail/index',
    query: 'id=dibao-urban-standard',
    title: '城市居民最低生活保障标准',
  },
  { name: 'policy-detail', path: 'subpackages/policy/detail/index', query: 'id=relief-standards-2019', title: '景府办字〔2019〕35号' },
  { name: 'service-detail', path: 'subpackages/service/detail/index', query: 'id=dibao-application', title: '最低生活保障（低保）申请' },
  { name: 'search', path: 'subpackages/search/index', query: '', title: '搜索' },
  { name: 'community', path: 'subpackages/community/index', query: '', title: '社区工作者' },
  { name: 'privacy', path: 'subpackages/about/privacy/index', query: '', title: '隐私' },
  { name: 'sources', path: 'subpackages/about/sources/index', query: '', title: '数据来源' },
] as const satisfies ReadonlyArray<{ name: string; path: PagePath; query: string; title: string }>

export function routeUrl(base: string, pagePath: string, query = ''): string {
  return `${base}/#/${pagePath}${query ? `?${query}` : ''}`
}

/** The Taro page element of this route that is on top (Taro H5 keeps earlier pages, hidden). */
export function view(page: Page, pagePath: string): Locator {
  return page.locator(`.taro_page[id^="/${pagePath}?"], .taro_page[id="/${pagePath}"]`).last()
}

/** Text as a person reads it: whitespace (line breaks between spans) removed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '')
}

/**
 * Wait until the scope shows the text (compared without whitespace); on timeout, fail with what
 * the scope does show, so a failure reads like "expected …, the page said …".
 */
export async function expectText(scope: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout
  let last = ''
  for (;;) {
    last = await scope.innerText({ timeout: Math.max(1000, deadline - Date.now()) }).catch(() => last)
    const text = squash(last)
    if (typeof expected === 'string' ? text.includes(squash(expected)) : expected.test(text)) return text
    if (Date.now() > deadline) {
      throw new Error(`expected the page to show ${String(expected)}; it shows:\n${last.slice(0, 3000)}`)
    }
    await new Promise((r) => setTimeout(r, 150))
  }
}

export async function expectNoText(scope: Locator, unexpected: string): Promise<void> {
  const text = squash(await scope.innerText())
  if (text.includes(squash(unexpected))) throw new Error(`expected the page not to show “${unexpected}”; it shows:\n${text.slice(0, 3000)}`)
}

/** Wait until the content check at launch is over (the status line no longer says 正在检查更新). */
export async function contentSettled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => !document.body.innerText.includes('正在检查更新'), undefined, { timeout })
}

/**
 * Open a route as a fresh launch of the app (a new document, as when the mini-program is opened
 * from a share card or the H5 page is loaded), and wait for its page to render.
 */
export async function launch(page: Page, base: string, pagePath: string, query = ''): Promise<Locator> {
  await page.goto('about:blank')
  await page.goto(routeUrl(base, pagePath, query))
  const v = view(page, pagePath)
  await v.locator('.page').first().waitFor({ state: 'visible', timeout: 20_000 })
  await contentSettled(page)
  return v
}

/** Wait for an in-app navigation to land on this route. */
export async function arrive(page: Page, pagePath: string): Promise<Locator> {
  const v = view(page, pagePath)
  await v.locator('.page').first().waitFor({ state: 'visible', timeout: 15_000 })
  await transitionOver(page)
  return v
}

/**
 * Taro H5's page transition is over, so the next tap lands on the new page: every page in the router
 * has slid in (Taro marks it taro_page_stationed when the slide ends), is a tab page (no slide), or
 * is hidden under the top one (taro_page_shade); a page sliding out has none of these until Taro
 * removes it.
 */
async function transitionOver(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('.taro_router > .taro_page')).every((el) =>
        ['taro_page_stationed', 'taro_tabbar_page', 'taro_page_shade'].some((c) => el.classList.contains(c)),
      ),
    undefined,
    { timeout: 5_000 },
  )
}

/** Wait until every recorded request has its response, body sizes included, or its failure recorded. */
export async function requestsSettled(requests: RecordedRequest[], timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (requests.some((r) => !r.settled && !r.aborted)) {
    if (Date.now() > deadline) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A person using the phone: every tap and every typed entry is counted. */
export class Person {
  taps = 0
  inputs = 0
  /** scrolls a person would have made to reach a target that was not on screen */
  swipes = 0
  readonly log: string[] = []

  constructor(private readonly page: Page) {}

  async tap(target: Locator, what: string): Promise<void> {
    await target.waitFor({ state: 'visible' })
    const box = await target.boundingBox()
    const viewport = this.page.viewportSize()
    // not wholly on screen: the person swipes to it first (counted), as the test then scrolls
    if (!box || !viewport || box.y < 0 || box.y + box.height > viewport.height) {
      this.swipes++
      this.log.push(`swipe to ${what}`)
    }
    await target.scrollIntoViewIfNeeded()
    await target.tap()
    this.taps++
    this.log.push(`tap ${what}`)
  }

  /** Tap the field (a tap) and type the text on the keyboard (an input). */
  async type(field: Locator, text: string, what: string): Promise<void> {
    await this.tap(field, what)
    await this.page.keyboard.type(text)
    this.inputs++
    this.log.push(`type “${text}” into ${what}`)
  }

  reset(): void {
    this.taps = 0
    this.inputs = 0
    this.swipes = 0
    this.log.length = 0
  }
}

/**
 * Swipe one column of the open date picker (Taro H5 weui picker) by `rows` rows with the finger:
 * positive rows scroll towards earlier values (the finger moves down), negative towards later.
 * Touch events through the DevTools protocol, at most 4 rows a swipe, as a thumb would.
 */
export async function swipePickerColumn(page: Page, column: number, rows: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const group = page.locator('.weui-picker__group').nth(column)
    // the picker slides up when it opens: wait until it stands still
    let box = await group.boundingBox()
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(100)
      const next = await group.boundingBox()
      if (box && next && Math.abs(next.y - box.y) < 0.5) break
      box = next
    }
    if (!box) throw new Error('the date picker is not open')
    const rowHeight = await group
      .locator('.weui-picker__item')
      .first()
      .evaluate((e) => e.getBoundingClientRect().height)
    const x = box.x + box.width / 2
    let left = rows
    while (left !== 0) {
      const chunk = Math.max(-4, Math.min(4, left))
      const dy = chunk * rowHeight
      const y0 = dy > 0 ? box.y + 20 : box.y + box.height - 20
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] })
      const steps = 8
      for (let i = 1; i <= steps; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (dy * i) / steps }] })
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
      await page.waitForTimeout(350)
      left -= chunk
    }
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** The value the picker column shows in its selection band. */
export async function pickerColumnValue(page: Page, column: number): Promise<string> {
  return page
    .locator('.weui-picker__group')
    .nth(column)
    .evaluate((group) => {
      const indicator = group.querySelector('.weui-picker__indicator')
      if (!indicator) return ''
      const band = indicator.getBoundingClientRect()
      const middle = band.top + band.height / 2
      const items = Array.from(group.querySelectorAll('.weui-picker__item'))
      const hit = items.find((item) => {
        const r = item.getBoundingClientRect()
        return r.top <= middle && r.bottom >= middle
      })
      return hit ? (hit.textContent ?? '').trim() : ''
    })
}

// ---- 长辈版 audit ----

export interface ElderRules {
  /** every visible text, CSS px */
  minFont: number
  /** the largest text on the page, CSS px */
  minLargest: number
  /** width and height of every tap target, CSS px */
  minTarget: number
  /** text contrast ratio */
  minContrast: number
}

export const ELDER_RULES: ElderRules = { minFont: 18, minLargest: 30, minTarget: 60, minContrast: 4.5 }

export interface Violation {
  page: string
  rule: 'font' | 'largest' | 'target' | 'contrast'
  selector: string
  text: string
  detail: string
}

export interface AuditStats {
  texts: number
  targets: number
  smallestFont: number
  largestFont: number
  smallestTarget: { size: number; at: string } | null
  lowestContrast: number
  lowestContrastAt: string
}

const AUDIT_SOURCE = fs.readFileSync(path.join(__dirname, 'elder-audit.browser.js'), 'utf8')

export async function auditPage(
  page: Page,
  pageName: string,
  rules: ElderRules = ELDER_RULES,
): Promise<{ violations: Violation[]; stats: AuditStats }> {
  const expression = `${AUDIT_SOURCE.replace(/^[\s\S]*?\(function elderAudit/, '(function elderAudit')}(${JSON.stringify(rules)})`
  const result = (await page.evaluate(expression)) as { violations: Omit<Violation, 'page'>[]; stats: AuditStats }
  return { violations: result.violations.map((v) => ({ page: pageName, ...v })), stats: result.stats }
}

export async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
}

/** Console messages Chromium itself prints for requests we aborted on purpose (offline). */
export function isAbortedRequestMessage(error: string): boolean {
  return /^console: Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)$/.test(error)
}

/** A NutUI button by its label (its inner label does not take taps; the button does). */
export function nutButton(scope: Locator, label: string): Locator {
  return scope.locator('taro-button-core').filter({ hasText: label }).first()
}
