// 3. DOM: nodes and serialized size of every page of the app, and of the baseline's home page.
import type { Page } from 'playwright-core'
import { openPhone } from '../lib/browser'
import { ROUTES, launch, routeUrl, view } from '../../harness/pages'
import type { ProbeWindow } from './probe'
import { HOME, firstLine } from './settings'
import { type Subject, newPhone } from './visit'

interface DomFigures {
  documentNodes: number
  pageNodes: number
  pageBytes: number
  shadowNodes: number
}

async function domFigures(page: Page, pagePath: string): Promise<DomFigures> {
  const documentFigures = await page.evaluate(() => {
    let shadowNodes = 0
    for (const el of Array.from(document.querySelectorAll('*')))
      if (el.shadowRoot) shadowNodes += el.shadowRoot.querySelectorAll('*').length
    return { documentNodes: document.querySelectorAll('*').length, shadowNodes }
  })
  const pageFigures = await view(page, pagePath).evaluate((el) => ({
    pageNodes: el.querySelectorAll('*').length + 1,
    pageBytes: new TextEncoder().encode(el.outerHTML).length,
  }))
  return { ...documentFigures, ...pageFigures }
}

export interface DomRow {
  name: string
  path: string
  figures: DomFigures | null
  problem: string | null
}

export async function measureDom(app: Subject, baseline: Subject): Promise<{ rows: DomRow[]; baseline: DomRow }> {
  const rows: DomRow[] = []
  const phone = await openPhone()
  try {
    for (const route of ROUTES) {
      try {
        await launch(phone.page, app.server.base, route.path, route.query)
        await phone.page.waitForTimeout(300)
        rows.push({ name: route.name, path: route.path, figures: await domFigures(phone.page, route.path), problem: null })
      } catch (error) {
        rows.push({ name: route.name, path: route.path, figures: null, problem: firstLine(error).slice(0, 160) })
      }
    }
  } finally {
    await phone.close()
  }
  const { phone: basePhone } = await newPhone(baseline)
  let baseRow: DomRow
  try {
    await basePhone.page.goto(routeUrl(baseline.server.base, HOME))
    await basePhone.page.waitForFunction(() => (window as ProbeWindow).__benchProbe?.contentVisible != null, undefined, {
      polling: 100,
      timeout: 20_000,
    })
    await basePhone.page.waitForTimeout(300)
    baseRow = { name: 'baseline home', path: HOME, figures: await domFigures(basePhone.page, HOME), problem: null }
  } catch (error) {
    baseRow = { name: 'baseline home', path: HOME, figures: null, problem: firstLine(error).slice(0, 160) }
  } finally {
    await basePhone.close()
  }
  return { rows, baseline: baseRow }
}
