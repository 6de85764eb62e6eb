// The builds a benchmark compares: this app, and the baseline — the minimal Taro + NutUI app of
// ../shared/toolchain/recipe, copied into bench/baseline-app — built the same way (production, same
// Taro, same node_modules, H5 finished as package.json's build:h5 does). Builds are reused when
// newer than their sources.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { finishH5Build } from '../scripts/after-build-h5'
import { CONSOLE_SOURCE_DIR, staleReason } from '../server/cli/build-freshness'

export const ROOT = path.resolve(__dirname, '..')
export const BASELINE_ROOT = path.join(ROOT, 'bench/baseline-app')

export type App = 'app' | 'baseline'
export type Target = 'h5' | 'weapp'

export function appRoot(app: App): string {
  return app === 'app' ? ROOT : BASELINE_ROOT
}

export function distDir(app: App, target: Target): string {
  return path.join(appRoot(app), 'dist', target)
}

function isStale(app: App, target: Target): boolean {
  // a PRERENDER weapp build (test/weapp) writes elsewhere; dist/weapp is always a plain production build
  const sources = ['src', 'config'].map((dir) => path.join(appRoot(app), dir))
  const excluded = [path.join(appRoot(app), CONSOLE_SOURCE_DIR)]
  return staleReason(distDir(app, target), sources, target === 'h5' ? 'index.html' : 'app.json', excluded) !== null
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
    if (result.status !== 0)
      throw new Error(`taro build --type ${target} (${app}) failed:\n${(result.stdout + result.stderr).slice(-4000)}`)
    // finished as `npm run build:h5` finishes it: home page preloaded, brotli and gzip copies
    if (target === 'h5') finishH5Build(distDir(app, target))
    console.error(`bench: built ${app} ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  return distDir(app, target)
}
