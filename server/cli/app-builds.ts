// What `npm start` serves besides the API, each rebuilt when missing or older than its sources: the
// H5 app at / and the editor console at /admin/. One list for `npm start` and the e2e harness.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { CONSOLE_SOURCE_DIR, staleReason } from './build-freshness'

const ROOT = path.resolve(__dirname, '../..')

export interface AppBuild {
  name: string
  script: string
  dist: string
  sources: string[]
  /** folders under sources that another build owns (the console's src/console is not H5 source) */
  excluded: string[]
}

export const H5_DIST = path.join(ROOT, 'dist/h5')

/** The builds of the tree at root; each depends on its own sources only. */
export function appBuilds(root: string): AppBuild[] {
  const at = (...dirs: string[]) => dirs.map((d) => path.join(root, d))
  return [
    {
      name: 'H5 应用',
      script: 'build:h5',
      dist: path.join(root, 'dist/h5'),
      sources: at('src', 'config'),
      excluded: at(CONSOLE_SOURCE_DIR),
    },
    {
      name: '编辑后台',
      script: 'build:console',
      dist: path.join(root, 'dist/console'),
      sources: at(CONSOLE_SOURCE_DIR, 'src/domain', 'scripts/build-console.ts'),
      excluded: [],
    },
  ]
}

export const APP_BUILDS: readonly AppBuild[] = appBuilds(ROOT)

/** Of these builds, the ones that must be redone, each with the reason. */
export function staleBuilds(builds: readonly AppBuild[] = APP_BUILDS): Array<{ build: AppBuild; reason: string }> {
  return builds.flatMap((build) => {
    const reason = staleReason(build.dist, build.sources, 'index.html', build.excluded)
    return reason ? [{ build, reason }] : []
  })
}

/** Runs `npm run <script>` in production mode; resolves with its exit code and output. */
export function runBuild(build: AppBuild, echo: boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn('npm', ['run', build.script], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', echo ? 'inherit' : 'pipe', echo ? 'inherit' : 'pipe'],
    })
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    child.on('close', (code) => resolve({ code, output }))
  })
}
