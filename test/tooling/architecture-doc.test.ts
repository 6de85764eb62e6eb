// docs/ARCHITECTURE.md names where things live; a file moved or renamed without the page following
// fails here, so the page cannot quietly go stale.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const DOC = 'docs/ARCHITECTURE.md'
const TOP = '(?:content|src|server|scripts|test|docs|bench|config|types)'

/** Paths a page names: `code` spans that look like a path, and repository paths in diagrams. */
function namedPaths(markdown: string): string[] {
  const found = new Set<string>()
  for (const [, span] of markdown.matchAll(/`([^`\n]+)`/g)) {
    if (span && /^[\w@.-]+(\/[\w@.*-]*)*$/.test(span) && (span.includes('/') || /\.\w+$/.test(span))) found.add(span)
  }
  for (const [match] of markdown.matchAll(new RegExp(`(?<![\\w/.])${TOP}/[\\w.*/-]*`, 'g'))) found.add(match.replace(/[.,;:]+$/, ''))
  return [...found].sort()
}

/** A path exists, or (with * in its last part) matches at least one file. */
function exists(p: string): boolean {
  const full = path.join(ROOT, p)
  if (!p.includes('*')) return fs.existsSync(full)
  const dir = path.dirname(full)
  const pattern = new RegExp(`^${path.basename(p).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`)
  return fs.existsSync(dir) && fs.readdirSync(dir).some((name) => pattern.test(name))
}

test('the extraction finds code spans and diagram paths, and a missing path is reported', () => {
  const sample = 'See `src/domain/money.ts`, `npm test` and `eslint.config.mjs`.\n```\ncontent/*.json → server/nowhere.ts\n```'
  expect(namedPaths(sample)).toEqual(['content/*.json', 'eslint.config.mjs', 'server/nowhere.ts', 'src/domain/money.ts'])
  expect(namedPaths(sample).filter((p) => !exists(p))).toEqual(['server/nowhere.ts'])
})

test(`every path ${DOC} names exists`, () => {
  const paths = namedPaths(fs.readFileSync(path.join(ROOT, DOC), 'utf8'))
  expect(paths.length).toBeGreaterThan(30)
  expect(paths.filter((p) => !exists(p))).toEqual([])
})
