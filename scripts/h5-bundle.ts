// What a Taro H5 build makes the browser download, read from the built files alone (no browser):
//  - the first screen of a route: index.html's own <script src> and <link rel=stylesheet>, plus the
//    chunks the route's `load` asks webpack for (`__webpack_require__.e(id)` in the router's route
//    table, compiled into the entry script), with their CSS (the runtime's miniCssF map);
//  - everything: every .js and .css file under the dist folder.
// Shared by the build (scripts/after-build-h5.ts preloads the home page), bench/bytes.bench.ts and
// test/budgets/budgets.test.ts. Dynamic imports made later by the
// runtime itself (e.g. Stencil's scoped-CSS polyfill, loaded only by browsers without Shadow DOM) are
// not part of a first screen; bench/bytes.bench.ts cross-checks the static answer in Chromium.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { captured } from '../src/domain/captured'

export const HOME_ROUTE = 'pages/index/index'

export type AssetKind = 'js' | 'css'

export interface AssetSize {
  /** path inside the dist folder, with forward slashes and no leading slash (js/app.1234abcd.js) */
  file: string
  kind: AssetKind
  raw: number
  gzip: number
  /** only when asked for (brotli at quality 11 takes a few seconds over a whole build) */
  brotli: number | null
}

export interface Totals {
  files: number
  raw: number
  gzip: number
  brotli: number | null
}

