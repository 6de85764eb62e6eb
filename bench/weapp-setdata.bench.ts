// setData on weapp, measured by running the production build in the weapp harness
// (harness/weapp/): per page, the number of setData calls and the bytes of its first render
// (launched offline, until the page is quiet), the largest single call against WeChat's 256 KB audit
// limit, and the 低保 self-check done by taps and typing. Writes the `weapp-setdata` section of
// docs/BENCHMARKS.md, after the H5 DOM sizes. The 256 KB limit is also a test
// (test/weapp/setdata-budget.test.ts).
// Run: npx tsx bench/weapp-setdata.bench.ts   (builds dist/weapp-harness first when it is stale)
import path from 'node:path'
import { ensureWeappBuild } from '../harness/weapp/build'
import { PAGE_URLS, type PageRender, dibaoFlow, firstRender } from '../harness/weapp/page-tour'
import { SET_DATA_CALL_LIMIT_BYTES as CALL_LIMIT_BYTES } from '../harness/weapp/set-data'
import { ROOT } from '../harness/builds'
import { kb, machineLine, recordTargets, table, writeSection } from './lib/report'

async function main(): Promise<void> {
  const dist = ensureWeappBuild()
  const renders: PageRender[] = []
  for (const route of Object.keys(PAGE_URLS)) {
    const render = await firstRender(dist, route)
    if (render.errors.length) throw new Error(`${route}: ${render.errors.join('\n')}`)
    renders.push(render)
    console.log(`${route}: ${render.calls.length} calls, ${kb(render.bytes)}, largest ${kb(render.maxCallBytes)}`)
  }
  const flow = await dibaoFlow(dist)
  const all = [...renders, flow]
  const largest = all.reduce((a, b) => (b.maxCallBytes > a.maxCallBytes ? b : a))
  const rows = all.map((r) => [r.route, r.calls.length, kb(r.bytes), kb(r.maxCallBytes), r.maxCallBytes <= CALL_LIMIT_BYTES ? 'yes' : 'NO'])
  writeSection(
    'weapp-setdata',
    [
      '## setData per page on weapp (`bench/weapp-setdata.bench.ts`)',
      '',
      machineLine(),
      'The production `dist/weapp` run in the weapp harness (`harness/weapp/`: WeChat’s logic layer in a Node VM, setData applied with WeChat’s path semantics and measured as the JSON WeChat sends to the view). Each page is opened on a fresh launch with no network, and its setData calls are counted until it is quiet; the last row is the 低保 self-check done by taps and typing (first render, three answers and 计算). WeChat’s audit flags a single setData call over 256 KB; `test/weapp/setdata-budget.test.ts` fails on one.',
      '',
      table(['page', 'setData calls', 'bytes (all calls)', 'largest call', '≤ 256 KB'], rows, ['l', 'r', 'r', 'r', 'l']),
    ].join('\n'),
  )
  recordTargets('weapp-setdata', [
    {
      target: 'every setData call ≤ 256 KB',
      measured: `largest ${kb(largest.maxCallBytes)} (${largest.route})`,
      met: largest.maxCallBytes <= CALL_LIMIT_BYTES,
    },
  ])
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(ROOT, 'docs/BENCHMARKS.md'))}`)
  // the harness leaves the app's own timers (content sync retry, Taro's scheduler) behind
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
