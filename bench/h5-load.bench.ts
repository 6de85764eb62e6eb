// The H5 app in Chromium, side by side with the baseline (the minimal Taro + NutUI app of
// bench/baseline-app, built and served the same way) in the same run:
//
//   1. load (section `h5-load`): first contentful paint and the time until today's standards are on
//      screen, on an emulated mid-range phone (4× CPU slowdown, Lighthouse slow 4G), cold (fresh
//      profile), warm (revisit in the same profile) and offline (same profile, network cut, reload);
//   2. network on revisit (section `revisit`): what reaches the server when the app is opened again
//      with unchanged content, after one section was republished, and offline;
//   3. DOM size per page (section `dom`): nodes and serialized size of every page of the app.
//
//   npx tsx bench/h5-load.bench.ts                (writes its sections into docs/BENCHMARKS.md)
//   BENCH_RUNS=3 npx tsx bench/h5-load.bench.ts   (repetitions; default 5)
//
// Every request goes through a small counting reverse proxy in front of each server, so "reached
// the server" is counted where it happens, whatever the browser's caches or a service worker did.
// Timings come from the page itself (performance 'paint' entries, and a requestAnimationFrame probe
// that notes the first frame in which the awaited content is laid out on screen); which responses
// came from the network (not a cache, not a service worker) comes from the DevTools protocol.
//
// This file runs the three parts and writes their sections; the parts live in bench/h5-load/:
// counting-proxy and net-log (what reached the server, what the browser fetched), probe and visit
// (one timed visit), load-run, revisit-run and dom-run (the measurements), report-* (the sections).
import fs from 'node:fs'
import path from 'node:path'
import { CHROMIUM, chromiumAvailable } from './lib/browser'
import { ROOT, ensureBuilt } from '../harness/builds'
import { fmt } from './lib/report'
import { startServer } from '../harness/e2e'
import { contentPackSchema } from '../src/domain'
import { CountingProxy } from './h5-load/counting-proxy'
import { measureDom } from './h5-load/dom-run'
import { type LoadRun, loadRun } from './h5-load/load-run'
import { BASELINE_PROBE, appProbe } from './h5-load/probe'
import { reportDom } from './h5-load/report-dom'
import { reportLoad } from './h5-load/report-load'
import { reportRevisit } from './h5-load/report-revisit'
import { type RevisitResult, revisitRun } from './h5-load/revisit-run'
import { RUNS, VERBOSE } from './h5-load/settings'
import { MODES, type Subject, shortUrl } from './h5-load/visit'

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log(
      `Chromium not found at ${CHROMIUM}: the H5 load benchmark needs it. Install it with \`apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH). docs/BENCHMARKS.md left unchanged.`,
    )
    return
  }
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/generated/bundled-content.json'), 'utf8')) as { pack: unknown }
  const pack = contentPackSchema.parse(bundled.pack)
  const probe = appProbe(pack)

  const baselineDist = ensureBuilt('baseline', 'h5')
  const [appServer, baseServer] = await Promise.all([
    startServer({ LOG_LEVEL: 'warn' }),
    startServer({ STATIC_DIR: baselineDist, LOG_LEVEL: 'warn' }),
  ])
  const appProxy = new CountingProxy(appServer.base)
  const baseProxy = new CountingProxy(baseServer.base)
  await Promise.all([appProxy.start(), baseProxy.start()])
  const app: Subject = { key: 'app', label: 'this app', server: appServer, proxy: appProxy, probe, hasStatusLine: true }
  const baseline: Subject = {
    key: 'baseline',
    label: 'baseline',
    server: baseServer,
    proxy: baseProxy,
    probe: BASELINE_PROBE,
    hasStatusLine: false,
  }
  console.error(`bench: servers up after ${elapsed()}; ${RUNS} runs`)

  const load: Record<'app' | 'baseline', LoadRun[]> = { app: [], baseline: [] }
  const revisit: { app: RevisitResult[]; baseline: RevisitResult[] } = { app: [], baseline: [] }
  let dom: Awaited<ReturnType<typeof measureDom>>
  try {
    for (let run = 0; run < RUNS; run++) {
      // alternate which goes first, so neither always gets the quieter machine
      for (const subject of run % 2 === 0 ? [app, baseline] : [baseline, app]) {
        const result = await loadRun(subject)
        load[subject.key].push(result)
        if (VERBOSE) {
          for (const mode of MODES) {
            const v = result.visits[mode]
            console.error(
              `  ${subject.key} ${mode}: fcp ${fmt(v.fcp ?? Number.NaN)} content ${fmt(v.content ?? Number.NaN)} first net ${v.firstNetwork ? `${fmt(v.firstNetwork.at)} ${shortUrl(v.firstNetwork.url)}` : '—'} server ${v.server.requests}/${v.server.bytes} ${v.reason ?? ''}`,
            )
            console.error(`    document from ${v.document}; network: ${v.networkRequests.join(', ')}`)
            console.error(
              `    server: ${v.server.hits.map((h) => `${h.path} ${h.status} ${h.bodyBytes}${h.encoding ? ` ${h.encoding}` : ''} +${h.startedAt - (v.server.hits[0]?.startedAt ?? 0)}ms`).join(', ')}`,
            )
          }
        }
      }
      console.error(`bench: load run ${run + 1}/${RUNS} done after ${elapsed()}`)
    }
    dom = await measureDom(app, baseline)
    console.error(`bench: DOM sizes done after ${elapsed()}`)
    for (let run = 0; run < RUNS; run++) {
      revisit.app.push(await revisitRun(app, pack, `${Date.now().toString(36)}-${run}`))
      revisit.baseline.push(await revisitRun(baseline, null, ''))
    }
    console.error(`bench: revisits done after ${elapsed()}`)
  } finally {
    await Promise.all([appProxy.close(), baseProxy.close()])
    await Promise.all([appServer.stop(), baseServer.stop()])
  }

  reportLoad(load, probe)
  reportRevisit(revisit)
  reportDom(dom)
  console.error(`bench: finished in ${elapsed()}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
