// `npm start`: build the H5 app if dist/h5 is missing or older than its sources, then serve it at /
// together with the API at /api.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runServer } from '../main'

const ROOT = path.resolve(__dirname, '../..')
const DIST = path.join(ROOT, 'dist/h5')
const SOURCES = ['src', 'config'].map((d) => path.join(ROOT, d))

/** The newest modification time of any file under these directories. */
export function newestMtime(dirs: string[]): number {
  let newest = 0
  const walk = (p: string) => {
    let stat: fs.Stats
    try {
      stat = fs.statSync(p)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) walk(path.join(p, name))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  dirs.forEach(walk)
  return newest
}

/** Why the build is needed, or null when dist/h5 is up to date. */
export function buildReason(dist: string = DIST, sources: string[] = SOURCES): string | null {
  const index = path.join(dist, 'index.html')
  if (!fs.existsSync(index)) return `${path.relative(ROOT, dist)} 不存在`
  if (fs.statSync(index).mtimeMs < newestMtime(sources)) return 'src/ 或 config/ 比上次构建新'
  return null
}

function main(): void {
  const reason = buildReason()
  if (reason) {
    process.stdout.write(`构建 H5 应用（${reason}）：npm run build:h5 …\n`)
    const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (result.status !== 0) {
      process.stderr.write(`H5 应用构建失败（退出码 ${result.status ?? result.signal}），请查看上面的输出\n`)
      process.exit(1)
    }
  }
  runServer({ ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? DIST }).catch((error: unknown) => {
    process.stderr.write(`服务启动失败：${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}

if (require.main === module) main()
