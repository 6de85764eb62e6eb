// Every page of the app opened on its own, measuring the setData calls of its first render (until
// the page is quiet), and the 低保 self-check done by taps and typing: shared by the budget test
// (test/weapp/setdata-budget.test.ts) and the benchmark (bench/weapp-setdata.bench.ts).
import { PAGE_PATHS, type PagePath, pageUrl } from '../../src/routes'
import { type MiniProgram, type SetDataCall, launch } from './mini-program'

/** A real id for the pages that show one item. */
const SAMPLE_QUERY: Partial<Record<PagePath, Record<string, string>>> = {
  'subpackages/standards/detail/index': { id: 'dibao-urban-standard' },
  'subpackages/policy/detail/index': { id: 'relief-standards-2019' },
  'subpackages/service/detail/index': { id: 'dibao-application' },
}

/** Each page's URL (every page of src/routes.ts), with a real id for the pages that show one item. */
export const PAGE_URLS: Record<string, string> = Object.fromEntries(PAGE_PATHS.map((path) => [path, pageUrl(path, SAMPLE_QUERY[path])]))

export interface PageRender {
  route: string
  calls: SetDataCall[]
  /** bytes of all first-render calls */
  bytes: number
  /** the largest single call */
  maxCallBytes: number
  errors: string[]
}

function summarise(route: string, calls: readonly SetDataCall[], errors: readonly string[]): PageRender {
  return {
    route,
    calls: [...calls],
    bytes: calls.reduce((sum, c) => sum + c.bytes, 0),
    maxCallBytes: Math.max(0, ...calls.map((c) => c.bytes)),
    errors: [...errors],
  }
}

/** Open one page on a freshly launched app (offline: no request can add to the count). */
export async function firstRender(dist: string, route: string): Promise<PageRender> {
  const url = PAGE_URLS[route]
  if (!url) throw new Error(`no URL for ${route}`)
  let mp: MiniProgram | null = null
  try {
    // tab pages are launched into; the others are opened from 首页
    const tab = route.startsWith('pages/')
    mp = tab ? await launch({ dist, network: 'none' }, url) : await launch({ dist, network: 'none' })
    if (!tab) {
      const problem = await mp.navigateTo(url)
      if (problem) throw new Error(problem)
    }
    return summarise(route, mp.page().setDataCalls, mp.errors)
  } finally {
    mp?.close()
  }
}

/** The 低保 self-check by taps and typing: every setData call of the page, first render included. */
export async function dibaoFlow(dist: string): Promise<PageRender> {
  const mp = await launch({ dist, network: 'none' })
  try {
    await mp.tap('低保自测')
    await mp.tap(/^[○●]城市/)
    await mp.input('家庭人口', '3')
    await mp.input('家庭月收入', '1500')
    await mp.tap(/^计算$/)
    if (!/每月约\s*480\s*元/.test(mp.text())) throw new Error(`the self-check did not complete:\n${mp.text()}`)
    return summarise('subpackages/assess/dibao/index (计算)', mp.page().setDataCalls, mp.errors)
  } finally {
    mp.close()
  }
}
