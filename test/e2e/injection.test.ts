// Script, SQL and HTML in published content are text on the phone, never markup or code. The pack
// from test/reliability/injection-pack.ts (built on the repository's pack, the one the server
// starts with) is published through the admin API, then every page where its strings land is
// opened in Chromium: the FAQ on 社区工作者 and in search results, the policy card and the 政务动态
// news on 政策解读, the policy's and the service's detail pages. Each shows the strings literally,
// and its DOM holds no <script>, <img onerror>, <b> or javascript: link that content put there
// (compared with the same page before the publish); no dialog opens, nothing is logged as an error,
// no CSP violation fires. The API serves the same strings verbatim as JSON, and the database still
// has every table. (The server half — storage, search, hostile ids — is test/reliability/injection.test.ts.)
import Sqlite from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { INJECTIONS, injectedPack } from '../reliability/injection-pack'
import { contentPack } from '../server/helpers'
import { ADMIN_TOKEN, type Browser, type RunningServer, browserAvailable, openBrowser, startServer } from '../../harness/e2e'
import { expectText, launch, shoot } from '../../harness/pages'
import { at } from '../../harness/at'

const d = browserAvailable() ? describe : describe.skip

const pack = injectedPack()
const faq = pack.faq.find((f) => f.id === 'injection-test')
if (!faq) throw new Error('the injection pack has no FAQ injection-test')
const news = at(pack.news, 0)
const policy = at(pack.policies, 0)
const service = at(pack.services, 0)
const ALL = INJECTIONS.join(' ')

/** The pages where the strings land, each opened as a fresh launch (before and after the publish). */
const VISITS = {
  community: { path: 'subpackages/community/index', query: `faq=${faq.id}` },
  searchQuestion: { path: 'subpackages/search/index', query: `q=${encodeURIComponent('注入测试')}` },
  searchSql: { path: 'subpackages/search/index', query: `q=${encodeURIComponent('DROP TABLE')}` },
  searchScript: { path: 'subpackages/search/index', query: `q=${encodeURIComponent(at(INJECTIONS, 0))}` },
  policies: { path: 'pages/policies/index', query: '' },
  policyDetail: { path: 'subpackages/policy/detail/index', query: `id=${encodeURIComponent(policy.id)}` },
  serviceDetail: { path: 'subpackages/service/detail/index', query: `id=${encodeURIComponent(service.id)}` },
} as const
type VisitName = keyof typeof VISITS

/** What of the DOM content could have created if it were taken as markup. */
interface DomCensus {
  scripts: number
  /** scripts whose text mentions alert( (none of the app's own do) */
  alertScripts: number
  images: number
  /** <img src=x> or any <img onerror> */
  injectedImages: number
  bold: number
  /** <b> holding the injected 粗体 */
  injectedBold: number
  /** anything with href="javascript:…" (Taro's tab bar has its own `javascript:;` links) */
  javascriptLinks: number
  /** a javascript: link calling alert, as the injected <a> would */
  injectedLinks: number
  /** elements with an inline event handler attribute (onerror=, onclick= …) */
  inlineHandlers: number
}

function census(page: Page): Promise<DomCensus> {
  return page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'))
    const scripts = Array.from(document.querySelectorAll('script'))
    const images = Array.from(document.querySelectorAll('img'))
    const bold = Array.from(document.querySelectorAll('b'))
    return {
      scripts: scripts.length,
      alertScripts: scripts.filter((s) => (s.textContent ?? '').includes('alert(')).length,
      images: images.length,
      injectedImages: images.filter((i) => i.getAttribute('src') === 'x' || i.hasAttribute('onerror')).length,
      bold: bold.length,
      injectedBold: bold.filter((b) => (b.textContent ?? '').includes('粗体')).length,
      javascriptLinks: all.filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? '')).length,
      injectedLinks: all.filter((e) => /^\s*javascript:.*alert/i.test(e.getAttribute('href') ?? '')).length,
      inlineHandlers: all.filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
    }
  })
}

