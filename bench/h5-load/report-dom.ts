// 3. report: the `dom` section of docs/BENCHMARKS.md and its targets.
import { fmt, kb, machineLine, ratio, recordTargets, table, writeSection } from '../lib/report'
import { printTable } from './cells'
import type { DomRow } from './dom-run'
import { WECHAT_NODE_LIMIT } from './settings'

export function reportDom(dom: { rows: DomRow[]; baseline: DomRow }): void {
  const base = dom.baseline.figures
  const rows: string[][] = []
  const over: string[] = []
  const failed: string[] = []
  for (const r of dom.rows) {
    if (!r.figures) {
      failed.push(`${r.name}: ${r.problem ?? 'no figures'}`)
      rows.push([r.name, '—', '—', '—', '—', '—', 'not measured'])
      continue
    }
    const f = r.figures
    const flag = f.pageNodes > WECHAT_NODE_LIMIT
    if (flag) over.push(`${r.name} (${fmt(f.pageNodes)})`)
    rows.push([
      r.name,
      fmt(f.documentNodes),
      fmt(f.pageNodes),
      base ? ratio(f.pageNodes, base.pageNodes) : '—',
      kb(f.pageBytes),
      base ? ratio(f.pageBytes, base.pageBytes) : '—',
      flag ? `**over ${fmt(WECHAT_NODE_LIMIT)}**` : 'ok',
    ])
  }
  rows.push([
    '*baseline home*',
    base ? fmt(base.documentNodes) : '—',
    base ? fmt(base.pageNodes) : '—',
    base ? '1.00×' : '—',
    base ? kb(base.pageBytes) : '—',
    base ? '1.00×' : '—',
    base
      ? base.pageNodes > WECHAT_NODE_LIMIT
        ? `**over ${fmt(WECHAT_NODE_LIMIT)}**`
        : 'ok'
      : `not measured: ${dom.baseline.problem ?? ''}`,
  ])
  const measured = dom.rows.filter((r) => r.figures !== null)
  const largest = [...measured].sort((a, b) => (b.figures?.pageNodes ?? 0) - (a.figures?.pageNodes ?? 0))[0]
  const shadow = Math.max(0, ...measured.map((r) => r.figures?.shadowNodes ?? 0))
  const home = dom.rows.find((r) => r.name === 'home')?.figures
  const findings = [
    over.length
      ? `Over WeChat's ${fmt(WECHAT_NODE_LIMIT)}-node audit bound: ${over.join(', ')}.`
      : `Every page is within WeChat's ${fmt(WECHAT_NODE_LIMIT)}-node audit bound${largest?.figures ? `; the largest is ${largest.name} with ${fmt(largest.figures.pageNodes)} nodes (${kb(largest.figures.pageBytes)})` : ''}.`,
    home && base
      ? `The home page has ${ratio(home.pageNodes, base.pageNodes)} the baseline home page's nodes and ${ratio(home.pageBytes, base.pageBytes)} its serialized size.`
      : 'The home page or the baseline could not be measured.',
    shadow
      ? `Taro's components also hold up to ${fmt(shadow)} nodes in shadow roots on a page, not counted above.`
      : 'No Taro component rendered a shadow root, so the counts are complete.',
    "On weapp Taro sends a page's rendered node tree through setData, not the React state behind it; pages read the content pack from the one app-wide store (useSyncExternalStore in src/hooks/use-content.ts) and keep only small UI state of their own (a query, a filter, a date, the self-check answers), and every list is short by nature (7 policies, 7 service items, 14 FAQ, at most 40 search results), so none needs virtualising: the node counts above are what a first setData carries.",
    ...failed.map((f) => `Not measured: ${f}`),
  ]
  const body = [
    '## DOM size per page (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Every page of the app (\`ROUTES\` of \`harness/pages.ts\`, normal mode, detail pages with a real id), each opened as a fresh launch of the H5 app and measured once its content check was over; each page is measured once, as the counts did not change between runs of this script. "Document" is \`document.querySelectorAll('*').length\` (the tab bar and router included); "page" counts the elements of the visible Taro page container (\`.taro_page\` of the route) and its serialized size (\`outerHTML\`, UTF-8) — a proxy for what Taro sends through \`setData\` on weapp, where WeChat's audit flags pages over ${fmt(WECHAT_NODE_LIMIT)} nodes. Ratios are against the baseline's home page (the "Hello NutUI" page of \`bench/baseline-app\`).`,
    '',
    table(
      ['page', 'document nodes', 'page nodes', 'vs baseline', 'page outerHTML', 'vs baseline', `≤ ${fmt(WECHAT_NODE_LIMIT)} nodes`],
      rows,
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('dom', body)
  recordTargets('dom', [
    {
      target: `every page ≤ ${fmt(WECHAT_NODE_LIMIT)} DOM nodes (WeChat's audit bound)`,
      measured: largest?.figures ? `largest: ${largest.name}, ${fmt(largest.figures.pageNodes)} nodes` : 'not measured',
      met: largest?.figures ? over.length === 0 : null,
    },
  ])

  console.log('\nDOM size per page')
  printTable(
    ['page', 'doc nodes', 'page nodes', 'page KB', 'flag'],
    dom.rows
      .concat([dom.baseline])
      .map((r) => [
        r.name,
        r.figures ? fmt(r.figures.documentNodes) : '—',
        r.figures ? fmt(r.figures.pageNodes) : '—',
        r.figures ? fmt(r.figures.pageBytes / 1024, 1) : '—',
        r.figures ? (r.figures.pageNodes > WECHAT_NODE_LIMIT ? 'OVER' : 'ok') : (r.problem ?? ''),
      ]),
  )
  for (const f of findings) console.log(`- ${f}`)
}
