// The editor console as staff use it, for the e2e files that need a notice published through it:
// accounts made with the CLI, an editor pasting a notice and correcting one value, a reviewer with
// password and TOTP confirming the plausibility warnings and publishing. Each step waits for what
// the person would see, so a broken console fails here with the step named.
import { execFileSync } from 'node:child_process'
import { URI } from 'otpauth'
import type { Page } from 'playwright-core'
import { ROOT } from './e2e'

export const CONSOLE_PASSWORD = 'correct horse battery staple'

/**
 * An editor and a reviewer made with the CLI against the server's database, the password on stdin
 * as an administrator would type it. Returns the reviewer's otpauth URI (printed once by the CLI).
 */
export function createConsoleAccounts(databaseUrl: string, editor: string, reviewer: string): string {
  const cli = (args: string[]) =>
    execFileSync('node', ['--import', 'tsx', 'server/cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      input: `${CONSOLE_PASSWORD}\n`,
    }).toString()
  cli(['user', 'add', editor, '--role', 'editor'])
  const out = cli(['user', 'add', reviewer, '--role', 'reviewer'])
  const uri = out.split('\n').find((line) => line.startsWith('otpauth://'))
  if (!uri) throw new Error(`no otpauth URI in:\n${out}`)
  return uri
}

export interface DraftOptions {
  notice: string
  /** how many values the console proposes from the notice */
  expectedProposals: number
  /** the proposal (0-based) the editor corrects, and the amount in 元 typed instead */
  correct: { index: number; amountYuan: string }
  sourceLocation: string
}

/** The editor signs in on the console page, drafts from the pasted notice and submits it. */
export async function draftFromNotice(page: Page, base: string, name: string, o: DraftOptions): Promise<void> {
  await page.goto(`${base}/admin/`)
  await page.fill('input[name=name]', name)
  await page.fill('input[name=password]', CONSOLE_PASSWORD)
  await page.click('button[type=submit]')
  await page.click('text=新增通知')
  await page.fill('textarea[name=notice]', o.notice)
  await page.click('text=识别并起草')
  await page.waitForSelector('fieldset.proposal')
  if ((await page.locator('fieldset.proposal').count()) !== o.expectedProposals) {
    throw new Error(`expected ${o.expectedProposals} proposals, the console shows ${await page.locator('fieldset.proposal').count()}`)
  }
  await page.check(`input[name=decision-${o.correct.index}][value=corrected]`)
  await page.fill(`input[name=amount-${o.correct.index}]`, o.correct.amountYuan)
  await page.fill('input[name=location]', o.sourceLocation)
  await page.click('text=保存并提交审核')
  await page.waitForSelector('text=待审核')
}

/**
 * The reviewer signs in with password and TOTP, opens draft #1, waits for each expected diff line,
 * confirms every plausibility warning and publishes with the change note.
 */
export async function reviewAndPublish(
  page: Page,
  base: string,
  name: string,
  otpauthUri: string,
  o: { diffLines: string[]; changeNote: string },
): Promise<void> {
  await page.goto(`${base}/admin/`)
  await page.fill('input[name=name]', name)
  await page.fill('input[name=password]', CONSOLE_PASSWORD)
  await page.fill('input[name=code]', URI.parse(otpauthUri).generate())
  await page.click('button[type=submit]')
  await page.click('text=#1')
  for (const line of o.diffLines) await page.waitForSelector(`text=${line}`)
  const warnings = page.locator('label.check input[type=checkbox]')
  for (let i = 0; i < (await warnings.count()); i++) await warnings.nth(i).check()
  await page.fill('textarea[name=changeNote]', o.changeNote)
  await page.locator('button', { hasText: /^发布$/ }).click()
  await page.waitForSelector('text=已发布为')
}
