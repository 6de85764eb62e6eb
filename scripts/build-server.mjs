#!/usr/bin/env node
// `npm run build:server`: the server (and its CLI) as plain JavaScript for production, one bundle each
// in dist/server/ (main.js, cli.js, and the worker threads' entries pack-worker.js and sqlite-worker.js,
// which server/lib/worker-thread.ts looks for beside the bundle). Our TypeScript (server/ and the src/domain it imports) is
// compiled in; packages stay as require() calls resolved from node_modules, so an
// `npm ci --omit=dev` install is all a deployment needs (see docs/DEPLOY.md). `npm run server`
// keeps running the TypeScript directly for development.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// an output directory may be given (the deployment test builds into a scratch directory)
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist/server'))
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: {
    main: 'server/main.ts',
    cli: 'server/cli/index.ts',
    'pack-worker': 'server/content/pack-worker.ts',
    'sqlite-worker': 'server/db/sqlite-worker.ts',
  },
  outdir,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
})
console.log(
  `built ${path.relative(process.cwd(), outdir) || '.'}/main.js, cli.js and the worker entries (run with node --enable-source-maps)`,
)