d('injected script, SQL and HTML in content are shown as text (H5, 375×812)', () => {
  let server: RunningServer
  let b: Browser
  let page: Page
  const dialogs: string[] = []
  const baseline = new Map<VisitName, DomCensus>()
  let tablesBefore: string[] = []
  let publishedVersion = ''

  const tables = (): string[] => {
    const db = new Sqlite(server.databaseFile, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map(
        (r) => r.name,
      )
    } finally {
      db.close()
    }
  }

  const visit = (name: VisitName) => launch(page, server.base, VISITS[name].path, VISITS[name].query)

  /** The page's DOM has nothing content created as markup, and no more than it had before the publish. */
  async function expectNoMarkupFromContent(name: VisitName): Promise<void> {
    const after = await census(page)
    const before = baseline.get(name)
    if (!before) throw new Error(`no baseline for ${name}`)
    expect({ page: name, ...after }).toEqual({
      page: name,
      ...before,
      alertScripts: 0,
      injectedImages: 0,
      injectedBold: 0,
      injectedLinks: 0,
    })
  }

  beforeAll(async () => {
    server = await startServer()
    b = await openBrowser(server.base)
    page = b.page
    const onDialog = (dialog: import('playwright-core').Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    }
    page.on('dialog', onDialog)
    b.context.on('page', (p) => p.on('dialog', onDialog))
  }, 300_000)

  afterAll(async () => {
    await b?.close()
    await server?.stop()
  }, 60_000)

  it('before: the same pages with the repository’s content, as the baseline of their DOM', async () => {
    tablesBefore = tables()
    expect(tablesBefore).toEqual(expect.arrayContaining(['content_pointer', 'content_version']))
    for (const name of Object.keys(VISITS) as VisitName[]) {
      await visit(name)
      const c = await census(page)
      expect({
        name,
        alertScripts: c.alertScripts,
        injectedImages: c.injectedImages,
        injectedBold: c.injectedBold,
        injectedLinks: c.injectedLinks,
      }).toEqual({ name, alertScripts: 0, injectedImages: 0, injectedBold: 0, injectedLinks: 0 })
      baseline.set(name, c)
    }
  }, 120_000)

  it('publishes the injection pack through the admin API (If-Match the current version)', async () => {
    const api = `${server.base}/api/v1`
    const health = (await (await fetch(`${api}/health`)).json()) as { version: string; packVersion: string }
    // built on the pack the server holds: the repository's content
    expect(health.packVersion).toBe(contentPack().meta.version)
    const manifest = (await (await fetch(`${api}/content/manifest`)).json()) as { version: string }
    expect(manifest.version).toBe(health.version)
    const res = await fetch(`${api}/admin/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': `"${manifest.version}"`, 'content-type': 'application/json' },
      body: JSON.stringify(pack),
    })
    const body = (await res.json()) as { version: string }
    expect(res.status).toBe(201)
    expect(body.version).not.toBe(manifest.version)
    publishedVersion = body.version
  }, 30_000)

  it('社区工作者: the FAQ shows the question and answer character for character', async () => {
    const community = await visit('community')
    const item = community.locator(`#faq-${faq.id}`)
    await expectText(item, at(INJECTIONS, 0))
    expect(await item.locator('.faq__q').textContent()).toBe(`问：${faq.question}`)
    expect(await item.locator('.faq__a').textContent()).toBe(`答：${faq.answer}`)
    const text = await community.innerText()
    for (const s of INJECTIONS) expect(text).toContain(s)
    await expectNoMarkupFromContent('community')
    await shoot(page, 'injection-community')
  }, 60_000)

  it('搜索: results for a word of the question, for “DROP TABLE” and for the script tag itself are text', async () => {
    const byQuestion = await visit('searchQuestion')
    const hit = byQuestion.locator('.search-result').filter({ hasText: '注入测试' }).first()
    await expectText(hit, `常见问答注入测试${INJECTIONS[0]}`)
    expect(await hit.locator('.search-result__title').textContent()).toBe(faq.question)
    await expectNoMarkupFromContent('searchQuestion')
    await shoot(page, 'injection-search-question')

    const bySql = await visit('searchSql')
    await expectText(bySql, '政策文件')
    const sqlText = await bySql.locator('.search-results').innerText()
    expect(sqlText).toContain(policy.title)
    expect(sqlText).toContain('DROP TABLE content_version; --')
    await expectNoMarkupFromContent('searchSql')

    // the query of a shared link is text too, whether it finds something or not
    const byScript = await visit('searchScript')
    await expectText(byScript, at(INJECTIONS, 0))
    expect(await byScript.locator('input').first().inputValue()).toBe(INJECTIONS[0])
    await expectNoMarkupFromContent('searchScript')
    await shoot(page, 'injection-search-script')
  }, 60_000)

  it('政策解读: the policy card’s summary and the 政务动态 news (title and, unfolded, its full text) are text', async () => {
    const list = await visit('policies')
    const card = list.locator('.policy-card').filter({ hasText: policy.title }).first()
    await expectText(card, at(INJECTIONS, 1))
    expect(await card.locator('.policy-card__summary').textContent()).toBe(policy.summary)

    const item = list.locator('.news-list__item').filter({ hasText: '粗体' }).first()
    expect(await item.locator('.news-list__title').textContent()).toBe(news.title)
    await item.locator('.news-list__head').tap()
    await expectText(item, '收起')
    const paragraphs = await item.locator('.news-list__paragraph').allTextContents()
    expect(paragraphs).toEqual(news.paragraphs)
    expect(await item.innerText()).toContain(ALL)
    await expectNoMarkupFromContent('policies')
    await shoot(page, 'injection-policies')
  }, 60_000)

  it('the policy’s detail page shows its summary as text', async () => {
    const detail = await visit('policyDetail')
    await expectText(detail.locator('.policy-summary'), at(INJECTIONS, 0))
    expect(await detail.locator('.policy-summary__text').textContent()).toBe(policy.summary)
    expect(await detail.innerText()).toContain(`${INJECTIONS[1]} ${INJECTIONS[0]}`)
    await expectNoMarkupFromContent('policyDetail')
    await shoot(page, 'injection-policy-detail')
  }, 60_000)

  it('the service’s detail page shows its fee as text', async () => {
    const detail = await visit('serviceDetail')
    await expectText(detail, `收费：${service.fee}`)
    expect(await detail.innerText()).toContain(`收费：不收费 ${INJECTIONS[4]}`)
    await expectNoMarkupFromContent('serviceDetail')
    await shoot(page, 'injection-service-detail')
  }, 60_000)

  it('the API serves the same strings verbatim as JSON, and every table is still there', async () => {
    const api = `${server.base}/api/v1`
    const getJson = async <T>(path: string): Promise<{ body: T; raw: string }> => {
      const res = await fetch(`${api}${path}`)
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: 'application/json; charset=utf-8',
      })
      const raw = await res.text()
      return { body: JSON.parse(raw) as T, raw }
    }
    const faqs = await getJson<typeof pack.faq>('/content/faq')
    expect(faqs.body.find((f) => f.id === faq.id)).toEqual(faq)
    // on the wire: the JSON encoding of the strings, nothing escaped into entities or stripped
    expect(faqs.raw).toContain(JSON.stringify(faq.answer))
    const newsItems = await getJson<typeof pack.news>('/content/news')
    expect(newsItems.body[0]).toEqual(news)
    expect(newsItems.raw).toContain(JSON.stringify(news.title))
    const onePolicy = await getJson<typeof policy>(`/policies/${encodeURIComponent(policy.id)}`)
    expect(onePolicy.body.summary).toBe(policy.summary)
    const oneService = await getJson<typeof service>(`/services/${encodeURIComponent(service.id)}`)
    expect(oneService.body.fee).toBe(service.fee)
    const found = await getJson<{ results: { kind: string; id: string }[] }>(
      `/search?q=${encodeURIComponent('DROP TABLE content_version')}`,
    )
    expect(found.body.results.map((r) => `${r.kind}:${r.id}`)).toEqual(expect.arrayContaining([`faq:${faq.id}`, `policy:${policy.id}`]))

    const health = await getJson<{ status: string; database: string; version: string; packVersion: string }>('/health')
    expect(health.body).toMatchObject({ status: 'ok', database: 'ok', version: publishedVersion, packVersion: pack.meta.version })
    const history = (await (
      await fetch(`${api}/admin/content/history`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json()) as { current: string; versions: { version: string }[] }
    expect(history.current).toBe(publishedVersion)
    expect(history.versions).toHaveLength(2)
    expect(tables()).toEqual(tablesBefore)
    console.log(
      `injection: ${INJECTIONS.length} strings published as ${publishedVersion}, ${Object.keys(VISITS).length} page visits show them as text; tables intact (${tablesBefore.join(', ')})`,
    )
  }, 30_000)

  it('no dialog opened, no console or page error, no CSP violation, no request for injected markup', async () => {
    expect(dialogs).toEqual([])
    expect(b.errors).toEqual([])
    expect(b.foreignRequests).toEqual([])
    expect(b.requests.filter((r) => /^javascript:/i.test(r.url) || /\/x$/.test(at(r.url.split(/[?#]/), 0))).map((r) => r.url)).toEqual([])
    expect(b.cspViolations).toEqual([])
    // and the listener does hear a violation, so the check above is not blind: had content become a
    // <script> element, the CSP would refuse to run it and say so
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.head.appendChild(script)
      script.remove()
    })
    const deadline = Date.now() + 5000
    while (b.cspViolations.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(b.cspViolations).toEqual([expect.stringContaining('script-src-elem refused inline')])
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    b.cspViolations.length = 0
  }, 30_000)
})
