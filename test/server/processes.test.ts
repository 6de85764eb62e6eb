// Real server processes: configuration errors, graceful shutdown, following publishes made by the
// CLI (SQLite, periodic check) and by another server process (PostgreSQL, LISTEN/NOTIFY).
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { runCli } from '../../server/cli/index'
import { buildManifest, canonicalJson } from '../../server/content/hash'
import { ContentRepository, packHash } from '../../server/content/repository'
import { ADMIN_TOKEN, REQUIRE_SERVICES, createTestDatabase, editedPack, postgresReachable, testDialects } from './helpers'
import { type ServerProcess as Server, killLeftovers, spawnServer, startServer, waitFor } from '../reliability/support'
import { at } from '../../harness/at'

jest.setTimeout(90_000)

afterAll(killLeftovers)

const versionOf = async (server: Server): Promise<string> =>
  ((await (await fetch(`${server.url}/api/v1/health`)).json()) as { version: string }).version

describe('boot', () => {
  test.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }],
    ['ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://ok.example,not a url' }],
  ])('a bad %s stops the server: exit 1, a message naming it, no stack trace', async (variable, env) => {
    const { exited, output } = spawnServer(env)
    expect(await exited).toBe(1)
    expect(output()).toContain(variable)
    expect(output()).not.toMatch(/\n\s+at /)
  })
})

describe('SQLite server process', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-proc-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  test('creates, migrates and seeds its database on first start; follows a CLI publish; exits cleanly on SIGTERM', async () => {
    const file = path.join(tmp, 'db.sqlite')
    const env = { DATABASE_URL: `sqlite://${file}`, CONTENT_POLL_MS: '300' }
    // info logs: the test waits for the server's own word that a request came in and that it is shutting down
    const server = await startServer({ ...env, LOG_LEVEL: 'info' })
    expect(await versionOf(server)).toBe('v1')

    // Another process (here: the CLI, in this test's process) publishes to the same file.
    const packFile = path.join(tmp, 'pack.json')
    fs.writeFileSync(packFile, JSON.stringify(editedPack('2019.6-cli')))
    const quiet = { out: () => undefined, err: () => undefined }
    expect(await runCli(['publish', packFile], env, quiet)).toBe(0)
    await waitFor('the server to serve v2', async () => ((await versionOf(server)) === 'v2' ? true : undefined), 5000)

    // Graceful shutdown: a request in flight when SIGTERM arrives still gets its answer (its
    // headers are in, its body is still coming), then the process exits 0 with the database
    // closed (the WAL file is checkpointed away on close).
    const body = JSON.stringify({ program: 'dibao', area: 'urban', householdSize: 2, monthlyIncome: 500, on: '2019-07-01' })
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1')
    let response = ''
    socket.on('data', (d: Buffer) => (response += d.toString()))
    await new Promise((r) => socket.once('connect', r))
    socket.write(
      `POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    )
    const logged = (text: string) => async () => (server.output().includes(text) ? true : undefined)
    // Fastify logs "incoming request" once the headers are parsed, before it reads the body
    await waitFor('the request to reach the server', logged('"path":"/api/v1/assess"'), 5000)
    server.proc.kill('SIGTERM')
    await waitFor('the server to begin shutting down', logged('shutting down'), 5000)
    expect(server.proc.exitCode).toBeNull() // still finishing the request
    socket.write(body.slice(10))
    expect(await server.exited).toBe(0)
    socket.destroy()
    expect(response).toMatch(/^HTTP\/1\.1 200/)
    expect(response).toContain('"monthlyAllowance":820')
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })
})

const pgAvailable = postgresReachable() || REQUIRE_SERVICES
if (!pgAvailable) {
  console.warn('PostgreSQL is not reachable: skipping the two-server test. Set TEST_DATABASE_URL (or start PostgreSQL) to run it.')
}
;(pgAvailable ? describe : describe.skip)('two server processes on one PostgreSQL', () => {
  test('a publish through one is served by the other within a few seconds (NOTIFY, and the periodic check)', async () => {
    const db = await createTestDatabase('postgres')
    // The schema is migrated but empty: both servers start together and must seed it only once.
    const env = { ...db.env, ADMIN_TOKEN, CONTENT_POLL_MS: '0', CONTENT_LISTEN: '1' }
    let a: Server | undefined
    let b: Server | undefined
    let c: Server | undefined
    try {
      ;[a, b] = await Promise.all([startServer(env), startServer(env)])
      expect(await versionOf(a)).toBe('v1')
      expect(await versionOf(b)).toBe('v1')

      // Polling is off on both: only LISTEN/NOTIFY can tell b about a publish through a.
      const res = await fetch(`${a.url}/api/v1/admin/content`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': '"v1"' },
        body: JSON.stringify(editedPack('2019.6-multi')),
      })
      expect(res.status).toBe(201)
      await waitFor('b to serve v2', async () => ((await versionOf(b!)) === 'v2' ? true : undefined), 5000)
      const manifestA = await (await fetch(`${a.url}/api/v1/content/manifest`)).json()
      const manifestB = await (await fetch(`${b.url}/api/v1/content/manifest`)).json()
      expect(manifestB).toEqual(manifestA)

      // The fallback: a server that does not listen (CONTENT_LISTEN=0, as behind PgBouncer)
      // catches up by the periodic version check alone.
      c = await startServer({ ...env, CONTENT_LISTEN: '0', CONTENT_POLL_MS: '500' })
      const rollback = await fetch(`${b.url}/api/v1/admin/content/rollback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 'v1' }),
      })
      expect(rollback.status).toBe(201)
      for (const server of [a, c]) {
        await waitFor('every server to serve v3', async () => ((await versionOf(server)) === 'v3' ? true : undefined), 5000)
      }
    } finally {
      await Promise.all([a?.stop(), b?.stop(), c?.stop()])
      await db.cleanup()
    }
  })
})

