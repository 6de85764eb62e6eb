// The editor console as staff use it, for the e2e files that need a notice published through it:
// accounts made with the CLI, an editor pasting a notice and correcting one value, a reviewer with
// password and TOTP confirming the plausibility warnings and publishing. Each step waits for what
// the person would see, so a broken console fails here with the step named.
import { execFileSync } from 'node:child_process'
import { URI } from 'otpauth'
import type { Page } from 'playwright-core'
import { ROOT } from './e2e'

export const CONSOLE_PASSWORD = 'correct horse battery staple'

/** One account made with the CLI against the server's database, the password on stdin as an
 * administrator would type it. Returns the otpauth URI the CLI prints once, for roles that have one. */
export function addConsoleAccount(databaseUrl: string, name: string, role: 'editor' | 'reviewer' | 'admin'): string | null {
  const out = execFileSync('node', ['--import', 'tsx', 'server/cli/index.ts', 'user', 'add', name, '--role', role], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    input: `${CONSOLE_PASSWORD}\n`,
  }).toString()
  return out.split('\n').find((line) => line.startsWith('otpauth://')) ?? null
}

/** An editor and a reviewer; returns the reviewer's otpauth URI. */
export function createConsoleAccounts(databaseUrl: string, editor: string, reviewer: string): string {
  addConsoleAccount(databaseUrl, editor, 'editor')
  const uri = addConsoleAccount(databaseUrl, reviewer, 'reviewer')
  if (!uri) throw new Error(`the CLI printed no otpauth URI for ${reviewer}`)
  return uri
}

export interface DraftOptions {
  notice: string
  /** how many values the console proposes from the notice */
  expectedProposals: number
  /** the proposal (0-based) the editor corrects, and the amount in 元 typed instead */
  correct: { index: number; amountYuan: string }
  sourceLocation: string
  /** a published service guide the editor also changes in the same draft, through its form */
  serviceGuide?: GuideEdit
}

export interface GuideEdit {
  /** the guide's name, as the console lists it */
  name: string
  fee: string
  promisedTimeLimit: string
}

/** Signs in on the console page: password, and the TOTP code when the account has one. */
export async function signIn(page: Page, base: string, name: string, otpauthUri?: string, password = CONSOLE_PASSWORD): Promise<void> {
  await page.goto(`${base}/admin/`)
  await page.fill('input[name=name]', name)
  await page.fill('input[name=password]', password)
  if (otpauthUri) await page.fill('input[name=code]', URI.parse(otpauthUri).generate())
  await page.click('button[type=submit]')
  await page.waitForSelector('text=退出')
}

/** In the open draft, picks a published guide in 办事指南 and changes its fee and promised time limit. */
export async function editServiceGuide(page: Page, edit: GuideEdit): Promise<void> {
  await page.selectOption('select[name=pick-service]', { label: edit.name })
  const guide = page.locator('fieldset.guide', { hasText: edit.name })
  await guide.getByLabel('收费', { exact: true }).fill(edit.fee)
  await guide.getByLabel('承诺办结时限', { exact: true }).fill(edit.promisedTimeLimit)
}

/** The editor signs in on the console page, drafts from the pasted notice and submits it. */
export async function draftFromNotice(page: Page, base: string, name: string, o: DraftOptions): Promise<void> {
  await signIn(page, base, name)
  await page.click('text=新增通知')
  await page.fill('textarea[name=notice]', o.notice)
  await page.click('text=识别并起草')
  await page.waitForSelector('fieldset.proposal')
  if ((await page.locator('fieldset.proposal').count()) !== o.expectedProposals) {
    throw new Error(`expected ${o.expectedProposals} proposals, the console shows ${await page.locator('fieldset.proposal').count()}`)
  }
  // each proposal's quote is highlighted in the notice text beside it
  if ((await page.locator('mark').count()) !== o.expectedProposals) {
    throw new Error(`expected ${o.expectedProposals} highlighted quotes, the console shows ${await page.locator('mark').count()}`)
  }
  await page.check(`input[name=decision-${o.correct.index}][value=corrected]`)
  await page.fill(`input[name=amount-${o.correct.index}]`, o.correct.amountYuan)
  await page.fill('input[name=location]', o.sourceLocation)
  if (o.serviceGuide) await editServiceGuide(page, o.serviceGuide)
  await page.click('text=保存并提交审核')
  await page.waitForSelector('text=待审核')
}

/**
 * The reviewer signs in with password and TOTP, opens draft #1, waits for each expected diff line and
 * warning, finds 发布 disabled until every warning is confirmed, confirms them and publishes with the
 * change note, then finds the note in 发布历史.
 */
export async function reviewAndPublish(
  page: Page,
  base: string,
  name: string,
  otpauthUri: string,
  o: { diffLines: string[]; warnings?: string[]; changeNote: string },
): Promise<void> {
  await signIn(page, base, name, otpauthUri)
  await page.click('text=#1')
  for (const line of o.diffLines) await page.waitForSelector(`text=${line}`)
  for (const warning of o.warnings ?? []) {
    if ((await page.locator('label.check', { hasText: warning }).count()) !== 1) throw new Error(`no warning to confirm: ${warning}`)
  }
  const warnings = page.locator('label.check input[type=checkbox]')
  const publish = page.locator('button', { hasText: /^发布$/ })
  await page.fill('textarea[name=changeNote]', o.changeNote)
  if ((await warnings.count()) > 0 && !(await publish.isDisabled())) throw new Error('发布 is enabled before the warnings are confirmed')
  for (let i = 0; i < (await warnings.count()); i++) await warnings.nth(i).check()
  await publish.click()
  await page.waitForSelector('text=已发布为')
  await page.click('text=发布历史')
  await page.waitForSelector(`text=${o.changeNote}`)
}
