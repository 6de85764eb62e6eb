// The production path of docs/DEPLOY.md: `npm ci --omit=dev` next to the built server
// (`npm run build:server` → dist/server/main.js) is enough to start it, seed its database from
// content/ and answer requests. A package the server needs at run time but lists under
// devDependencies, or a path that only works from the TypeScript sources, fails here.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort, waitFor } from '../reliability/support'
import { editedPack } from '../server/helpers'

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '../..')

jest.setTimeout(10 * 60_000)

let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-deploy-'))
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file))
  // the lockfile's overrides point at ./stubs; the server seeds an empty database from content/
  for (const folder of ['stubs', 'content']) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true })
  await run(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), path.join(dir, 'dist/server')], { cwd: ROOT })
  // --offline: from the npm cache the development install filled (a CI cache miss fails loudly)
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  // With no network for its prebuilt binary, better-sqlite3's install script compiles it from source
  // (minutes on two cores, 18 under load). The development install already compiled the same version
  // for the same Node, so the test reuses that binary; what it proves is which packages get installed.
  const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
  fs.mkdirSync(path.dirname(path.join(dir, binary)), { recursive: true })
  fs.copyFileSync(path.join(ROOT, binary), path.join(dir, binary))
})

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

test('the install holds no development packages', () => {
  for (const dev of ['typescript', 'tsx', 'jest', '@tarojs/cli', 'esbuild']) {
    expect({ dev, installed: fs.existsSync(path.join(dir, 'node_modules', dev)) }).toEqual({ dev, installed: false })
  }
  for (const runtime of ['fastify', 'kysely', 'better-sqlite3', 'pg', 'zod']) {
    expect({ runtime, installed: fs.existsSync(path.join(dir, 'node_modules', runtime)) }).toEqual({ runtime, installed: true })
  }
})

test('the built server starts from it, seeds its database and serves content', async () => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // only what a deployment sets: nothing from this checkout's node_modules or tsx
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    NODE_ENV: 'production' as const,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `sqlite://${path.join(dir, 'data.sqlite')}`,
    LOG_LEVEL: 'warn',
    ADMIN_TOKEN: 'deploy-test-admin-token-0123456789',
  }
  const proc: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve))
  try {
    await waitFor(
      'the built server to answer /health',
      async () => {
        if (proc.exitCode !== null) throw new Error(`the built server exited ${proc.exitCode}:\n${output}`)
        const res = await fetch(`${url}/api/v1/health`).catch(() => null)
        return res?.status === 200 ? true : undefined
      },
      60_000,
    )
    const health = (await (await fetch(`${url}/api/v1/health`)).json()) as { version: string }
    expect(health.version).toBe('v1')

    const res = await fetch(`${url}/api/v1/policies?q=${encodeURIComponent('低保 特困供养')}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { id: string }[] }
    expect(body.items.map((p) => p.id)).toContain('relief-standards-2019')

    // a publish runs in the built worker entries (pack-worker.js parses and validates, sqlite-worker.js writes)
    const headers = { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'if-match': '"v1"', 'content-type': 'application/json' }
    const published = await fetch(`${url}/api/v1/admin/content`, { method: 'POST', headers, body: JSON.stringify(editedPack('deploy-2')) })
    expect({ status: published.status, body: await published.text() }).toMatchObject({ status: 201 })
    const invalid = await fetch(`${url}/api/v1/admin/content`, {
      method: 'POST',
      headers: { ...headers, 'if-match': '"v2"' },
      body: '{"meta":{}}',
    })
    expect(invalid.status).toBe(422)
    expect(((await (await fetch(`${url}/api/v1/health`)).json()) as { version: string }).version).toBe('v2')

    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL')
  }
})
