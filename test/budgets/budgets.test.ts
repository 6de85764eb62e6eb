// Byte budgets: what a phone downloads for the H5 app and the content pack, so a change that makes
// the app heavier fails here with the size and the budget it broke. Sizes are per file, gzip level 9
// (as the server sends them, scripts/precompress.ts), computed by scripts/h5-bundle.ts — the same
// code as bench/bytes.bench.ts, whose docs/BENCHMARKS.md section "bytes" has the full figures.
//
// The WeChat packages (main ≤ 1 MB, each subpackage ≤ 2 MB) are not checked again here:
// test/weapp/weapp-build.test.ts checks them on its PRERENDER build, whose main package is the
// production one plus the home page's inlined markup (772 KB vs 704 KB on 2026-11-29), so its
// check is the stricter of the two.
//
// The H5 first-screen target is 1.3× the baseline's first-screen JS (the minimal Taro + NutUI app
// in bench/baseline-app). The baseline is measured here, not recorded: it is built by the same Taro
// and node_modules when its build is missing or stale (≈18 s, then reused), so a Taro or NutUI
// upgrade moves both sides together instead of drifting away from a stored number.
import fs from 'node:fs'
import path from 'node:path'
import bundledJson from '../../src/generated/bundled-content.json'
import { distDir, ensureBuilt } from '../../harness/builds'
import { type AssetSize, type FirstScreen, compressedSizes, h5Bytes, htmlAssets, total } from '../../scripts/h5-bundle'
import { ensureAppsBuilt } from '../../harness/e2e'

const KB = 1024

/**
 * Budgets, with the sizes measured on 2026-11-29 (gzip -9, KB of 1,024 bytes) and why each headroom.
 * Raise one only on purpose, in the same change as what needs it, and say why there.
 */
const BUDGET = {
  /**
   * Issue 12's target, ≤ 1.3× the baseline's first-screen JS, is the budget. On 2026-12-02 it is 1.19×
   * (139.4 KB gzip vs the baseline's 116.9 KB; 2.09× before this month's work). What got it there:
   * the entry holds only the first screen's part of the pack (meta, parameters, sources); the phone's
   * schemas use zod/mini (≈11 KB gzip instead of ≈33); package.json's `sideEffects` lets webpack
   * leave out the domain modules the home page does not use (eligibility, search); Taro's fetch,
   * AbortController and JSONP polyfills are stubbed (config/h5-stubs); images are files, not base64
   * in the entry; no NutUI on the home page (see the test below). ≈12 KB of headroom: a new library or
   * component on the home page must pay for itself.
   */
  firstScreenGuardRatio: 1.3,
  /**
   * Every .js the H5 build ships, gzip: 283.9 KB on 2026-12-02 over 32 files. Code that several pages
   * import is in chunks they share (config/index.ts, sharedByPages); before that each page's chunk
   * carried its own copy of NutUI and the shared components, and the app was 544 KB. 330 KB (+12%)
   * leaves room for a few pages; more than that, or a new heavy dependency, should be a decision.
   */
  totalJsGzip: 330 * KB,
  /**
   * The content pack (src/generated/bundled-content.json's pack, compact JSON): 182.8 KB raw and
   * 45.9 KB gzip today. It is compiled into the weapp main package (first-screen bytes there), and on
   * H5 its first-screen part into the entry script, the rest into a chunk. One more full policy document is ≈25 KB raw / 7 KB gzip: 210 KB raw
   * and 53 KB gzip (+15%) leave room for about one, after which the budget is raised knowingly (or
   * the pack stops being bundled whole).
   */
  packRaw: 210 * KB,
  packGzip: 53 * KB,
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB (${bytes.toLocaleString('en-US')} bytes)`

/** Fails with the size, the budget and what was measured, rather than jest's bare "expected ≤". */
function expectWithin(what: string, size: number, budget: number, detail = ''): void {
  if (size > budget) {
    throw new Error(`${what} is ${kb(size)}, over its budget of ${kb(budget)} by ${kb(size - budget)}.${detail ? `\n${detail}` : ''}`)
  }
  expect(size).toBeLessThanOrEqual(budget)
}

interface Measured {
  screen: FirstScreen
  firstJsGzip: number
  firstFiles: AssetSize[]
  allJsGzip: number
  allJsFiles: number
  baseFirstJsGzip: number
}

let m: Measured

beforeAll(async () => {
  await ensureAppsBuilt()
  const baseDist = ensureBuilt('baseline', 'h5')
  const app = h5Bytes(distDir('app', 'h5'))
  const base = h5Bytes(baseDist)
  m = {
    screen: app.firstScreen,
    firstJsGzip: total(app.firstScreenSizes, 'js').gzip,
    firstFiles: app.firstScreenSizes,
    allJsGzip: total(app.allSizes, 'js').gzip,
    allJsFiles: total(app.allSizes, 'js').files,
    baseFirstJsGzip: total(base.firstScreenSizes, 'js').gzip,
  }
  console.log(
    `byte budgets: H5 first-screen JS ${kb(m.firstJsGzip)} gzip = ${(m.firstJsGzip / m.baseFirstJsGzip).toFixed(2)}× the baseline's ${kb(m.baseFirstJsGzip)}; all JS ${kb(m.allJsGzip)} gzip in ${m.allJsFiles} files`,
  )
}, 420_000)

