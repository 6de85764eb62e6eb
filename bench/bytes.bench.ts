// Bytes a phone downloads and keeps: the H5 app's JavaScript and CSS (first screen and in total), the
// WeChat packages, the content pack and what its cache takes in storage — each beside the baseline
// (the minimal Taro + NutUI app in bench/baseline-app, built the same way) where it has one.
// Writes the `bytes` section of docs/BENCHMARKS.md.
// Run: npx tsx bench/bytes.bench.ts   (≈1 min with fresh builds; builds what is stale first)
import fs from 'node:fs'
import path from 'node:path'
import { type Plugin, build } from 'esbuild'
import bundledJson from '../src/generated/bundled-content.json'
import bundledCoreJson from '../src/generated/bundled-core.json'
import bundledLaterJson from '../src/generated/bundled-later.json'
import type { ContentPack, Manifest, SectionName } from '../src/domain/schema'
import { ensureAppsBuilt, startServer } from '../harness/e2e'
import { chromiumAvailable, openPhone } from './lib/browser'
import { ROOT, distDir, ensureBuilt } from '../harness/builds'
import { type AssetSize, type Totals, HOME_ROUTE, compressedSizes, h5Bytes, largestModules, total } from '../scripts/h5-bundle'
import { kb, machineLine, ratio, recordTargets, table, writeSection } from './lib/report'
import { at } from '../harness/at'

const MAIN_PACKAGE_LIMIT = 1024 * 1024
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024
/** issue 12: the H5 first screen's JS, gzip, against the baseline's */
const FIRST_SCREEN_TARGET = 1.3

const bundled = bundledJson as unknown as { manifest: Manifest; pack: ContentPack }

// ---------------------------------------------------------------------------------------------
// WeChat packages

interface WeappPackage {
  root: string
  files: number
  bytes: number
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

/** Bytes per package: a file belongs to the subpackage whose root prefixes its path, else to main. */
function weappPackages(dist: string): WeappPackage[] {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const packages = new Map<string, WeappPackage>([
    ['main', { root: 'main', files: 0, bytes: 0 }],
    ...roots.map((r): [string, WeappPackage] => [r, { root: r, files: 0, bytes: 0 }]),
  ])
  for (const file of walk(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/')
    const root = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    const pkg = packages.get(root) as WeappPackage
    pkg.files++
    pkg.bytes += fs.statSync(file).size
  }
  return [...packages.values()]
}

function largestFiles(dist: string, inMain: boolean, n: number): Array<{ file: string; bytes: number }> {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? []).map((s) => s.root)
  return walk(dist)
    .map((f) => ({ file: path.relative(dist, f).split(path.sep).join('/'), bytes: fs.statSync(f).size }))
    .filter((f) => !inMain || !roots.some((r) => f.file.startsWith(`${r}/`)))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n)
}

// ---------------------------------------------------------------------------------------------
// The content cache's footprint, computed by the app's own code (src/services/content-cache.ts)
// bundled with esbuild against an in-memory stand-in for Taro's storage.

interface CacheModule {
  writeSection: (name: SectionName, hash: string, data: readonly unknown[]) => boolean
  writeManifestRecord: (record: { manifest: Manifest; etag: string | null; syncedAt: string }) => boolean
  contentCacheBytes: () => number
}

interface FakeStorage {
  entries: Map<string, unknown>
}

