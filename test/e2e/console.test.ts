// The editor console in Chromium, end to end: accounts made with the CLI, an editor pastes a notice
// with 2023 figures of our own making (test/fixtures/console-notice-2023.txt), corrects one value and
// submits; a reviewer signs in with password and TOTP, sees the diff and a plausibility warning,
// confirms and publishes; the API then serves the new standard as today's, the old one as previous.
// The server runs without the H5 app (the console is served on its own at /admin/), so this file
// needs no H5 build; it builds the console when dist/console is missing or older than src/console.
// test/e2e/console-to-app.test.ts follows the same publish onto the H5 app (issue 10 §4, steps 4–5).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { URI } from 'otpauth'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM, ROOT, browserAvailable, ensureAppsBuilt, freePort } from '../../harness/e2e'
import { CONSOLE_PASSWORD, createConsoleAccounts } from '../../harness/console-flow'

jest.setTimeout(240_000)

const NOTICE = fs.readFileSync(path.join(ROOT, 'test/fixtures/console-notice-2023.txt'), 'utf8')
const PASSWORD = CONSOLE_PASSWORD

const run = browserAvailable() ? describe : describe.skip

run('editor console (Chromium)', () => {
  let server: ChildProcess
  let browser: Browser
  let base = ''
  let reviewerSecret = ''
  let dir = ''
  const errors: string[] = []

  beforeAll(async () => {
    await ensureAppsBuilt()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-console-e2e-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const env = {
      ...process.env,
      DATABASE_URL: `sqlite://${path.join(dir, 'db.sqlite')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    }
    // 1. accounts, with the CLI as an administrator would make them
    reviewerSecret = createConsoleAccounts(env.DATABASE_URL, 'lihua', 'wang')
    server = spawn('node', ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: 'ignore', detached: true })
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/v1/health`)).ok) break
      } catch {
        // not listening yet
      }
      if (i > 200) throw new Error('server did not start')
      await new Promise((r) => setTimeout(r, 300))
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.pid) process.kill(-server.pid, 'SIGTERM')
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  async function page(viewport: { width: number; height: number }) {
    const p = await browser.newPage({ viewport })
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    p.on('pageerror', (e) => errors.push(String(e)))
    await p.goto(`${base}/admin/`)
    return p
  }

  test('an editor drafts from a pasted notice; a reviewer confirms the warnings and publishes', async () => {
    // 2. the editor, at 1280×800
    const editor = await page({ width: 1280, height: 800 })
    await editor.fill('input[name=name]', 'lihua')
    await editor.fill('input[name=password]', PASSWORD)
    await editor.click('button[type=submit]')
    await editor.click('text=新增通知')
    await editor.fill('textarea[name=notice]', NOTICE)
    await editor.click('text=识别并起草')
    await editor.waitForSelector('fieldset.proposal')
    expect(await editor.locator('fieldset.proposal').count()).toBe(3)
    expect(await editor.locator('mark').count()).toBe(3)
    await editor.check('input[name=decision-1][value=corrected]')
    await editor.fill('input[name=amount-1]', '470')
    await editor.fill('input[name=location]', 'https://www.jdz.gov.cn/')
    await editor.click('text=保存并提交审核')
    await editor.waitForSelector('text=待审核')
    await editor.close()

    // 3. the reviewer, on a phone
    const reviewer = await page({ width: 390, height: 844 })
    await reviewer.fill('input[name=name]', 'wang')
    await reviewer.fill('input[name=password]', PASSWORD)
    const totp = URI.parse(reviewerSecret)
    await reviewer.fill('input[name=code]', totp.generate())
    await reviewer.click('button[type=submit]')
    await reviewer.click('text=#1')
    await reviewer.waitForSelector('text=城市低保 660 → 890 元/人/月，自2023年1月1日起')
    await reviewer.waitForSelector('text=农村低保 400 → 470 元/人/月，自2023年1月1日起')
    const warnings = reviewer.locator('label.check input[type=checkbox]')
    expect(await warnings.count()).toBeGreaterThanOrEqual(3)
    expect(await reviewer.locator('label.check', { hasText: '城市低保由 660 元变为 890 元，变化超过 30%' }).count()).toBe(1)
    const publish = reviewer.locator('button', { hasText: /^发布$/ })
    expect(await publish.isDisabled()).toBe(true)
    for (let i = 0; i < (await warnings.count()); i++) await warnings.nth(i).check()
    await reviewer.fill('textarea[name=changeNote]', '按景府办字〔2023〕12号调整2023年救助标准')
    await publish.click()
    await reviewer.waitForSelector('text=已发布为')
    await reviewer.click('text=发布历史')
    await reviewer.waitForSelector('text=按景府办字〔2023〕12号调整2023年救助标准')
    await reviewer.close()

    // 4. the API serves the new standard as today's, with its quote, and the old one as before
    const standards = (await (await fetch(`${base}/api/v1/standards`)).json()) as {
      standards: Array<{ id: string; value: number; previousValue: number | null; effectiveFrom: string; citation: { quote: string } }>
    }
    const urban = standards.standards.find((s) => s.id === 'dibao-urban-standard')
    expect(urban).toMatchObject({ value: 890, previousValue: 660, effectiveFrom: '2023-01-01' })
    expect(urban?.citation.quote).toBe('一、城市居民最低生活保障标准由每人每月660元提高到890元。')
    expect(standards.standards.find((s) => s.id === 'dibao-rural-standard')).toMatchObject({ value: 470, previousValue: 400 })

    // 5. no console errors in either session
    expect(errors).toEqual([])
  })
})
