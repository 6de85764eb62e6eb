// Restarts keep the published version and its history; the CLI's export → publish round-trips to an
// identical pack; CLI exit codes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../../server/app'
import { EXIT, type CliIo, runCli } from '../../server/cli/index'
import { buildManifest, canonicalJson } from '../../server/content/hash'
import { openDatabase } from '../../server/db/database'
import { bearer, contentPack, createTestDatabase, editedPack, testConfig, testDialects, type TestDatabase } from './helpers'

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) }
}

describe.each(testDialects())('persistence and CLI (%s)', (dialect) => {
  let db: TestDatabase
  let tmp: string
  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-cli-'))
  })
  afterAll(async () => {
    await db?.cleanup()
    fs.rmSync(tmp, { recursive: true, force: true })
  })
  const cli = async (...argv: string[]) => {
    const io = captureIo()
    const code = await runCli(argv, db.env, io)
    return { code, ...io }
  }

  test('CLI publish (content/ by default), then identical content is not republished', async () => {
    const first = await cli('publish')
    expect(first.stderr).toEqual([])
    expect(first.code).toBe(EXIT.ok)
    expect(first.stdout.join('\n')).toMatch(/已发布 v1/)
    const again = await cli('publish', 'content')
    expect(again.code).toBe(EXIT.ok)
    expect(again.stdout.join('\n')).toMatch(/相同/)
    // a weak or wildcard --if-match is refused as over HTTP
    for (const tag of ['*', 'W/"v1"']) {
      const refused = await cli('publish', 'content', '--if-match', tag)
      expect(refused.code).toBe(EXIT.usage)
      expect(refused.stderr.join('\n')).toMatch(/If-Match/)
    }
  })

  test('a restart keeps the published version and the history', async () => {
    // publish v2 through one app, close everything, reopen the same database
    const database = await openDatabase(db.target)
    const app = await buildApp({ config: testConfig(db.target), db: database })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/content',
      headers: { ...bearer(), 'if-match': 'v1' },
      payload: editedPack('2019.6-restart'),
    })
    expect(res.statusCode).toBe(201)
    const manifestBefore = (await app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()
    await app.close()
    await database.close()

    const reopened = await openDatabase(db.target)
    const again = await buildApp({ config: testConfig(db.target), db: reopened })
    const health = (await again.inject({ method: 'GET', url: '/api/v1/health' })).json()
    expect(health).toMatchObject({ version: 'v2', packVersion: '2019.6-restart' })
    expect((await again.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json()).toEqual(manifestBefore)
    const history = (await again.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: bearer() })).json()
    expect(history.versions.map((v: { version: string }) => v.version)).toEqual(['v2', 'v1'])
    await again.close()
    await reopened.close()
  })

  test('export then publish round-trips to an identical pack', async () => {
    const file = path.join(tmp, 'backup.json')
    const exported = await cli('export', file)
    expect(exported.code).toBe(EXIT.ok)
    const backup = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(backup.manifest.version).toBe('v2')
    expect(backup.pack.meta.version).toBe('2019.6-restart')

    // move on to other content, then restore the backup
    expect((await cli('publish', 'content')).code).toBe(EXIT.ok) // v3: content/ again
    const restored = await cli('publish', file)
    expect(restored.code).toBe(EXIT.ok)
    expect(restored.stdout.join('\n')).toMatch(/已发布 v4/)

    const second = path.join(tmp, 'second.json')
    expect((await cli('export', second)).code).toBe(EXIT.ok)
    const roundTripped = JSON.parse(fs.readFileSync(second, 'utf8'))
    expect(canonicalJson(roundTripped.pack)).toBe(canonicalJson(backup.pack))
    expect(roundTripped.manifest.sections).toEqual(backup.manifest.sections)
    expect(roundTripped.manifest.sections).toEqual(buildManifest(editedPack('2019.6-restart'), 'x', 'y').sections)
  })

  test('history and rollback from the CLI', async () => {
    const history = await cli('history')
    expect(history.code).toBe(EXIT.ok)
    expect(history.stdout[0]).toMatch(/^\* v4 /)
    expect(history.stdout).toHaveLength(4)

    const rolled = await cli('rollback', 'v1')
    expect(rolled.code).toBe(EXIT.ok)
    expect(rolled.stdout.join('\n')).toMatch(/v5 恢复了 v1/)
    const unknown = await cli('rollback', 'v77')
    expect(unknown.code).toBe(EXIT.failed)
    const stale = await cli('rollback', 'v2', '--if-match', 'v3')
    expect(stale.code).toBe(EXIT.failed)
    expect(stale.stderr.join('\n')).toMatch(/版本冲突/)
  })

  test('publish --if-match with a stale version is a conflict (exit 1), nothing changes', async () => {
    const res = await cli('publish', 'content', '--if-match', 'v1')
    expect(res.code).toBe(EXIT.failed)
    expect((await cli('history')).stdout[0]).toMatch(/^\* v5 /)
  })
})

describe('CLI without a database', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-cli-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
  const cli = async (...argv: string[]) => {
    const io = captureIo()
    return { code: await runCli(argv, { DATABASE_URL: `sqlite://${tmp}/cli.sqlite` }, io), ...io }
  }

  test('validate: 0 for a good pack, 1 listing problems for a bad one, 2 for a missing file', async () => {
    const good = path.join(tmp, 'good.json')
    fs.writeFileSync(good, JSON.stringify(contentPack()))
    expect((await cli('validate', good)).code).toBe(EXIT.ok)

    const bad = path.join(tmp, 'bad.json')
    const pack = contentPack() as unknown as { meta: { asOf: string }; policies: unknown }
    pack.meta.asOf = 'soon'
    pack.policies = 'none'
    fs.writeFileSync(bad, JSON.stringify(pack))
    const res = await cli('validate', bad)
    expect(res.code).toBe(EXIT.failed)
    expect(res.stderr.join('\n')).toMatch(/meta\.asOf/)
    expect(res.stderr.join('\n')).toMatch(/policies/)

    const notJson = path.join(tmp, 'broken.json')
    fs.writeFileSync(notJson, '{"meta":')
    expect((await cli('validate', notJson)).code).toBe(EXIT.failed)
    expect((await cli('validate', path.join(tmp, 'missing.json'))).code).toBe(EXIT.usage)
  })

  test('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(EXIT.usage)
    expect((await cli('frobnicate')).code).toBe(EXIT.usage)
    expect((await cli('validate')).code).toBe(EXIT.usage)
    expect((await cli('rollback')).code).toBe(EXIT.usage)
    expect((await cli('publish', '--if-match')).code).toBe(EXIT.usage)
    expect((await cli('help')).code).toBe(EXIT.ok)
  })

  test('a bad DATABASE_URL exits 2 naming the variable', async () => {
    const io = captureIo()
    const code = await runCli(['history'], { DATABASE_URL: 'mysql://nope' }, io)
    expect(code).toBe(EXIT.usage)
    expect(io.stderr.join('\n')).toMatch(/DATABASE_URL/)
  })

  test('export with nothing published exits 1', async () => {
    expect((await cli('export', path.join(tmp, 'out.json'))).code).toBe(EXIT.failed)
  })
})
