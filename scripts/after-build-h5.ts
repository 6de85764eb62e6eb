// What `npm run build:h5` does after `taro build --type h5`:
//  1. index.html preloads the home page's chunk (JS and CSS). Taro's router asks for it only once the
//     entry script has arrived and run, one more round trip — about half a second on a slow 4G
//     network — before the first page can render. A launch from a shared link to another page
//     spends the preload's bytes for nothing; most launches open the home page.
//  2. The service worker (sw.js) gets the build's own list of every page's JS and CSS, and its
//     images, to keep at install: a page never opened online then opens offline too.
//  3. Brotli and gzip copies of the JS and CSS for the server to send (scripts/precompress.ts).
//
//   tsx scripts/after-build-h5.ts [dir]      (default: dist/h5)
import fs from 'node:fs'
import path from 'node:path'
import { HOME_ROUTE, allAssets, firstScreen, htmlAssets } from './h5-bundle'
import { precompressDir } from './precompress'

const MARK = 'data-preload="home"'

/** Add <link rel="preload"> for the home route's chunks to index.html; returns the files preloaded. */
export function preloadHome(dir: string): string[] {
  const file = path.join(dir, 'index.html')
  const html = fs.readFileSync(file, 'utf8')
  if (html.includes(MARK)) return []
  const entry = new Set(htmlAssets(dir))
  const chunks = firstScreen(dir, HOME_ROUTE).files.filter((f) => !entry.has(f))
  const links = chunks.map((f) => `<link rel="preload" href="/${f}" as="${f.endsWith('.css') ? 'style' : 'script'}" ${MARK}>`).join('')
  if (!html.includes('</head>')) throw new Error(`${file} has no </head>`)
  fs.writeFileSync(file, html.replace('</head>', `${links}</head>`))
  return chunks
}

/** the token sw.js holds in a string literal (quoted either way once minified) */
const PRECACHE_TOKEN = /(["'])__JDZ_PRECACHE_LIST__\1/g
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i

function filesUnder(dir: string, root: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full, root) : [path.relative(root, full).split(path.sep).join('/')]
  })
}

/** What the service worker keeps at install: every JS and CSS file of the build and its images. */
export function precacheList(dir: string): string[] {
  const images = filesUnder(path.join(dir, 'static'), dir).filter((f) => IMAGE.test(f))
  return [...allAssets(dir), ...images].sort().map((f) => `/${f}`)
}

/** Write the build's file list into sw.js in place of its empty list; returns the files listed. */
export function writePrecacheList(dir: string): string[] {
  const file = path.join(dir, 'sw.js')
  // an app without a worker (the bench's baseline app) has nothing to fill
  if (!fs.existsSync(file)) return []
  const source = fs.readFileSync(file, 'utf8')
  if (source.search(PRECACHE_TOKEN) < 0) throw new Error(`${file} has no __JDZ_PRECACHE_LIST__ string to fill`)
  const list = precacheList(dir)
  // a JS string literal holding the JSON list
  fs.writeFileSync(
    file,
    source.replace(PRECACHE_TOKEN, () => JSON.stringify(JSON.stringify(list))),
  )
  return list
}

/** Every step; a build whose layout the preload cannot read still gets its compressed copies. */
export function finishH5Build(dir: string): { preloaded: string[]; warning: string | null } {
  let preloaded: string[] = []
  let warning: string | null = null
  try {
    preloaded = preloadHome(dir)
  } catch (error) {
    warning = `home page not preloaded: ${error instanceof Error ? error.message : String(error)}`
  }
  // not caught: a worker without the list would leave every unopened page dead offline
  writePrecacheList(dir)
  precompressDir(dir)
  return { preloaded, warning }
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/h5')
  const { preloaded, warning } = finishH5Build(dir)
  if (warning) process.stderr.write(`⚠ ${warning}\n`)
  process.stdout.write(
    `${path.relative(process.cwd(), dir) || '.'}: preloads ${preloaded.join(', ') || 'nothing'}; sw.js precaches the build's files; JS and CSS precompressed (brotli, gzip)\n`,
  )
}