export interface FirstScreen {
  route: string
  /** the chunk ids the route's load() requests */
  chunkIds: string[]
  /** index.html's scripts and stylesheets, then the route's chunk files */
  files: string[]
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

function kindOf(file: string): AssetKind | null {
  if (file.endsWith('.js')) return 'js'
  if (file.endsWith('.css')) return 'css'
  return null
}

/** "/js/app.1234.js" (publicPath "/") → "js/app.1234.js" */
function distRelative(url: string): string {
  // split always yields at least one part
  const [file = ''] = url
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\/+/, '')
    .split(/[?#]/)
  return file
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null
}

/** index.html's external scripts and stylesheets, in document order. */
export function htmlAssets(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const found: string[] = []
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = m[0]
    if (captured(m, 1).toLowerCase() === 'script') {
      const src = attribute(tag, 'src')
      if (src) found.push(distRelative(src))
    } else if ((attribute(tag, 'rel') ?? '').toLowerCase() === 'stylesheet') {
      const href = attribute(tag, 'href')
      if (href) found.push(distRelative(href))
    }
  }
  return found
}

/**
 * The object literal after `marker` in webpack's runtime, e.g. `"js/"+o+"."+{"80":"4667",…}[o]+".js"`
 * → {"80": "4667", …}. Keys are chunk ids, values the file-name hashes.
 */
function runtimeMap(source: string, marker: RegExp): Record<string, string> | null {
  const m = marker.exec(source)
  if (!m) return null
  const open = source.indexOf('{', m.index + m[0].length - 1)
  const close = source.indexOf('}', open)
  if (open < 0 || close < 0) return null
  const literal = source.slice(open, close + 1).replace(/([{,])\s*([A-Za-z0-9_$]+)\s*:/g, '$1"$2":')
  try {
    return JSON.parse(literal) as Record<string, string>
  } catch {
    return null
  }
}

function chunkFile(dist: string, dir: 'js' | 'css', id: string, map: Record<string, string> | null): string | null {
  const hash = map?.[id]
  if (hash) {
    const file = `${dir}/${id}.${hash}.${dir}`
    return fs.existsSync(path.join(dist, file)) ? file : null
  }
  // no runtime map (e.g. a chunk without CSS): the build's naming, [id].[hash].ext
  const names = fs.existsSync(path.join(dist, dir)) ? fs.readdirSync(path.join(dist, dir)) : []
  const name = names.find((n) => n.startsWith(`${id}.`) && n.endsWith(`.${dir}`))
  return name ? `${dir}/${name}` : null
}

/**
 * The files the browser loads to show `route`: index.html's scripts and stylesheets, and the chunks
 * (JS, and CSS where the chunk has some) that the router's `load` for the route requests.
 * Throws when the route table or the chunk maps cannot be found, so a change in Taro's output fails
 * loudly instead of under-counting.
 */
export function firstScreen(dist: string, route = HOME_ROUTE): FirstScreen {
  const entry = htmlAssets(dist)
  const scripts = entry.filter((f) => f.endsWith('.js'))
  let routeChunks: string[] | null = null
  let jsMap: Record<string, string> | null = null
  let cssMap: Record<string, string> | null = null
  const escaped = route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  // Taro's H5 route table: {"path":"pages/index/index","load":function(o,a){return[s.e(458).then(…),o,a]}}
  const routeRe = new RegExp(`"path":"${escaped}","load":function\\([^)]*\\)\\{return\\[(.*?)\\]\\}`)
  for (const script of scripts) {
    const source = fs.readFileSync(path.join(dist, script), 'utf8')
    const m = routeRe.exec(source)
    if (m && !routeChunks)
      routeChunks = [...captured(m, 1).matchAll(/[\w$]+\.e\((\d+|"[^"]+")\)/g)].map((c) => captured(c, 1).replace(/"/g, ''))
    jsMap ??= runtimeMap(source, /"js\/"\+[\w$]+\+"\."\+\{/)
    cssMap ??= runtimeMap(source, /miniCssF=function\([\w$]+\)\{return"css\/"\+[\w$]+\+"\."\+\{/)
  }
  if (!routeChunks) throw new Error(`${dist}: no route table entry for ${route} in ${scripts.join(', ')}`)
  if (!jsMap) throw new Error(`${dist}: webpack's chunk file map not found in ${scripts.join(', ')}`)
  const files = [...entry]
  for (const id of routeChunks) {
    const js = chunkFile(dist, 'js', id, jsMap)
    if (!js) throw new Error(`${dist}: chunk ${id} of ${route} has no JS file`)
    files.push(js)
    const css = cssMap && id in cssMap ? chunkFile(dist, 'css', id, cssMap) : null
    if (css) files.push(css)
  }
  return { route, chunkIds: routeChunks, files: [...new Set(files)] }
}

/** Every JS and CSS file in the build (source maps and LICENSE files are not downloaded). */
export function allAssets(dist: string): string[] {
  return walk(dist)
    .map((f) => path.relative(dist, f).split(path.sep).join('/'))
    .filter((f) => kindOf(f) !== null)
    .sort()
}

export function compressedSizes(data: Buffer, withBrotli: boolean): { gzip: number; brotli: number | null } {
  return {
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: withBrotli
      ? zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        }).length
      : null,
  }
}

const sizeCache = new Map<string, AssetSize>()

/** Raw, gzip (level 9) and optionally brotli (quality 11) size of one file of the build. */
export function assetSize(dist: string, file: string, withBrotli = false): AssetSize {
  const full = path.join(dist, file)
  const key = `${full}:${fs.statSync(full).mtimeMs}:${withBrotli}`
  const cached = sizeCache.get(key)
  if (cached) return cached
  const data = fs.readFileSync(full)
  const kind = kindOf(file)
  if (!kind) throw new Error(`${file} is neither JS nor CSS`)
  const size: AssetSize = { file, kind, raw: data.length, ...compressedSizes(data, withBrotli) }
  sizeCache.set(key, size)
  return size
}

export function total(sizes: readonly AssetSize[], kind?: AssetKind): Totals {
  const picked = kind ? sizes.filter((s) => s.kind === kind) : sizes
  const hasBrotli = picked.every((s) => s.brotli !== null)
  return {
    files: picked.length,
    raw: picked.reduce((n, s) => n + s.raw, 0),
    gzip: picked.reduce((n, s) => n + s.gzip, 0),
    brotli: hasBrotli ? picked.reduce((n, s) => n + (s.brotli ?? 0), 0) : null,
  }
}

export interface H5Bytes {
  firstScreen: FirstScreen
  firstScreenSizes: AssetSize[]
  allSizes: AssetSize[]
}

/** First-screen and whole-build sizes of an H5 build, each file compressed on its own (as served). */
export function h5Bytes(dist: string, options: { route?: string; brotli?: boolean } = {}): H5Bytes {
  const screen = firstScreen(dist, options.route ?? HOME_ROUTE)
  const brotli = options.brotli ?? false
  return {
    firstScreen: screen,
    firstScreenSizes: screen.files.map((f) => assetSize(dist, f, brotli)),
    allSizes: allAssets(dist).map((f) => assetSize(dist, f, brotli)),
  }
}

export interface ModuleSize {
  id: string
  /** the names it exports (webpack's `__webpack_require__.d` getters keep them), or its first string literal */
  label: string
  raw: number
  /** compressed alone, so only indicative of its share of the file's gzip size */
  gzip: number
}

/**
 * The largest webpack modules of one built script, for "where do the bytes go": module boundaries
 * are webpack's `"id":function(…){` entries in the chunk's module table.
 */
/** Packages recognisable in minified code, named beside a module's label. */
const SIGNATURES: ReadonlyArray<[RegExp, string]> = [
  [/reactjs\.org\/docs\/error-decoder/, 'react-dom'],
  [/schemas_boolean|\$ZodType|ZodError/, 'zod'],
  [/return proxyCustomElement\}/, 'Stencil runtime of @tarojs/components'],
  [/return createRouter\}/, '@tarojs/router'],
  [/__registerHost\(\)/, 'defines @tarojs/components elements'],
]

export function largestModules(dist: string, file: string, n: number): ModuleSize[] {
  const source = fs.readFileSync(path.join(dist, file), 'utf8')
  const starts = [...source.matchAll(/[{,]"?(\d+)"?:function\([\w$,]*\)\{/g)].map((m) => ({
    id: captured(m, 1),
    at: m.index,
    body: m.index + m[0].length,
  }))
  return starts
    .map((start, i) => {
      const text = source.slice(start.at, starts[i + 1]?.at ?? source.length)
      const head = source.slice(start.body, start.body + 2000)
      const exported = [...head.matchAll(/function\(\)\{return ([\w$]{3,})\}/g)].map((m) => captured(m, 1)).slice(0, 3)
      const literal = [...head.matchAll(/"([^"\\]{10,60})"/g)]
        .map((m) => captured(m, 1))
        .find((l) => l !== 'use strict' && !/[(){}:;,=]/.test(l))
      const data = Buffer.from(text)
      return {
        id: start.id,
        label: `${exported.length ? exported.join(', ') : literal ? `"${literal}"` : '(anonymous)'}${(() => {
          const known = SIGNATURES.filter(([re]) => re.test(text)).map(([, name]) => name)
          return known.length ? ` [${known[0]}]` : ''
        })()}`,
        raw: data.length,
        gzip: zlib.gzipSync(data, { level: 9 }).length,
      }
    })
    .sort((a, b) => b.raw - a.raw)
    .slice(0, n)
}
