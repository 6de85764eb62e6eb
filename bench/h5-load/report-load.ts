// 1. report: the `h5-load` section of docs/BENCHMARKS.md and its targets.
import { at } from '../../harness/at'
import { CPU_SLOWDOWN, SLOW_4G } from '../lib/browser'
import { fmt, kb, machineLine, medianWithRange, ratio, recordTargets, spread, table, writeSection } from '../lib/report'
import { distinct, fmtMedian, pairedRatio, present, printTable, serverCell, size, timeCell, verdict } from './cells'
import type { LoadRun } from './load-run'
import type { Probe } from './probe'
import { COLD_TARGET, RUNS } from './settings'
import { MODES, type Mode, type Visit, shortUrl } from './visit'

export function reportLoad(load: Record<'app' | 'baseline', LoadRun[]>, probe: Probe): void {
  const pick = (key: 'app' | 'baseline', mode: Mode, f: (v: Visit) => number | null) => load[key].map((r) => f(r.visits[mode]))
  const rows: string[][] = []
  const consoleRows: string[][] = []
  const ratios = new Map<Mode, { fcp: ReturnType<typeof pairedRatio>; content: ReturnType<typeof pairedRatio> }>()
  for (const mode of MODES) {
    const fcpA = pick('app', mode, (v) => (v.shown || mode !== 'offline' ? v.fcp : null))
    const fcpB = pick('baseline', mode, (v) => (v.shown || mode !== 'offline' ? v.fcp : null))
    const contentA = pick('app', mode, (v) => v.content)
    const contentB = pick('baseline', mode, (v) => v.content)
    const fcpRatio = pairedRatio(fcpA, fcpB)
    const contentRatio = pairedRatio(contentA, contentB)
    ratios.set(mode, { fcp: fcpRatio, content: contentRatio })
    rows.push([
      mode,
      timeCell(fcpA, RUNS),
      timeCell(fcpB, RUNS),
      fcpRatio.text,
      timeCell(contentA, RUNS),
      timeCell(contentB, RUNS),
      contentRatio.text,
      serverCell(load.app.map((r) => r.visits[mode])),
      serverCell(load.baseline.map((r) => r.visits[mode])),
    ])
    consoleRows.push([
      mode,
      fmtMedian(fcpA),
      fmtMedian(fcpB),
      fcpRatio.text.split(' ')[0] ?? '',
      fmtMedian(contentA),
      fmtMedian(contentB),
      contentRatio.text.split(' ')[0] ?? '',
    ])
  }

  // warm: was our content on screen before the first network response of that visit arrived?
  interface WarmSummary {
    before: number
    pageBefore: number
    total: number
    firstUrls: string[]
    firstPageUrls: string[]
  }
  const warmSummary: Record<'app' | 'baseline', WarmSummary> = {
    app: { before: 0, pageBefore: 0, total: 0, firstUrls: [], firstPageUrls: [] },
    baseline: { before: 0, pageBefore: 0, total: 0, firstUrls: [], firstPageUrls: [] },
  }
  const warmRows: string[][] = []
  for (const key of ['app', 'baseline'] as const) {
    const runs = load[key]
    const s = warmSummary[key]
    for (const r of runs) {
      const v = r.visits.warm
      s.total++
      if (v.firstNetwork)
        s.firstUrls.push(`${shortUrl(v.firstNetwork.url)}${v.firstNetwork.from === 'service worker' ? ' (by the service worker)' : ''}`)
      if (v.firstPageNetwork) s.firstPageUrls.push(shortUrl(v.firstPageNetwork.url))
      if (v.content !== null && (v.firstNetwork === null || v.content < v.firstNetwork.at)) s.before++
      if (v.content !== null && (v.firstPageNetwork === null || v.content < v.firstPageNetwork.at)) s.pageBefore++
    }
    const at = (f: (v: Visit) => { at: number } | null) => {
      const xs = present(runs.map((r) => f(r.visits.warm)?.at ?? null))
      return xs.length ? medianWithRange(spread(xs)) : 'none yet'
    }
    const content = present(runs.map((r) => r.visits.warm.content))
    warmRows.push([
      key === 'app' ? 'this app' : 'baseline',
      distinct(runs.map((r) => r.visits.warm.document)).join(' / '),
      content.length ? medianWithRange(spread(content)) : '—',
      `${at((v) => v.firstNetwork)}${s.firstUrls.length ? `: ${distinct(s.firstUrls).join(', ')}` : ''}`,
      `${s.before}/${s.total}`,
      `${at((v) => v.firstPageNetwork)}${s.firstPageUrls.length ? `: ${distinct(s.firstPageUrls).join(', ')}` : ''}`,
      `${s.pageBefore}/${s.total}`,
    ])
  }

  const offlineReasons = (key: 'app' | 'baseline') =>
    distinct(load[key].map((r) => r.visits.offline.reason).filter((x): x is string => x !== null))
  const offlineShown = (key: 'app' | 'baseline') => load[key].filter((r) => r.visits.offline.shown).length
  const sw = distinct(load.app.map((r) => r.serviceWorker))
  const cold = ratios.get('cold') ?? { fcp: pairedRatio([], []), content: pairedRatio([], []) }
  const coldMet = Number.isFinite(cold.content.median) && cold.content.median <= COLD_TARGET
  const coldFcpMet = Number.isFinite(cold.fcp.median) && cold.fcp.median <= COLD_TARGET
  const coldApp = load.app.map((r) => r.visits.cold)
  const coldBase = load.baseline.map((r) => r.visits.cold)
  const coldAppBytes = spread(coldApp.map((v) => v.server.bytes)).median
  const coldBaseBytes = spread(coldBase.map((v) => v.server.bytes)).median
  const uncompressedCold =
    coldApp[0]?.server.hits.filter((h) => /javascript|css/.test(h.contentType) && !h.encoding && h.bodyBytes > 0) ?? []

  const findings: string[] = []
  const waterfall = (key: 'app' | 'baseline') => {
    const runs = load[key].map((r) => r.visits.cold).filter((v) => v.content !== null && v.timeOrigin !== null)
    if (!runs.length) return null
    const median = spread(runs.map((v) => v.content ?? 0)).median
    const v = runs.find((x) => x.content === median) ?? at(runs, 0)
    const origin = v.timeOrigin ?? 0
    const before = v.server.hits.filter((h) => h.startedAt - origin <= (v.content ?? 0)).sort((a, b) => a.startedAt - b.startedAt)
    const assets = before.filter((h) => /^\/(js|css)\//.test(h.path))
    const waves: number[] = []
    let last = -Infinity
    for (const h of assets) {
      if (h.startedAt - last > 250) waves.push(h.startedAt - origin)
      last = h.startedAt
    }
    const largest = [...before].sort((a, b) => b.bodyBytes - a.bodyBytes)[0]
    return { waves, largest, requests: before.length, bytes: before.reduce((sum, h) => sum + h.bodyBytes, 0), content: v.content ?? 0 }
  }
  const describe = (label: string, w: ReturnType<typeof waterfall>) =>
    w
      ? `${label}: ${w.requests} requests (${size(w.bytes)}) before the content showed at ${fmt(w.content)} ms, JS/CSS requested in ${w.waves.length} wave(s) at ${w.waves.map((x) => `${fmt(x)} ms`).join(', ')}; largest ${w.largest ? `${shortUrl(w.largest.path)} ${size(w.largest.bodyBytes)}${w.largest.encoding ? ` (${w.largest.encoding})` : ' (not compressed)'}` : '—'}`
      : `${label}: no cold run showed its content`
  findings.push(
    `Cold request waterfall (the median run): ${describe('this app', waterfall('app'))}; ${describe('baseline', waterfall('baseline'))}. Each wave after the first waits for the previous one to arrive and run — one ${Math.round(SLOW_4G.latency)} ms round trip more on slow 4G.`,
  )
  findings.push(
    `Cold, target ≤ ${COLD_TARGET}× the baseline: ${verdict(coldMet)} for the standards on screen (${cold.content.text}); first contentful paint ${cold.fcp.text} (${coldFcpMet ? 'within' : 'over'} ${COLD_TARGET}×). A cold visit downloads ${kb(coldAppBytes)} of response bodies from the server (baseline ${kb(coldBaseBytes)}, ${ratio(coldAppBytes, coldBaseBytes)})${uncompressedCold.length ? `, ${uncompressedCold.length} JS/CSS files (${kb(uncompressedCold.reduce((s, h) => s + h.bodyBytes, 0))}) without any content-encoding` : ''}.`,
  )
  const warmDocs = distinct(load.app.map((r) => r.visits.warm.document))
  const w = warmSummary.app
  const warmWhy =
    w.before === w.total
      ? ''
      : warmDocs.includes('network')
        ? ` — the document itself (index.html, served \`no-cache\`) came from the network, so nothing could render before that response`
        : ` — the document came from the ${warmDocs.join(' / ')}, so rendering did not wait on the network; the first network response (${distinct(w.firstUrls).join(' / ')}) ran alongside and arrived while the page was still rendering`
  findings.push(
    `Warm: our standards were on screen before the first network response of the visit in ${w.before}/${w.total} runs${warmWhy}. Before the first response to the page's own requests (${distinct(w.firstPageUrls).join(' / ') || 'none had arrived when the content showed'}): ${w.pageBefore}/${w.total}. The baseline's title: ${warmSummary.baseline.before}/${warmSummary.baseline.total} (its document came from the ${distinct(load.baseline.map((r) => r.visits.warm.document)).join(' / ')}).`,
  )
  const appOfflineShown = offlineShown('app')
  findings.push(
    `Offline: our standards ${
      appOfflineShown
        ? `showed in ${appOfflineShown}/${RUNS} runs, after ${timeCell(
            load.app.map((r) => r.visits.offline.content),
            RUNS,
          )} ms`
        : 'did not show'
    }${offlineReasons('app').length ? ` (${offlineReasons('app').join('; ')})` : ''}; the baseline ${offlineShown('baseline') ? `showed in ${offlineShown('baseline')}/${RUNS}` : 'did not show'}${offlineReasons('baseline').length ? ` (${offlineReasons('baseline').join('; ')})` : ''}. Service worker after the cold visit: ${sw.join(', ')}.`,
  )

  const body = [
    '## H5 load on a mid-range phone (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Run with \`npx tsx bench/h5-load.bench.ts\` (\`BENCH_RUNS\`, default 5; this run: ${RUNS}). Debian Chromium (headless, playwright-core) at a 375×812 touch viewport, with ${CPU_SLOWDOWN}× CPU slowdown and Lighthouse's slow 4G (${Math.round(SLOW_4G.latency)} ms RTT, ${fmt((SLOW_4G.downloadThroughput * 8) / 1024, 0)} kbps down) applied through the DevTools protocol, to the page and to any service worker's own requests alike. Each app is served by the real server (\`npm start\`, SQLite) behind a counting pass-through proxy; runs alternate which app goes first. The baseline is the minimal Taro + NutUI app of \`bench/baseline-app\`, built and served the same way. For each run and app, a fresh profile opens the home page (**cold**: empty cache), then opens it again in the same profile (**warm**: a new document, caches filled by the cold visit), then reloads it with the network offline (**offline**).`,
    `FCP is the page's \`first-contentful-paint\` entry; "content on screen" is the first animation frame in which ${probe.description} (baseline: the "Hello NutUI" title) is laid out inside the viewport, both in ms from navigation start. Cells are median (min–max) over the runs; ratios are this app ÷ baseline (ratio of the medians, with the range of the per-run ratios). "To server" is the requests that reached the server and their response body bytes (median).`,
    '',
    table(
      [
        'visit',
        'FCP ms, this app',
        'FCP ms, baseline',
        'FCP ratio',
        'content on screen ms, this app',
        'baseline',
        'content ratio',
        'to server, this app',
        'to server, baseline',
      ],
      rows,
    ),
    '',
    "Warm revisit: was the content on screen before the first response of that visit that came from the network (not from the memory or disk cache, not answered by a service worker; a service worker's own fetches that reach the network count)? Times in ms from navigation start, median (min–max); the last two columns count only the page's own requests.",
    '',
    table(
      [
        'app',
        'document answered by',
        'content on screen',
        'first network response',
        'on screen before it',
        'first response to a page request',
        'on screen before it',
      ],
      warmRows,
      ['l', 'l', 'r', 'l', 'r', 'l', 'r'],
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('h5-load', body)
  recordTargets('h5-load', [
    {
      target: `cold load: standards on screen within ${COLD_TARGET}× the baseline (4× CPU, slow 4G)`,
      measured: `${cold.content.text}; FCP ${cold.fcp.text}`,
      met: coldMet,
    },
    {
      target: 'warm revisit: content on screen before any network response',
      measured: `${w.before}/${w.total} runs`,
      met: w.total > 0 ? w.before === w.total : null,
    },
    { target: 'offline: the app opens with its content', measured: `${appOfflineShown}/${RUNS} runs`, met: appOfflineShown === RUNS },
  ])

  console.log(`\nH5 load (ms, median of ${RUNS}; ${CPU_SLOWDOWN}× CPU, slow 4G)`)
  printTable(['visit', 'FCP app', 'FCP base', 'ratio', 'content app', 'content base', 'ratio'], consoleRows)
  for (const f of findings) console.log(`- ${f.replace(/\*\*/g, '')}`)
}
