// SQL and script injection attempts are data, never code: a pack whose text holds <script>, a
// DROP TABLE and HTML is published, stored and served verbatim as JSON strings (JSON content type,
// never text/html), found by search, and the tables are all still there; the same strings in `q`, in
// path ids and in a rollback target are answered as text too. (The browser half — the app renders it
// as text, not markup — belongs to the e2e suite.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import { type ContentPack, SECTION_NAMES } from '../../src/domain'
import { validatePack } from '../../src/domain/validate'
import { buildApp } from '../../server/app'
import { runCli } from '../../server/cli/index'
import { readSourceTexts } from '../../server/content/pack-files'
import { type TestApp, bearer, createTestApp, testConfig, testDialects } from '../server/helpers'
import { pctEncode } from './arbitraries'
import { INJECTIONS, injectedPack } from './injection-pack'
import { report } from './support'
import { at } from '../../harness/at'

function expectJson(res: LightMyRequestResponse): void {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(res.headers['x-content-type-options']).toBe('nosniff')
}

describe.each(testDialects())('injection attempts are text (%s)', (dialect) => {
  let t: TestApp
  let checks = 0
  const pack = injectedPack()
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url })
    expect(res.statusCode).toBeLessThan(500)
    expectJson(res)
    checks++
    return res
  }

  async function tables(): Promise<string[]> {
    const db = t.db.database.db
    if (dialect === 'sqlite') {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
      return rows.map((r) => r.name)
    }
    const { rows } = await sql<{
      name: string
    }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db)
    return rows.map((r) => r.name)
  }
  let tablesBefore: string[]

  beforeAll(async () => {
    t = await createTestApp(dialect)
    tablesBefore = await tables()
    expect(tablesBefore).toEqual(expect.arrayContaining(['content_pointer', 'content_version']))
  })
  afterAll(async () => {
    report(`injection (${dialect})`, { strings: INJECTIONS.length, checks, tables: tablesBefore?.join(',') })
    await t?.close()
  })

  test('the pack validates with the strings in it and publishes', async () => {
    expect(validatePack(JSON.parse(JSON.stringify(pack)), readSourceTexts()).ok).toBe(true)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/content',
      headers: { ...bearer(), 'if-match': 'v1' },
      payload: pack,
    })
    expect(res.statusCode).toBe(201)
    expectJson(res)
  })

  test('every table is still there, with exactly the rows expected', async () => {
    expect(await tables()).toEqual(tablesBefore)
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from content_version`.execute(t.db.database.db)
    expect(Number(at(rows, 0).n)).toBe(2)
    const pointer = await t.repository.currentPointer()
    expect(pointer?.version).toBe('v2')
  })

  test('sections serve the strings verbatim as JSON strings', async () => {
    const faq = (await get('/api/v1/content/faq')).json() as ContentPack['faq']
    const item = faq.find((f) => f.id === 'injection-test')
    expect(item?.answer).toBe(`答案：${INJECTIONS.join(' ')}`)
    expect(item?.question).toBe(`注入测试 ${INJECTIONS[0]}`)
    const newsRes = await get('/api/v1/content/news')
    expect(at(newsRes.json() as ContentPack['news'], 0).title).toBe(`新闻 ${INJECTIONS[2]}`)
    // the bytes on the wire are the JSON encoding of the string, nothing rewritten or stripped
    expect(newsRes.body).toContain(JSON.stringify(`新闻 ${INJECTIONS[2]}`))
    const policy = (await get(`/api/v1/policies/${at(pack.policies, 0).id}`)).json() as ContentPack['policies'][number]
    expect(policy.summary).toBe(at(pack.policies, 0).summary)
    const service = (await get(`/api/v1/services/${at(pack.services, 0).id}`)).json() as ContentPack['services'][number]
    expect(service.fee).toBe(`不收费 ${INJECTIONS[4]}`)
    for (const name of SECTION_NAMES) await get(`/api/v1/content/${name}`)
  })

  test('search finds the text, and hostile queries are only words', async () => {
    const hits = async (q: string) => {
      const res = await get(`/api/v1/search?q=${pctEncode(q)}`)
      expect(res.statusCode).toBe(200)
      return (res.json() as { results: { kind: string; id: string }[] }).results.map((r) => `${r.kind}:${r.id}`)
    }
    expect(await hits('DROP TABLE content_version')).toContain('faq:injection-test')
    expect(await hits('alert(1)')).toContain('faq:injection-test')
    expect(await hits('注入测试')).toContain('faq:injection-test')
    for (const q of INJECTIONS) await hits(q)
    const policies = (await get(`/api/v1/policies?q=${pctEncode('DROP TABLE')}`)).json() as { items: { id: string }[] }
    expect(policies.items.map((p) => p.id)).toContain(at(pack.policies, 0).id)
    const services = await get(`/api/v1/services?q=${pctEncode(at(INJECTIONS, 4))}`)
    expect(services.statusCode).toBe(200)
  })

  test('the strings as path ids and rollback targets are unknown ids, answered in JSON', async () => {
    for (const text of INJECTIONS) {
      for (const base of ['/api/v1/policies/', '/api/v1/services/', '/api/v1/standards/', '/api/v1/content/']) {
        const res = await get(`${base}${pctEncode(text)}`)
        expect([404, 414]).toContain(res.statusCode)
      }
      const rollback = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/content/rollback',
        headers: bearer(),
        payload: { version: text },
      })
      // unknown version, or (over 64 characters) not a version at all
      expect(rollback.statusCode).toBe(text.length > 64 ? 400 : 404)
      expectJson(rollback)
      const ifMatch = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/content',
        headers: { ...bearer(), 'if-match': text },
        payload: pack,
      })
      expect(ifMatch.statusCode).toBe(412)
    }
    expect(await tables()).toEqual(tablesBefore)
    expect((await t.repository.history()).map((v) => v.version)).toEqual(['v2', 'v1'])
  })

  test('stored verbatim: the row, a restart and a CLI export give the same strings back', async () => {
    const { rows } = await sql<{ pack_json: string }>`select pack_json from content_version where seq = 2`.execute(t.db.database.db)
    const stored = JSON.parse(at(rows, 0).pack_json) as ContentPack
    expect(stored.faq.find((f) => f.id === 'injection-test')?.answer).toBe(`答案：${INJECTIONS.join(' ')}`)

    const again = await buildApp({ config: testConfig(t.db.target), db: t.db.database })
    const faq = (await again.inject({ method: 'GET', url: '/api/v1/content/faq' })).json() as ContentPack['faq']
    expect(faq.find((f) => f.id === 'injection-test')?.question).toBe(`注入测试 ${INJECTIONS[0]}`)
    await again.close()

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-inject-'))
    try {
      const file = path.join(dir, 'export.json')
      const quiet = { out: () => undefined, err: () => undefined }
      expect(await runCli(['export', file], t.db.env, quiet)).toBe(0)
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { pack: ContentPack }
      expect(at(exported.pack.news, 0).title).toBe(`新闻 ${INJECTIONS[2]}`)
      expect(at(exported.pack.policies, 0).summary).toBe(at(pack.policies, 0).summary)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
