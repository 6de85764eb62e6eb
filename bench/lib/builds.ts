// The builds a benchmark compares: this app, and the baseline — the minimal Taro + NutUI app of
// ../shared/toolchain/recipe, copied into bench/baseline-app — built the same way (production, same
// Taro, same node_modules, H5 finished as package.json's build:h5 does). Builds are reused when
// newer than their sources.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { finishH5Build } from '../../scripts/after-build-h5'

export const ROOT = path.resolve(__dirname, '../..')
export const BASELINE_ROOT = path.join(ROOT, 'bench/baseline-app')

export type App = 'app' | 'baseline'
export type Target = 'h5' | 'weapp'

export function appRoot(app: App): string {
  return app === 'app' ? ROOT : BASELINE_ROOT
}

export function distDir(app: App, target: Target): string {
  return path.join(appRoot(app), 'dist', target)
}

function newestMtime(p: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(p)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), 0)
}

function isStale(app: App, target: Target): boolean {
  const marker = path.join(distDir(app, target), target === 'h5' ? 'index.html' : 'app.json')
  if (!fs.existsSync(marker)) return true
  // a PRERENDER weapp build (test/weapp) writes elsewhere; dist/weapp is always a plain production build
  const built = fs.statSync(marker).mtimeMs
  return ['src', 'config'].some((dir) => newestMtime(path.join(appRoot(app), dir)) > built)
}

/** Build `app` for `target` in production mode unless an up-to-date build exists; returns its dist folder. */
export function ensureBuilt(app: App, target: Target): string {
  if (isStale(app, target)) {
    const started = Date.now()
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', target], {
      cwd: appRoot(app),
      env: { ...process.env, NODE_ENV: 'production', PRERENDER: '', TARO_OUTPUT_ROOT: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (result.status !== 0) throw new Error(`taro build --type ${target} (${app}) failed:\n${(result.stdout + result.stderr).slice(-4000)}`)
    // finished as `npm run build:h5` finishes it: home page preloaded, brotli and gzip copies
    if (target === 'h5') finishH5Build(distDir(app, target))
    console.error(`bench: built ${app} ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  return distDir(app, target)
}
