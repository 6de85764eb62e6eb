// `npm start`: build the H5 app if dist/h5 is missing or older than its sources, then serve it at /
// together with the API at /api.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { runServer } from '../main'
import { staleReason } from './build-freshness'

const ROOT = path.resolve(__dirname, '../..')
const DIST = path.join(ROOT, 'dist/h5')
const SOURCES = ['src', 'config'].map((d) => path.join(ROOT, d))

function main(): void {
  const reason = staleReason(DIST, SOURCES)
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
