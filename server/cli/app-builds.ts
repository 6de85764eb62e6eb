// What `npm start` serves besides the API, each rebuilt when missing or older than its sources: the
// H5 app at / and the editor console at /admin/. One list for `npm start` and the e2e harness.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { staleReason } from './build-freshness'

const ROOT = path.resolve(__dirname, '../..')

export interface AppBuild {
  name: string
  script: string
  dist: string
  sources: string[]
}

export const H5_DIST = path.join(ROOT, 'dist/h5')

export const APP_BUILDS: readonly AppBuild[] = [
  { name: 'H5 应用', script: 'build:h5', dist: H5_DIST, sources: ['src', 'config'].map((d) => path.join(ROOT, d)) },
  {
    name: '编辑后台',
    script: 'build:console',
    dist: path.join(ROOT, 'dist/console'),
    sources: ['src/console', 'src/domain'].map((d) => path.join(ROOT, d)),
  },
]

/** The builds that must be redone, each with the reason. */
export function staleBuilds(): Array<{ build: AppBuild; reason: string }> {
  return APP_BUILDS.flatMap((build) => {
    const reason = staleReason(build.dist, build.sources)
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
