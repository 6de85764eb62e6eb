// The editor console in Chromium, end to end: accounts made with the CLI, an editor pastes a notice
// with 2023 figures of our own making (test/fixtures/console-notice-2023.txt), corrects one value,
// changes a service guide's fee and time limit through its form and submits; a reviewer signs in with
// password and TOTP, sees the diff in words and a plausibility warning, confirms and publishes; the API
// then serves the new standard as today's, the old one as previous, and the changed guide. The steps
// are harness/console-flow.ts's, shared with console-to-app. Then the guide form on a phone.
// The server runs without the H5 app (the console is served on its own at /admin/), so this file
// needs no H5 build; it builds the console when dist/console is missing or older than src/console.
// test/e2e/console-to-app.test.ts follows the same publish onto the H5 app (issue 10 §4, steps 4–5).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM, ROOT, browserAvailable, ensureAppsBuilt, freePort } from '../../harness/e2e'
import {
  CONSOLE_PASSWORD,
  addConsoleAccount,
  createConsoleAccounts,
  draftFromNotice,
  reviewAndPublish,
  signIn,
} from '../../harness/console-flow'
import type { Service } from '../../src/domain/schema'

jest.setTimeout(240_000)

const NOTICE = fs.readFileSync(path.join(ROOT, 'test/fixtures/console-notice-2023.txt'), 'utf8')
/** the guide the editor changes: 只跑一次 低保 application */
const GUIDE = { id: 'dibao-application', name: '最低生活保障（低保）申请' }

const run = browserAvailable() ? describe : describe.skip

run('editor console (Chromium)', () => {
  let server: ChildProcess
  let browser: Browser
  let base = ''
  let reviewerSecret = ''
  let dir = ''
  let databaseUrl = ''
  const errors: string[] = []

  beforeAll(async () => {
    await ensureAppsBuilt(['build:console'])
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
    databaseUrl = env.DATABASE_URL
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

  test('an editor drafts from a pasted notice and changes a service guide; a reviewer confirms the warnings and publishes', async () => {
    // 2. the editor, at 1280×800: corrects one value and changes a service guide's fee and time limit
    const editor = await page({ width: 1280, height: 800 })
    await draftFromNotice(editor, base, 'lihua', {
      notice: NOTICE,
      expectedProposals: 3,
      correct: { index: 1, amountYuan: '470' },
      sourceLocation: 'https://www.jdz.gov.cn/',
      serviceGuide: { name: GUIDE.name, fee: '不收费', promisedTimeLimit: '15个工作日' },
    })
    await editor.close()

    // 3. the reviewer, on a phone: the diff in words, the warnings to confirm, publish, history
    const reviewer = await page({ width: 390, height: 844 })
    await reviewAndPublish(reviewer, base, 'wang', reviewerSecret, {
      diffLines: [
        '城市低保 660 → 890 元/人/月，自2023年1月1日起',
        '农村低保 400 → 470 元/人/月，自2023年1月1日起',
        `办事指南“${GUIDE.name}”的承诺办结时限改为：15个工作日`,
        `办事指南“${GUIDE.name}”的收费改为：不收费`,
      ],
      warnings: ['城市低保由 660 元变为 890 元，变化超过 30%'],
      changeNote: '按景府办字〔2023〕12号调整2023年救助标准',
    })
    await reviewer.close()

    // 4. the API serves the new standard as today's, with its quote, and the old one as before
    const standards = (await (await fetch(`${base}/api/v1/standards`)).json()) as {
      standards: Array<{ id: string; value: number; previousValue: number | null; effectiveFrom: string; citation: { quote: string } }>
    }
    const urban = standards.standards.find((s) => s.id === 'dibao-urban-standard')
    expect(urban).toMatchObject({ value: 890, previousValue: 660, effectiveFrom: '2023-01-01' })
    expect(urban?.citation.quote).toBe('一、城市居民最低生活保障标准由每人每月660元提高到890元。')
    expect(standards.standards.find((s) => s.id === 'dibao-rural-standard')).toMatchObject({ value: 470, previousValue: 400 })

    // 5. the API serves the changed guide
    const services = (await (await fetch(`${base}/api/v1/content/services`)).json()) as Service[]
    expect(services.find((s) => s.id === GUIDE.id)).toMatchObject({ fee: '不收费', timeLimit: { promised: '15个工作日' } })

    // 6. no console errors in either session
    expect(errors).toEqual([])
  })

  test('on a phone the guide form fits the width, every field has a label, and an empty fee is named', async () => {
    const editor = await page({ width: 390, height: 844 })
    await signIn(editor, base, 'lihua')
    await editor.click('text=新建草稿')
    await editor.selectOption('select[name=pick-service]', { label: GUIDE.name })
    const guide = editor.locator('fieldset.guide')
    // a screen reader finds each field by its label
    for (const label of ['事项名称', '受理部门', '办理方式', '收费', '法定办结时限', '承诺办结时限', '服务对象', '咨询电话'])
      expect(await guide.getByLabel(label, { exact: true }).count()).toBe(1)
    expect(await guide.getByRole('button', { name: '删除材料第 1 项' }).count()).toBe(1)
    // rows move: the second condition moved up is the first
    const second = await guide.getByLabel('第 2 条', { exact: true }).first().inputValue()
    await guide.getByRole('button', { name: '上移申请条件第 2 条' }).click()
    expect(await guide.getByLabel('第 1 条', { exact: true }).first().inputValue()).toBe(second)
    expect(await editor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await guide.getByLabel('收费', { exact: true }).fill('')
    await editor.click('text=保存草稿')
    await editor.waitForSelector('text=请填写收费标准（不收费请写“不收费”）')
    expect(await guide.getByLabel('收费', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await editor.close()
    expect(errors).toEqual([])
  })
  test('accounts: a person changes their own password; an admin resets a colleague who forgot it', async () => {
    const adminSecret = addConsoleAccount(databaseUrl, 'zhao', 'admin') ?? ''
    addConsoleAccount(databaseUrl, 'qian', 'editor')
    const before = errors.length
    // the editor, on a phone: a wrong current password is named, then the change goes through
    const editor = await page({ width: 375, height: 812 })
    await signIn(editor, base, 'qian')
    await editor.click('text=修改密码')
    await editor.getByLabel('现在的密码').fill('not my password')
    await editor.getByLabel('新密码', { exact: true }).fill('a brand new passphrase')
    await editor.getByLabel('再输一遍新密码').fill('a brand new passphrase')
    await editor.click('button[type=submit]:has-text("修改密码")')
    await editor.waitForSelector('[role=alert]:has-text("现在的密码不正确")')
    await editor.getByLabel('现在的密码').fill(CONSOLE_PASSWORD)
    await editor.click('button[type=submit]:has-text("修改密码")')
    await editor.waitForSelector('text=密码已修改')
    // the admin, at a desk: 重置密码 shows a new password once; the editor signs in with it
    const admin = await page({ width: 1280, height: 800 })
    await signIn(admin, base, 'zhao', adminSecret)
    await admin.click('button.tab:has-text("账号")')
    admin.once('dialog', (dialog) => void dialog.accept())
    await admin.getByRole('button', { name: '重置 qian 的密码' }).click()
    const shown = admin.locator('[role=status]:has-text("已重置 qian") code')
    const password = (await shown.first().textContent()) ?? ''
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/)
    const again = await page({ width: 375, height: 812 })
    await signIn(again, base, 'qian', undefined, password)
    // the only console error is the browser's note of the deliberate wrong password (400)
    expect(errors.slice(before).filter((e) => !e.includes('status of 400'))).toEqual([])
  })
})