async function loadContentCache(): Promise<{ cache: CacheModule; storage: FakeStorage }> {
  const storage: FakeStorage = { entries: new Map() }
  const fakeTaro = {
    getStorageSync: (key: string) => (storage.entries.has(key) ? storage.entries.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.entries.set(key, value)
    },
    removeStorageSync: (key: string) => {
      storage.entries.delete(key)
    },
    getStorageInfoSync: () => ({ keys: [...storage.entries.keys()] }),
  }
  const taroStub: Plugin = {
    name: 'taro-storage-stub',
    setup(build) {
      build.onResolve({ filter: /^@tarojs\/taro$/ }, () => ({ path: 'taro', namespace: 'stub' }))
      build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = globalThis.__benchTaro', loader: 'js' }))
    },
  }
  const out = await build({
    stdin: { contents: "export * from './src/services/content-cache'", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [taroStub],
  })
  ;(globalThis as { __benchTaro?: unknown }).__benchTaro = { default: fakeTaro, ...fakeTaro }
  const mod: { exports: unknown } = { exports: {} }

  new Function('module', 'exports', 'require', at(out.outputFiles, 0).text)(mod, mod.exports, require)
  return { cache: mod.exports as CacheModule, storage }
}

interface Footprint {
  label: string
  keys: number
  /** what the app itself reports (content-cache.ts contentCacheBytes: UTF-8 of key + value JSON), ≈ WeChat storage */
  weapp: number
  /** H5: Taro stores JSON.stringify({data: value}) in localStorage, which counts UTF-16 units (2 bytes each) */
  h5: number
}

function footprint(label: string, cache: CacheModule, storage: FakeStorage): Footprint {
  let h5 = 0
  for (const [key, value] of storage.entries) h5 += 2 * (key.length + JSON.stringify({ data: value }).length)
  return { label, keys: storage.entries.size, weapp: cache.contentCacheBytes(), h5 }
}

async function contentFootprints(): Promise<Footprint[]> {
  const { cache, storage } = await loadContentCache()
  const names = Object.keys(bundled.manifest.sections) as SectionName[]
  const renamed = (hash: string, n: number) => `${hash.slice(0, -1)}${n}`
  const manifestRecord = (n: number) => ({
    manifest: {
      ...bundled.manifest,
      version: `${bundled.manifest.version}-u${n}`,
      publishedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
      sections: Object.fromEntries(
        names.map((s) => [s, { ...bundled.manifest.sections[s], hash: renamed(bundled.manifest.sections[s].hash, n) }]),
      ) as Manifest['sections'],
    },
    etag: `"${renamed(bundled.manifest.sections.policies.hash, n)}"`,
    syncedAt: new Date().toISOString(),
  })
  const writeAll = (n: number) => {
    for (const name of names) {
      if (!cache.writeSection(name, renamed(bundled.manifest.sections[name].hash, n), bundled.pack[name] as readonly unknown[]))
        throw new Error(`could not store ${name}`)
    }
  }
  const results: Footprint[] = []
  // the server has the bundled version: content-store.ts stores no section equal to a bundled one,
  // only the manifest record
  cache.writeManifestRecord({
    manifest: bundled.manifest,
    etag: `"${bundled.manifest.sections.policies.hash}"`,
    syncedAt: new Date().toISOString(),
  })
  results.push(footprint('content current (bundled version): manifest record only', cache, storage))
  storage.entries.clear()
  writeAll(1)
  cache.writeManifestRecord(manifestRecord(1))
  results.push(footprint('every section updated once (same sizes as today)', cache, storage))
  // the next update is written beside the old one and the old keys dropped after the swap
  writeAll(2)
  results.push(footprint('peak while a second full update is written beside the first', cache, storage))
  return results
}

// ---------------------------------------------------------------------------------------------
// Chromium cross-check of the first screen

interface Loaded {
  file: string
  kind: 'js' | 'css'
  /** bytes on the wire (encoded), from the browser */
  transferred: number | null
  encoding: string
}

async function firstScreenInChromium(): Promise<Loaded[] | string> {
  if (!chromiumAvailable()) return 'skipped: Chromium not found (set CHROMIUM_PATH)'
  const server = await startServer()
  const phone = await openPhone()
  try {
    const seen: Loaded[] = []
    const pending: Array<Promise<void>> = []
    phone.page.on('requestfinished', (request) => {
      const type = request.resourceType()
      if (type !== 'script' && type !== 'stylesheet') return
      pending.push(
        (async () => {
          const response = await request.response()
          const sizes = await request.sizes().catch(() => null)
          const headers = response ? await response.allHeaders() : {}
          seen.push({
            file: new URL(request.url()).pathname.replace(/^\/+/, ''),
            kind: type === 'script' ? 'js' : 'css',
            transferred: sizes ? sizes.responseBodySize : null,
            encoding: headers['content-encoding'] ?? 'identity',
          })
        })(),
      )
    })
    await phone.page.goto(`${server.base}/#/${HOME_ROUTE}`, { waitUntil: 'networkidle' })
    await phone.page.getByText('城市低保').first().waitFor({ timeout: 30_000 })
    await phone.page.waitForLoadState('networkidle')
    await Promise.all(pending)
    return seen
  } finally {
    await phone.close()
    await server.stop()
  }
}

// ---------------------------------------------------------------------------------------------

const gz = (t: Totals) => t.gzip
const br = (t: Totals) => t.brotli ?? Number.NaN

function sizeRows(label: string, app: Totals, base: Totals): string[][] {
  return [
    [`${label}, raw`, kb(app.raw), kb(base.raw), ratio(app.raw, base.raw)],
    [`${label}, gzip -9`, kb(gz(app)), kb(gz(base)), ratio(gz(app), gz(base))],
    [`${label}, brotli q11`, kb(br(app)), kb(br(base)), ratio(br(app), br(base))],
  ]
}

const met = (ok: boolean) => (ok ? '**met**' : '**not met**')

async function main(): Promise<void> {
  const started = Date.now()
  // dist/h5 under the e2e harness's lock (an e2e run may be building it too)
  await ensureAppsBuilt()
  const appH5 = distDir('app', 'h5')
  const baseH5 = ensureBuilt('baseline', 'h5')
  const appWeapp = ensureBuilt('app', 'weapp')
  const baseWeapp = ensureBuilt('baseline', 'weapp')

  const app = h5Bytes(appH5, { brotli: true })
  const base = h5Bytes(baseH5, { brotli: true })
  const appFirst = { js: total(app.firstScreenSizes, 'js'), css: total(app.firstScreenSizes, 'css') }
  const baseFirst = { js: total(base.firstScreenSizes, 'js'), css: total(base.firstScreenSizes, 'css') }
  const appAll = { js: total(app.allSizes, 'js'), css: total(app.allSizes, 'css') }
  const baseAll = { js: total(base.allSizes, 'js'), css: total(base.allSizes, 'css') }

  const appPackages = weappPackages(appWeapp)
  const basePackages = weappPackages(baseWeapp)
  const appMain = appPackages.find((p) => p.root === 'main') as WeappPackage
  const baseMain = basePackages.find((p) => p.root === 'main') as WeappPackage
  // the PRERENDER build of test/weapp (home page markup inlined), when one is lying around
  const checkDir = path.join(ROOT, 'dist/weapp-check')
  const checkMain = fs.existsSync(path.join(checkDir, 'app.json')) ? weappPackages(checkDir).find((p) => p.root === 'main') : undefined

  const packJson = Buffer.from(JSON.stringify(bundled.pack))
  const packCompressed = compressedSizes(packJson, true)
  // the part compiled into the H5 entry script, and the part in a chunk of its own (scripts/build-content.ts)
  const coreJson = Buffer.from(JSON.stringify(bundledCoreJson.pack))
  const coreCompressed = compressedSizes(coreJson, false)
  const laterJson = Buffer.from(JSON.stringify(bundledLaterJson))
  const laterCompressed = compressedSizes(laterJson, false)
  const sectionRows = (Object.keys(bundled.manifest.sections) as SectionName[]).map((name) => {
    const json = Buffer.from(JSON.stringify(bundled.pack[name]))
    const c = compressedSizes(json, false)
    return [`\`${name}\``, kb(json.length), kb(c.gzip)]
  })
  const footprints = await contentFootprints()

  const browser = await firstScreenInChromium()

  // ------------------------------------------------------------------ report
  const jsGzRatio = appFirst.js.gzip / baseFirst.js.gzip
  const firstMet = jsGzRatio <= FIRST_SCREEN_TARGET
  const mainMet = appMain.bytes <= MAIN_PACKAGE_LIMIT
  const subsMet = appPackages.filter((p) => p.root !== 'main').every((p) => p.bytes <= SUBPACKAGE_LIMIT)

  const fileRows = (sizes: readonly AssetSize[]) => sizes.map((s) => `\`${s.file}\` ${kb(s.raw)} raw / ${kb(s.gzip)} gzip`).join('; ')
  let crossCheck: string
  if (typeof browser === 'string') {
    crossCheck = `Chromium cross-check ${browser}.`
  } else {
    const loaded = [...new Set(browser.map((b) => b.file))].sort()
    const expected = [...app.firstScreen.files].sort()
    const extra = loaded.filter((f) => !expected.includes(f))
    const missing = expected.filter((f) => !loaded.includes(f))
    const wire = browser.reduce((n, b) => n + (b.transferred ?? 0), 0)
    const encodings = [...new Set(browser.map((b) => b.encoding))].join(', ')
    crossCheck =
      extra.length === 0 && missing.length === 0
        ? `Cross-checked in Chromium (cold profile, \`npm start\` server, ${HOME_ROUTE} until the standards show and the network is idle): it fetched exactly these ${loaded.length} JS/CSS files, ${kb(wire)} on the wire (content-encoding ${encodings}).`
        : `Chromium cross-check (cold profile, \`npm start\` server, ${HOME_ROUTE} until the standards show and the network is idle) **differs** from the static list: fetched in addition ${extra.map((f) => `\`${f}\``).join(', ') || 'nothing'}; not fetched ${missing.map((f) => `\`${f}\``).join(', ') || 'nothing'}. ${kb(wire)} JS/CSS on the wire (content-encoding ${encodings}).`
  }

  const packageRows = appPackages.map((p) => {
    const b = p.root === 'main' ? baseMain : undefined
    const limit = p.root === 'main' ? MAIN_PACKAGE_LIMIT : SUBPACKAGE_LIMIT
    return [
      p.root === 'main' ? 'main package' : `\`${p.root}\``,
      String(p.files),
      kb(p.bytes),
      b ? kb(b.bytes) : '—',
      b ? ratio(p.bytes, b.bytes) : '—',
      `${((100 * p.bytes) / limit).toFixed(0)}% of ${limit / 1024 / 1024} MB`,
    ]
  })

  const targets = [
    {
      target: 'weapp main package ≤ 1.0 MB',
      measured: `${kb(appMain.bytes)} (${((100 * appMain.bytes) / MAIN_PACKAGE_LIMIT).toFixed(0)}%)`,
      met: mainMet,
    },
    {
      target: 'each weapp subpackage ≤ 2 MB',
      measured: `largest ${kb(Math.max(...appPackages.filter((p) => p.root !== 'main').map((p) => p.bytes)))}`,
      met: subsMet,
    },
    {
      target: `H5 first-screen JS (gzip) ≤ ${FIRST_SCREEN_TARGET}× the baseline's`,
      measured: `gzip ${ratio(appFirst.js.gzip, baseFirst.js.gzip)}, raw ${ratio(appFirst.js.raw, baseFirst.js.raw)}, brotli ${ratio(br(appFirst.js), br(baseFirst.js))}`,
      met: firstMet,
    },
  ]
  const body = [
    '## Bytes (`bench/bytes.bench.ts`)',
    '',
    machineLine(),
    `Run with \`npx tsx bench/bytes.bench.ts\` (builds what is stale first: \`dist/h5\` under the e2e harness's lock, \`dist/weapp\` and the baseline's builds via harness/builds.ts). The baseline is the minimal Taro + NutUI app in \`bench/baseline-app\` (two pages; the home page uses NutUI SearchBar, Tabs, Button and Cell), built by the same Taro in production mode. Sizes are per file, compressed one file at a time as a server sends them (gzip level 9, brotli quality 11), in KB of 1,024 bytes; ratio = this app ÷ baseline.`,
    '',
    '### H5',
    '',
    `First screen = what the browser loads to show \`/#/${HOME_ROUTE}\`: the scripts and stylesheets of \`index.html\` plus the chunks the H5 router's route entry for the home page requests (\`__webpack_require__.e(…)\` in the route table compiled into the entry script, mapped to files by the webpack runtime's chunk maps) — computed statically by scripts/h5-bundle.ts, which the build (home-page preload) and test/budgets use too. Total = every .js and .css in the build.`,
    '',
    table(
      ['H5', 'this app', 'baseline', 'ratio'],
      [
        ...sizeRows('first-screen JS', appFirst.js, baseFirst.js),
        ...sizeRows('first-screen CSS', appFirst.css, baseFirst.css),
        ...sizeRows(`all JS (${appAll.js.files} vs ${baseAll.js.files} files)`, appAll.js, baseAll.js),
        ...sizeRows(`all CSS (${appAll.css.files} vs ${baseAll.css.files} files)`, appAll.css, baseAll.css),
      ],
    ),
    '',
    `First-screen files — this app (chunk ${app.firstScreen.chunkIds.join(', ')}): ${fileRows(app.firstScreenSizes)}. Baseline (chunk ${base.firstScreen.chunkIds.join(', ')}): ${fileRows(base.firstScreenSizes)}.`,
    '',
    crossCheck,
    '',
    '### WeChat packages',
    '',
    `Production \`taro build --type weapp\` (\`dist/weapp\`); a file belongs to the subpackage whose root prefixes its path, everything else is the main package. WeChat limits: main package 1 MB, each subpackage 2 MB.${checkMain ? ` The PRERENDER build that test/weapp checks (\`dist/weapp-check\`, home page markup inlined) has a ${kb(checkMain.bytes)} main package.` : ''}`,
    '',
    table(['package', 'files', 'this app', 'baseline', 'ratio', 'of its limit'], packageRows),
    '',
    `Largest main-package files: ${largestFiles(appWeapp, true, 6)
      .map((f) => `\`${f.file}\` ${kb(f.bytes)}`)
      .join(', ')}.`,
    '',
    '### Content pack',
    '',
    `\`src/generated/bundled-content.json\`'s \`pack\` as compact JSON (UTF-8): ${kb(packJson.length)} raw, ${kb(packCompressed.gzip)} gzip, ${kb(packCompressed.brotli ?? Number.NaN)} brotli. The baseline has no content. On H5 the entry script holds only what the home page shows (\`src/generated/bundled-core.json\`: meta, parameters, sources; ${kb(coreJson.length)} raw, ${kb(coreCompressed.gzip)} gzip); policies, services, the FAQ and news (\`bundled-later.json\`, ${kb(laterJson.length)} raw, ${kb(laterCompressed.gzip)} gzip) are a chunk of their own, loaded with the first page that needs them. On weapp both are in the main package, because the 政策 and 办事 tab pages need the later sections.`,
    '',
    table(['section', 'raw', 'gzip'], sectionRows),
    '',
    "Cached footprint in storage — computed by running the app's own `src/services/content-cache.ts` (bundled with esbuild against an in-memory stand-in for Taro storage) the way `content-store.ts` uses it: a section equal to the bundled one is never stored; an updated one is stored under a key versioned by its hash, beside the old one until the manifest record (the commit point) is written. WeChat column: the app's own `contentCacheBytes()` (UTF-8 of key + value JSON, what WeChat's 10 MB / 1 MB-a-key limits count, and what 我的 shows). H5 column: Taro H5 stores `JSON.stringify({data: value})` in localStorage, which counts UTF-16 units, so 2 × (key + stored string) characters.",
    '',
    table(
      ['state', 'keys', 'WeChat (UTF-8)', 'H5 localStorage (UTF-16)'],
      footprints.map((f) => [f.label, String(f.keys), kb(f.weapp), kb(f.h5)]),
    ),
    '',
    '### Where the first-screen JS goes',
    '',
    `Largest webpack modules of each first-screen script (labelled by the names they export, or their first string; each compressed alone, so the gzip figures are indicative). This app: ${app.firstScreen.files
      .filter((f) => f.endsWith('.js'))
      .map(
        (f) =>
          `\`${f}\` — ${largestModules(appH5, f, 4)
            .map((mod) => `${mod.label} ${kb(mod.raw)} / ${kb(mod.gzip)}`)
            .join('; ')}`,
      )
      .join('. ')}. Baseline: ${base.firstScreen.files
      .filter((f) => f.endsWith('.js'))
      .map(
        (f) =>
          `\`${f}\` — ${largestModules(baseH5, f, 3)
            .map((mod) => `${mod.label} ${kb(mod.raw)} / ${kb(mod.gzip)}`)
            .join('; ')}`,
      )
      .join('. ')}.`,
    '',
    `The content compiled into the entry script (bundled-core.json) is ≈${kb(coreCompressed.gzip)} of the first-screen gzip (its JSON compressed alone); without it the first-screen JS would be ≈${kb(appFirst.js.gzip - coreCompressed.gzip)} gzip = ${ratio(appFirst.js.gzip - coreCompressed.gzip, baseFirst.js.gzip)} the baseline's.`,
    '',
    '### Targets',
    '',
    table(
      ['target', 'figure', 'result'],
      targets.map((t) => [t.target, t.measured, met(t.met)]),
      ['l', 'r', 'l'],
    ),
    ...(firstMet ? [] : ['', `The first-screen target is not met: the largest modules of each first-screen script are listed above.`]),
    '',
    `Measured in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n')
  console.log(body)
  writeSection('bytes', body)
  recordTargets('bytes', targets)
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(ROOT, 'docs/BENCHMARKS.md'))}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
