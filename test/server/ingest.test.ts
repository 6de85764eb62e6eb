// POST /api/v1/admin/ingest: the same token as the other admin routes, {text} up to 200 KB (413 naming
// text beyond, however large the body), 400 naming text when it is missing or empty, the ingestion
// result plus the text's hash, and nothing stored.
import fs from 'node:fs'
import path from 'node:path'
import { ingestNotice } from '../../src/domain/ingest'
import { sha256Hex } from '../../server/lib/sha256'
import { INGEST_BODY_LIMIT, INGEST_MAX_TEXT_BYTES } from '../../server/routes/ingest'
import { ROOT, type TestApp, bearer, createTestApp, testDialects } from './helpers'

const notice = fs.readFileSync(path.join(ROOT, 'test/fixtures/notices/n05-unified.txt'), 'utf8')

describe.each(testDialects())('POST /admin/ingest (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  const ingest = (payload: unknown, headers: Record<string, string> = bearer()) =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/ingest', headers, payload: payload as object })

  it('answers the ingestion result with the hash of the text, and stores nothing', async () => {
    const before = await t.repository.history()
    const res = await ingest({ text: notice })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json()
    expect(body).toEqual({ ...ingestNotice(notice), textHash: sha256Hex(notice) })
    expect(body.document.docNumber).toBe('景府字〔2024〕3号')
    expect(body.proposals.map((p: { parameterId: string; amountFen: number }) => [p.parameterId, p.amountFen])).toEqual([
      ['dibao-urban-standard', 86000],
      ['dibao-rural-standard', 86000],
    ])
    for (const p of body.proposals) expect(notice.slice(p.quoteStart, p.quoteEnd)).toBe(p.quote)
    expect(await t.repository.history()).toEqual(before)
  })

  it('computes a multiple of a standard the notice does not restate from the one the server holds, flagged for review', async () => {
    const text =
      '景德镇市民政局关于调整特困人员基本生活标准的通知\n景民字〔2023〕5号\n经研究，决定自2023年7月1日起，城市特困人员基本生活标准按当地城市低保标准的1.3倍确定。\n景德镇市民政局\n2023年6月20日'
    const body = (await ingest({ text })).json()
    expect(body.unmatched).toEqual([])
    expect(body.proposals).toHaveLength(1)
    expect(body.proposals[0]).toMatchObject({ parameterId: 'tekun-urban-support', amountFen: 85_800, needsReview: true })
    expect(body.proposals[0].notes[0]).toContain('按本系统已有的城市居民最低生活保障标准660元（景府办字〔2019〕35号')
  })

  it('needs the admin token: 401 without, 403 with a wrong one', async () => {
    const none = await ingest({ text: notice }, {})
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('unauthorized')
    expect((await ingest({ text: notice }, bearer('not-the-token'))).statusCode).toBe(403)
  })

  it.each([
    ['missing', {}],
    ['empty', { text: '' }],
    ['blank', { text: ' \n\t ' }],
    ['not a string', { text: 42 }],
    ['null', { text: null }],
  ])('text %s → 400 naming text', async (_case, payload) => {
    const res = await ingest(payload)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: { code: 'invalid_input', fields: [{ field: 'text' }] } })
  })

  it('a body that is not an object → 400 naming text', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/ingest',
      headers: { ...bearer(), 'content-type': 'application/json' },
      payload: '["x"]',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual([{ field: 'text', message: expect.any(String) }])
  })

  it('accepts a text of exactly 200 KB, and answers 413 naming text one byte over', async () => {
    const filler = 'a'.repeat(INGEST_MAX_TEXT_BYTES - Buffer.byteLength(notice))
    const atLimit = await ingest({ text: notice + filler })
    expect(atLimit.statusCode).toBe(200)
    expect(atLimit.json().proposals).toHaveLength(2)
    const over = await ingest({ text: `${notice + filler}a` })
    expect(over.statusCode).toBe(413)
    expect(over.json()).toMatchObject({ error: { code: 'text_too_large', fields: [{ field: 'text' }] } })
  })

  it('counts the limit in bytes of the text, not of its JSON escapes', async () => {
    // 200 KB of control characters is 1.2 MB of JSON (\u0001 each): still within the body limit.
    const escaped = JSON.stringify({ text: `${notice}${'\u0001'.repeat(INGEST_MAX_TEXT_BYTES - Buffer.byteLength(notice))}` })
    expect(escaped.length).toBeLessThanOrEqual(INGEST_BODY_LIMIT)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/ingest',
      headers: { ...bearer(), 'content-type': 'application/json' },
      payload: escaped,
    })
    expect(res.statusCode).toBe(200)
  })

  it('answers 413 naming text (not Fastify’s generic error) for a body beyond any acceptable text', async () => {
    const res = await ingest({ text: 'x'.repeat(INGEST_BODY_LIMIT + 10) })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ error: { code: 'text_too_large', fields: [{ field: 'text' }] } })
  })

  it('does not let the ingest route widen the other admin routes’ body limit or skip their checks', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/content/rollback',
      headers: bearer(),
      payload: { version: 'x'.repeat(100_000) },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('body_too_large')
  })
})