const firstScreenDetail = () =>
  `First screen of ${m.screen.route} (chunks ${m.screen.chunkIds.join(', ')}): ${m.firstFiles
    .filter((f) => f.kind === 'js')
    .map((f) => `${f.file} ${kb(f.gzip)}`)
    .join(', ')}. ` +
  `Baseline first-screen JS: ${kb(m.baseFirstJsGzip)}. See docs/BENCHMARKS.md, section "bytes" (npx tsx bench/bytes.bench.ts).`

it(`keeps the H5 first-screen JS (gzip) within ${BUDGET.firstScreenGuardRatio}× the baseline app's`, () => {
  const budget = Math.round(BUDGET.firstScreenGuardRatio * m.baseFirstJsGzip)
  expectWithin(
    `H5 first-screen JS (gzip) at ${(m.firstJsGzip / m.baseFirstJsGzip).toFixed(2)}× the baseline`,
    m.firstJsGzip,
    budget,
    `Budget: ${BUDGET.firstScreenGuardRatio}× the baseline's first-screen JS. ${firstScreenDetail()}`,
  )
})

it('keeps all the H5 JavaScript (gzip) within budget', () => {
  expectWithin(`H5 JavaScript in total (gzip, ${m.allJsFiles} files)`, m.allJsGzip, BUDGET.totalJsGzip)
})

it('keeps the content pack (raw and gzip) within budget', () => {
  const pack = Buffer.from(JSON.stringify((bundledJson as { pack: unknown }).pack))
  const sections = Object.entries((bundledJson as { pack: Record<string, unknown> }).pack)
    .map(([name, data]) => `${name} ${kb(Buffer.byteLength(JSON.stringify(data)))}`)
    .join(', ')
  expectWithin('The content pack (compact JSON, raw)', pack.length, BUDGET.packRaw, `Sections: ${sections}.`)
  expectWithin('The content pack (compact JSON, gzip)', compressedSizes(pack, false).gzip, BUDGET.packGzip, `Sections: ${sections}.`)
})

it("index.html preloads the home page's chunks, so they download alongside the entry script", () => {
  const html = fs.readFileSync(path.join(distDir('app', 'h5'), 'index.html'), 'utf8')
  const preloaded = [...html.matchAll(/<link rel="preload" href="\/([^"]+)"/g)].map((m) => m[1])
  const entry = new Set(htmlAssets(distDir('app', 'h5')))
  expect(preloaded.length).toBeGreaterThan(0)
  expect(preloaded.sort()).toEqual(m.screen.files.filter((f) => !entry.has(f)).sort())
})

// The home page uses no NutUI component, so NutUI's code has no business on the first screen: its
// icons came in once through a side-effectful package index (src/services/weapp-icons.ts), 2.4 KB
// gzip that nothing on the page used. NutUI names its elements' classes with string literals
// ('nut-icon', 'nut-switch', …); the first screen's scripts must have none.
it('keeps NutUI out of the first screen', () => {
  const dist = distDir('app', 'h5')
  const withNutui = m.firstFiles
    .filter((f) => f.kind === 'js')
    .flatMap((f) => {
      const found = fs.readFileSync(path.join(dist, f.file), 'utf8').match(/["'`]nut-[a-z][a-z-]*/g)
      return found ? [`${f.file}: ${[...new Set(found)].join(', ')}`] : []
    })
  expect(withNutui).toEqual([])
})
