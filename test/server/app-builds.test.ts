// Which builds `npm start` and the e2e harness redo: each build depends on its own sources, so a
// change to the console (src/console) rebuilds the console only, and a change to the shared domain
// rebuilds both. Checked on a small tree of files with set modification times.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appBuilds, staleBuilds } from '../../server/cli/app-builds'

let root = ''
const T0 = new Date('2026-01-01T00:00:00Z')
const LATER = new Date('2026-01-02T00:00:00Z')

function write(file: string, when: Date = T0): void {
  const at = path.join(root, file)
  fs.mkdirSync(path.dirname(at), { recursive: true })
  fs.writeFileSync(at, file)
  fs.utimesSync(at, when, when)
}

const stale = () =>
  staleBuilds(appBuilds(root))
    .map((s) => s.build.script)
    .sort()

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-builds-'))
  for (const f of ['src/app.ts', 'src/pages/index/index.tsx', 'src/console/app.tsx', 'src/domain/schema.ts', 'config/index.ts']) write(f)
  write('scripts/build-console.ts')
  // both built after their sources
  write('dist/h5/index.html', LATER)
  write('dist/console/index.html', LATER)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

test('built after every source: nothing to rebuild', () => {
  expect(stale()).toEqual([])
})

test('a console change rebuilds the console, not the H5 app', () => {
  write('src/console/draft-editor.tsx', new Date('2026-01-03T00:00:00Z'))
  expect(stale()).toEqual(['build:console'])
})

test('a page change rebuilds the H5 app, not the console', () => {
  write('src/pages/index/index.tsx', new Date('2026-01-03T00:00:00Z'))
  expect(stale()).toEqual(['build:h5'])
})

test('a change to the shared domain rebuilds both', () => {
  write('src/domain/schema.ts', new Date('2026-01-03T00:00:00Z'))
  expect(stale()).toEqual(['build:console', 'build:h5'])
})

test('a missing build is built', () => {
  fs.rmSync(path.join(root, 'dist/console'), { recursive: true })
  expect(staleBuilds(appBuilds(root)).map((s) => s.reason)).toEqual(['console/index.html 不存在'])
})
