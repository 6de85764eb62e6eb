// `npm start`: build the H5 app and the editor console when missing or older than their sources, then
// serve the app at /, the console at /admin/ and the API at /api.
import { runServer } from '../main'
import { H5_DIST, runBuild, staleBuilds } from './app-builds'

async function main(): Promise<void> {
  for (const { build, reason } of staleBuilds()) {
    process.stdout.write(`构建${build.name}（${reason}）：npm run ${build.script} …\n`)
    const result = await runBuild(build, true)
    if (result.code !== 0) {
      process.stderr.write(`${build.name}构建失败（退出码 ${result.code}），请查看上面的输出\n`)
      process.exit(1)
    }
  }
  await runServer({ ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? H5_DIST })
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`服务启动失败：${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
