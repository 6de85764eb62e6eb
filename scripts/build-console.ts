// `npm run build:console`: bundles the editor console (src/console) into dist/console, served by the
// server at /admin/. No inline script: index.html loads console.js, so the app's CSP applies as is.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
const CONSOLE_DIST = path.join(ROOT, 'dist/console')

async function main(): Promise<void> {
  fs.rmSync(CONSOLE_DIST, { recursive: true, force: true })
  fs.mkdirSync(CONSOLE_DIST, { recursive: true })
  await build({
    entryPoints: { console: path.join(ROOT, 'src/console/main.tsx') },
    outdir: CONSOLE_DIST,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  })
  fs.copyFileSync(path.join(ROOT, 'src/console/index.html'), path.join(CONSOLE_DIST, 'index.html'))
  const bytes = fs.readdirSync(CONSOLE_DIST).map((f) => `${f} ${fs.statSync(path.join(CONSOLE_DIST, f)).size} B`)
  process.stdout.write(`编辑后台已构建到 dist/console：${bytes.join('，')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`构建编辑后台失败：${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
