// WeChat's audit: one setData call must stay at or under 256 KB. Every page's first render and the
// 低保 self-check, through the production build. (Per-page totals and call counts: npm run bench,
// bench/weapp-setdata.bench.ts.)
import { ensureWeappBuild } from '../../harness/weapp/build'
import { PAGE_URLS, dibaoFlow, firstRender } from '../../harness/weapp/page-tour'
import { SET_DATA_CALL_LIMIT_BYTES } from '../../harness/weapp/set-data'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string

beforeAll(() => {
  dist = ensureWeappBuild()
}, 600_000)

it.each(Object.keys(PAGE_URLS))('%s: first render in setData calls of at most 256 KB each', async (route) => {
  const render = await firstRender(dist, route)
  expect(render.errors).toEqual([])
  expect(render.calls.length).toBeGreaterThan(0)
  expect(render.maxCallBytes).toBeLessThanOrEqual(SET_DATA_CALL_LIMIT_BYTES)
})

it('the 低保 self-check: every call at most 256 KB, and the answer is not a full re-render', async () => {
  const flow = await dibaoFlow(dist)
  expect(flow.errors).toEqual([])
  expect(flow.maxCallBytes).toBeLessThanOrEqual(SET_DATA_CALL_LIMIT_BYTES)
  // typing a digit updates that field, not the page: later calls are much smaller than the first
  const [first, ...later] = flow.calls
  expect(later.length).toBeGreaterThan(0)
  expect(Math.min(...later.map((c) => c.bytes))).toBeLessThan((first?.bytes ?? 0) / 4)
})