describe.each(testDialects())('a crash in the middle of publishing (%s)', (dialect) => {
  test('SIGKILL during a stream of publishes leaves one whole version current and the history intact', async () => {
    const db = await createTestDatabase(dialect)
    const env = { ...db.env, ADMIN_TOKEN, CONTENT_POLL_MS: '0', CONTENT_LISTEN: '0' }
    try {
      const server = await startServer(env)
      const acknowledged: string[] = []
      let killed = false
      let current = await versionOf(server)
      const body = (i: number) => JSON.stringify(editedPack(`2019.6-crash-${i}`))
      const publishing = (async () => {
        for (let i = 0; ; i++) {
          try {
            const res = await fetch(`${server.url}/api/v1/admin/content`, {
              method: 'POST',
              headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': current },
              body: body(i),
            })
            if (res.status !== 201) throw new Error(`publish answered ${res.status}`)
            current = ((await res.json()) as { version: string }).version
            acknowledged.push(current)
          } catch (error) {
            if (killed) return // the request cut short by the kill
            throw error
          }
        }
      })()
      await waitFor('a few publishes', async () => (acknowledged.length >= 3 ? true : undefined), 20_000)
      killed = true
      server.proc.kill('SIGKILL')
      await Promise.all([server.exited, publishing])

      const restarted = await startServer(env)
      try {
        const version = await versionOf(restarted)
        const history = await new ContentRepository(db.database).history()
        // The current version is the newest one; nothing acknowledged was lost; labels have no gaps.
        expect(at(history, 0).version).toBe(version)
        expect(history.map((v) => v.seq)).toEqual(history.map((_v, i) => history.length - i))
        for (const label of acknowledged) expect(history.map((v) => v.version)).toContain(label)
        // Every stored version is whole: its pack hashes to what was recorded at publish time.
        for (const v of history) {
          const stored = await new ContentRepository(db.database).get(v.version)
          expect(packHash(canonicalJson(stored!.pack))).toBe(v.packHash)
        }
        const manifest = await (await fetch(`${restarted.url}/api/v1/content/manifest`)).json()
        const latest = await new ContentRepository(db.database).get(version)
        expect(manifest.sections).toEqual(buildManifest(latest!.pack, version, 'x').sections)
      } finally {
        await restarted.stop()
      }
    } finally {
      await db.cleanup()
    }
  })
})
