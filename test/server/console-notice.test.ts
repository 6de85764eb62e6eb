// A pasted notice through the console on both dialects: the extractor's proposals become a draft,
// a corrected value keeps its quote and names its corrector, the reviewer sees the diff and the
// plausibility warnings and must confirm them, and the published standard is served by the API.
// The notice (test/fixtures/console-notice-2023.txt) is made up for tests: its 2023 figures are ours.
import fs from 'node:fs'
import path from 'node:path'
import type { DraftContent } from '../../src/domain/review'
import { type Client, type ConsoleTest, createConsoleTest } from './console-helpers'
import { ROOT, testDialects } from './helpers'
import { at } from '../../harness/at'

const NOTICE = fs.readFileSync(path.join(ROOT, 'test/fixtures/console-notice-2023.txt'), 'utf8')

// Every sign-in verifies an argon2id hash (19 MiB, by design slow): allow for a busy machine.
jest.setTimeout(30_000)

describe.each(testDialects())('console notice drafts (%s)', (dialect) => {
  let t: ConsoleTest
  let editor: Client
  let reviewer: Client
  beforeAll(async () => {
    t = await createConsoleTest(dialect)
    editor = await t.addSignedIn('lihua', 'editor')
    reviewer = await t.addSignedIn('wang', 'reviewer')
    // hashing several passwords with argon2id takes a while on a busy machine
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  test('the editor-session ingest preview has no side effect and needs an editor', async () => {
    const res = await editor.request('POST', '/ingest', { text: NOTICE })
    expect(res.statusCode).toBe(200)
    expect(res.json().proposals).toHaveLength(3)
    expect((await reviewer.request('POST', '/ingest', { text: NOTICE })).statusCode).toBe(403)
    const drafts = await editor.request('GET', '/drafts')
    expect(drafts.json().drafts).toEqual([])
  })

  test('paste → correct one value → submit → review with warnings → confirm → publish → served', async () => {
    const created = await editor.request('POST', '/drafts', { text: NOTICE })
    expect(created.statusCode).toBe(201)
    const draft = created.json() as { id: number; title: string; content: DraftContent }
    const notice = draft.content.notice
    if (!notice) throw new Error('no notice in the draft')
    expect(draft.title).toBe('景德镇市人民政府办公室关于提高2023年全市城乡困难群众救助标准的通知')
    expect(notice).toMatchObject({ docNumber: '景府办字〔2023〕12号', issuedOn: '2023-02-10', effectiveFrom: '2023-01-01' })
    expect(notice.values.map((v) => [v.parameterId, v.amountFen])).toEqual([
      ['dibao-urban-standard', 89000],
      ['dibao-rural-standard', 70000],
      ['tekun-urban-support', 116000],
    ])
    for (const v of notice.values) expect(NOTICE.slice(v.quoteStart ?? -1, v.quoteEnd ?? -1)).toBe(v.quote)

    // the editor corrects the rural figure (the notice's 700 is taken as a slip for 470) and adds the location
    const content = structuredClone(draft.content)
    if (!content.notice) throw new Error('no notice')
    content.notice.values[1] = { ...at(content.notice.values, 1), decision: 'corrected', amountFen: 47000 }
    content.notice.location = 'https://www.jdz.gov.cn/'
    const saved = await editor.request('PUT', `/drafts/${draft.id}`, { title: draft.title, content })
    expect(saved.statusCode).toBe(200)
    const rural = saved.json().content.notice.values[1]
    expect(rural).toMatchObject({
      decision: 'corrected',
      amountFen: 47000,
      proposedAmountFen: 70000,
      correctedBy: 'lihua',
      quote: at(notice.values, 1).quote,
    })

    // a quote the editor edited away from the text is refused
    const tampered = structuredClone(content)
    if (!tampered.notice) throw new Error('no notice')
    at(tampered.notice.values, 0).quote = '城市居民最低生活保障标准提高到990元。'
    const refused = await editor.request('PUT', `/drafts/${draft.id}`, { title: draft.title, content: tampered })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.fields[0].field).toBe('content.notice.values[0].quote')

    expect((await editor.request('POST', `/drafts/${draft.id}/submit`, {})).statusCode).toBe(200)
    const review = (await reviewer.request('GET', `/drafts/${draft.id}/review`)).json()
    expect(review.problems).toEqual([])
    expect(review.changes.map((c: { text: string }) => c.text)).toEqual(
      expect.arrayContaining(['城市低保 660 → 890 元/人/月，自2023年1月1日起', '农村低保 400 → 470 元/人/月，自2023年1月1日起']),
    )
    const keys = review.warnings.map((w: { key: string }) => w.key) as string[]
    expect(keys).toEqual(
      expect.arrayContaining([
        'change:dibao-urban-standard:2023-01-01',
        'tekun:tekun-rural-dispersed:2023-01-01',
        'derivation:dibao-rural-standard',
      ]),
    )

    const publish = (confirmed: string[]) =>
      reviewer.request(
        'POST',
        `/drafts/${draft.id}/publish`,
        { changeNote: '2023年救助标准', confirmed },
        { 'if-match': `"${review.baseVersion}"` },
      )
    const unconfirmed = await publish(keys.slice(1))
    expect(unconfirmed.statusCode).toBe(422)
    expect(unconfirmed.json().error.code).toBe('unconfirmed_warnings')
    const published = await publish(keys)
    expect(published.statusCode).toBe(201)

    type Standard = { id: string; value: number; previousValue: number | null; citation: { quote: string } }
    const standardOn = async (on: string) =>
      ((await t.app.inject({ method: 'GET', url: `/api/v1/standards?on=${on}` })).json().standards as Standard[]).find(
        (s) => s.id === 'dibao-urban-standard',
      )
    expect(await standardOn('2023-06-01')).toMatchObject({
      value: 890,
      previousValue: 660,
      citation: { quote: at(notice.values, 0).quote },
    })
    expect(await standardOn('2022-06-01')).toMatchObject({ value: 660 })
    const content2 = (await t.app.inject({ method: 'GET', url: '/api/v1/content/parameters' })).json() as Array<{
      id: string
      values: Array<{ amountFen: number; derivation?: { confirmedBy?: string; explanation: string } }>
    }>
    const ruralValue = content2.find((p) => p.id === 'dibao-rural-standard')?.values.at(-1)
    expect(ruralValue).toMatchObject({ amountFen: 47000, derivation: { confirmedBy: 'wang' } })
    expect(ruralValue?.derivation?.explanation).toContain('lihua')
  })
})
