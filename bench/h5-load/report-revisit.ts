// 2. report: the `revisit` section of docs/BENCHMARKS.md and its targets.
import { at } from '../../harness/at'
import { machineLine, recordTargets, table, writeSection } from '../lib/report'
import { bytesCell, countCell, counted, distinct, printTable, verdict } from './cells'
import type { RevisitKind, RevisitResult, RevisitStep } from './revisit-run'
import { RUNS } from './settings'

export function reportRevisit(revisit: { app: RevisitResult[]; baseline: RevisitResult[] }): void {
  const steps = (results: RevisitResult[], kind: RevisitKind) =>
    results.map((r) => r[kind]).filter((s): s is RevisitStep => s !== undefined)
  const rows: string[][] = []
  const consoleRows: string[][] = []
  const findings: string[] = []

  const row = (who: string, kind: RevisitKind, list: RevisitStep[], target: string, met: boolean | null) => {
    if (!list.length) return
    const last = at(list, -1)
    const patterns = distinct(list.map((s) => s.apiPattern))
    const cells = [
      who,
      { unchanged: 'warm revisit, content unchanged', changed: 'revisit after the faq section changed', offline: 'offline reload' }[kind],
      countCell(list.map((s) => s.shell.requests)),
      bytesCell(list.map((s) => s.shell.bytes)),
      countCell(list.map((s) => s.api.requests)),
      bytesCell(list.map((s) => s.api.bytes)),
      `${last.apiCalls.join('; ') || 'none'}${patterns.length > 1 ? ` (the runs differed: ${patterns.length} patterns)` : ''}`,
      kind === 'offline'
        ? `${countCell(list.map((s) => s.networkRequests.length))}: ${counted(last.networkRequests) || 'none'}; shown ${list.filter((s) => s.shown).length}/${list.length}`
        : `${last.shown ? 'shown' : 'not shown'}`,
      target,
      met === null ? '—' : verdict(met),
    ]
    rows.push(cells)
    consoleRows.push([who, kind, at(cells, 2), at(cells, 3), at(cells, 4), at(cells, 5), met === null ? '—' : met ? 'met' : 'NOT MET'])
  }

  const appUnchanged = steps(revisit.app, 'unchanged')
  const unchangedMet =
    appUnchanged.length > 0 &&
    appUnchanged.every(
      (s) => s.shell.requests === 0 && s.api.requests === 1 && s.apiCalls[0]?.includes(' 304') && s.shell.bytes + s.api.bytes === 0,
    )
  row('this app', 'unchanged', appUnchanged, 'one conditional API request answered 304, no content bytes', unchangedMet)
  const appChanged = steps(revisit.app, 'changed')
  const changedMet =
    appChanged.length > 0 && appChanged.every((s) => s.sectionsDownloaded.length === 1 && s.sectionsDownloaded[0] === 'faq')
  row('this app', 'changed', appChanged, 'only the faq section downloaded', appChanged.length ? changedMet : null)
  const appOffline = steps(revisit.app, 'offline')
  const offlineMet =
    appOffline.length > 0 && appOffline.every((s) => s.networkRequests.length === 0 && s.shell.requests + s.api.requests === 0)
  row('this app', 'offline', appOffline, 'zero requests sent to the network', offlineMet)
  row('baseline', 'unchanged', steps(revisit.baseline, 'unchanged'), '(comparison)', null)
  row('baseline', 'offline', steps(revisit.baseline, 'offline'), '(comparison)', null)

  // findings, computed from the figures
  const publishProblems = distinct(revisit.app.map((r) => r.publishProblem).filter((x): x is string => x !== undefined))
  if (publishProblems.length)
    findings.push(`Publishing the changed faq section failed, so (b) was not measured: ${publishProblems.join('; ')}`)
  if (appUnchanged.length) {
    const last = at(appUnchanged, -1)
    const shellNet = distinct(appUnchanged.flatMap((s) => s.networkRequests.filter((n) => !n.includes('/api/'))))
    const shellCalls = distinct(appUnchanged.flatMap((s) => s.shellCalls))
    const documentFrom = distinct(appUnchanged.map((s) => s.document))
    const why = !last.shell.requests
      ? ''
      : documentFrom.includes('network')
        ? ` The shell request is the page's own revalidation of index.html (${shellCalls.join(', ')}): it is served \`no-cache\`, so every open waits for it before anything can render.`
        : ` The page itself was answered by the ${documentFrom.join(' / ')}; the shell request (${shellCalls.join(', ')}) is ${shellNet.some((n) => n.includes('service worker')) ? 'the worker refreshing its copy of index.html in the background, which does not delay rendering but still reaches the server' : shellNet.join(', ')}.`
    findings.push(
      `(a) Warm revisit, content unchanged: ${verdict(unchangedMet)}. ${last.shell.requests} shell request(s) (${bytesCell(appUnchanged.map((s) => s.shell.bytes))} of body) and ${last.api.requests} API request(s) reached the server: ${last.apiCalls.join('; ') || 'no API call'}.${why}`,
    )
  }
  if (appChanged.length) {
    const last = at(appChanged, -1)
    const stored = appChanged.filter((s) => s.storedFaq !== null).length
    findings.push(
      `(b) Revisit after only the faq section was republished: ${verdict(changedMet)}. Sections downloaded: ${distinct(appChanged.map((s) => s.sectionsDownloaded.join(', ') || 'none')).join(' / ')}; API bodies ${bytesCell(appChanged.map((s) => s.api.bytes))} (${last.apiCalls.join('; ')}); the new faq was in the app's storage afterwards in ${stored}/${appChanged.length} runs. Shell requests besides: ${counted(appChanged.flatMap((s) => s.shellCalls)) || 'none'} over ${appChanged.length} runs.`,
    )
  }
  if (appOffline.length) {
    const shown = appOffline.filter((s) => s.shown).length
    const lastOffline = at(appOffline, -1)
    findings.push(
      `(c) Offline reload: ${verdict(offlineMet)}. Nothing reached the server (it cannot), but the browser still sent ${countCell(appOffline.map((s) => s.networkRequests.length))} request(s) towards the network, each failing at once (last run: ${counted(lastOffline.networkRequests) || 'none'}); the document came from the ${distinct(appOffline.map((s) => s.document)).join(' / ')}; the standards showed in ${shown}/${appOffline.length} runs${shown < appOffline.length ? ` (${distinct(appOffline.map((s) => s.reason).filter((x): x is string => x !== null)).join('; ')})` : ''}.`,
    )
  }
  const uncompressed = appUnchanged.concat(appChanged).flatMap((s) => s.uncompressed)
  if (uncompressed.length)
    findings.push(`JS/CSS sent without content-encoding on these revisits: ${distinct(uncompressed.map((u) => u.path)).join(', ')}.`)

  const body = [
    '## Network on revisit (`bench/h5-load.bench.ts`)',
    '',
    machineLine(),
    `Unthrottled, ${RUNS} runs, each in a fresh profile: a first visit to the home page (fills the caches and the app's content store), then (a) the home page opened again, (b) the home page opened again after a new content version was published through the admin API (\`POST /api/v1/admin/content\` with If-Match) with only the faq section changed, (c) a reload with the network offline. Counted by a pass-through proxy in front of the server: the requests that reached it, split into shell (HTML/JS/CSS) and API (\`/api/…\`), and their response body bytes as sent (encoded). Offline, nothing can reach the server, so the column "network / shown" lists the requests the browser still sent towards the network (not answered by its cache or a service worker; each fails) and whether the standards showed. The baseline (\`bench/baseline-app\`, no API) is shown for comparison. Cells are median (min–max) when the runs differ.`,
    '',
    table(
      [
        'app',
        'visit',
        'shell requests',
        'shell bytes',
        'API requests',
        'API bytes',
        'API calls (last run)',
        'network / shown',
        'target',
        'verdict',
      ],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l', 'l', 'l'],
    ),
    '',
    ...findings.map((f) => `- ${f}`),
  ].join('\n')
  writeSection('revisit', body)
  recordTargets('revisit', [
    {
      target: 'warm revisit, content unchanged: one conditional request answered 304, no content bytes',
      measured: appUnchanged.length
        ? `${at(appUnchanged, -1).shell.requests + at(appUnchanged, -1).api.requests} request(s): ${at(appUnchanged, -1).apiCalls.join('; ') || 'none'}`
        : 'not measured',
      met: appUnchanged.length ? unchangedMet : null,
    },
    {
      target: 'one section changed: only that section downloaded',
      measured: appChanged.length ? distinct(appChanged.map((s) => s.sectionsDownloaded.join(', ') || 'none')).join(' / ') : 'not measured',
      met: appChanged.length ? changedMet : null,
    },
    {
      target: 'offline: zero requests to the network',
      measured: appOffline.length ? `${countCell(appOffline.map((s) => s.networkRequests.length))} request(s)` : 'not measured',
      met: appOffline.length ? offlineMet : null,
    },
  ])

  console.log(`\nNetwork on revisit (requests and body bytes reaching the server, median of ${RUNS})`)
  printTable(['app', 'visit', 'shell req', 'shell bytes', 'API req', 'API bytes', 'target'], consoleRows)
  for (const f of findings) console.log(`- ${f.replace(/\*\*/g, '')}`)
}
