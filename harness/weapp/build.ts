// The production weapp build the harness runs: dist/weapp-harness, rebuilt only when the sources are
// newer than it (server/cli/build-freshness.ts). Test files run in parallel workers, so one build at
// a time under a lock directory; the others wait for it and reuse the result.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { CONSOLE_SOURCE_DIR, staleReason } from '../../server/cli/build-freshness'

export const ROOT = path.resolve(__dirname, '../..')
export const HARNESS_DIST = path.join(ROOT, 'dist/weapp-harness')
const SOURCES = ['src', 'config', 'babel.config.js', 'package.json'].map((p) => path.join(ROOT, p))
const EXCLUDED = [path.join(ROOT, CONSOLE_SOURCE_DIR)]
const LOCK = `${HARNESS_DIST}.lock`
const LOCK_STALE_MS = 10 * 60_000

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** The build directory, built first when missing or stale. Synchronous: call it in beforeAll. */
export function ensureWeappBuild(): string {
  for (;;) {
    if (staleReason(HARNESS_DIST, SOURCES, 'app.json', EXCLUDED) === null) return HARNESS_DIST
    // in a fresh checkout dist/ does not exist yet: without it the lock could never be taken
    fs.mkdirSync(path.dirname(LOCK), { recursive: true })
    try {
      fs.mkdirSync(LOCK)
    } catch {
      // another worker is building: wait for it (or take over a lock left by a killed run)
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true })
      sleep(2000)
      continue
    }
    try {
      if (staleReason(HARNESS_DIST, SOURCES, 'app.json', EXCLUDED) === null) return HARNESS_DIST
      fs.rmSync(HARNESS_DIST, { recursive: true, force: true })
      const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
        cwd: ROOT,
        // the placeholder API address stays in the bundle: the harness routes it to its own server
        env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: path.relative(ROOT, HARNESS_DIST), TARO_APP_API_BASE: '' },
        encoding: 'utf8',
      })
      if (build.status !== 0) throw new Error(`weapp build failed:\n${build.stdout}\n${build.stderr}`)
      return HARNESS_DIST
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
