// Checks of the production WeChat build, offline (no DevTools, no appid): the page list, the
// subpackages, WeChat's own compilers (wcc/wcsc) on every WXML/WXSS, the package size limits, that
// nothing for development ships, and — with PRERENDER — that the home page's markup holds the standards.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const OUT = path.join(ROOT, 'dist/weapp-check')
const MAIN_PACKAGE_LIMIT = 1024 * 1024
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

let app: AppJson
let files: string[]

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true })
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PRERENDER: '1', TARO_OUTPUT_ROOT: 'dist/weapp-check' },
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`weapp build failed:\n${build.stdout}\n${build.stderr}`)
  app = JSON.parse(fs.readFileSync(path.join(OUT, 'app.json'), 'utf8')) as AppJson
  files = walk(OUT)
}, 300_000)

it('lists every page in app.json and each page exists', () => {
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  expect(pages.length).toBeGreaterThanOrEqual(14)
  for (const page of pages) {
    for (const ext of ['.js', '.json']) expect(fs.existsSync(path.join(OUT, page + ext))).toBe(true)
  }
  for (const tab of app.tabBar?.list ?? []) expect(app.pages).toContain(tab.pagePath)
})

it('configures subpackages outside the main package', () => {
  const roots = (app.subPackages ?? []).map((s) => s.root)
  expect(roots.length).toBeGreaterThanOrEqual(5)
  for (const root of roots) {
    expect(fs.statSync(path.join(OUT, root)).isDirectory()).toBe(true)
    expect(app.pages.some((p) => p.startsWith(`${root}/`))).toBe(false)
  }
})

it('compiles every WXML and WXSS with WeChat compilers (wcc / wcsc)', () => {
  // miniprogram-compiler ships WeChat's own Linux wcc/wcsc binaries

  const compiler = require('miniprogram-compiler') as { wxmlToJs: (root: string) => string; wxssToJs: (root: string) => string }
  expect(files.filter((f) => f.endsWith('.wxml')).length).toBeGreaterThan(0)
  expect(compiler.wxmlToJs(OUT)).toContain('$gwx')
  expect(compiler.wxssToJs(OUT)).toContain('wxssMap')
})

it('keeps the main package within 1 MB and each subpackage within 2 MB', () => {
  const roots = (app.subPackages ?? []).map((s) => s.root)
  const sizes: Record<string, number> = { main: 0 }
  for (const file of files) {
    const rel = path.relative(OUT, file).split(path.sep).join('/')
    const root = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    sizes[root] = (sizes[root] ?? 0) + fs.statSync(file).size
  }
  console.log('weapp package sizes (bytes):', JSON.stringify(sizes))
  expect(sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT)
  for (const root of roots) expect(sizes[root] ?? 0).toBeLessThanOrEqual(SUBPACKAGE_LIMIT)
})

it('ships no source maps and no test code', () => {
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
  const testMarkers = /@testing-library|jest\.fn\(|test-utils-react|\bdescribe\(\s*['"`]/
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    expect({ file, test: testMarkers.test(fs.readFileSync(file, 'utf8')) }).toEqual({ file, test: false })
  }
})

it('prerenders the home page with the standards in its WXML', () => {
  const wxml = fs.readFileSync(path.join(OUT, 'pages/index/index.wxml'), 'utf8')
  expect(wxml).toContain('城市低保')
  expect(wxml).toContain('660')
  expect(wxml).toContain('景府办字〔2019〕35号')
})
