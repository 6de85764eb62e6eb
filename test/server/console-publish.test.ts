// Drafts to publication on both dialects: four eyes, the change note, If-Match on the draft's base
// version, a conflicting publish answered 409 with a rebase, history with change notes, rollback.
import { type Client, type ConsoleTest, createConsoleTest, submitDraft } from './console-helpers'
import { contentPack, testDialects } from './helpers'
import { at } from '../../harness/at'

// Every sign-in verifies an argon2id hash (19 MiB, by design slow): allow for a busy machine.
jest.setTimeout(30_000)

describe.each(testDialects())('console publishing (%s)', (dialect) => {
  let t: ConsoleTest
  let editor: Client
  let otherEditor: Client
  let reviewer: Client
  let secondReviewer: Client
  beforeAll(async () => {
    t = await createConsoleTest(dialect)
    editor = await t.addSignedIn('lihua', 'editor')
    otherEditor = await t.addSignedIn('sun', 'editor')
    reviewer = await t.addSignedIn('wang', 'reviewer')
    secondReviewer = await t.addSignedIn('zhou', 'reviewer')
    // hashing several passwords with argon2id takes a while on a busy machine
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  const faq = at(contentPack().faq, 0)

  /** An editor's draft changing the first FAQ answer, submitted for review. */
  function submittedDraft(author: Client, answer: string): Promise<{ id: number; baseVersion: string }> {
    return submitDraft(author, `改答：${answer}`, { faq: [{ ...faq, answer }] })
  }

  const publish = (c: Client, id: number, ifMatch: string, body: object = { changeNote: '更正常见问题的回答' }) =>
    c.request('POST', `/drafts/${id}/publish`, body, { 'if-match': `"${ifMatch}"` })

  test('the review shows the diff in words and no problems', async () => {
    const { id } = await submittedDraft(editor, '先到社区居委会申请。')
    const review = await reviewer.request('GET', `/drafts/${id}/review`)
    expect(review.statusCode).toBe(200)
    expect(review.json().changes).toEqual([{ kind: 'faq', text: `常见问题“${faq.question}”的回答改为：先到社区居委会申请。` }])
    expect(review.json().problems).toEqual([])
    expect(review.json().stale).toBe(false)
  })

  test('four eyes: an author may not publish their own draft, nor may an editor publish at all', async () => {
    await t.addUser('wu', 'reviewer')
    const { id, baseVersion } = await submittedDraft(editor, '四眼原则。')
    const byEditor = await publish(editor, id, baseVersion)
    expect(byEditor.statusCode).toBe(403)
    // a reviewer's own draft: reviewers cannot write drafts, so the check is on the author id too
    const ownRow = await t.db.database.db.selectFrom('console_user').select('id').where('name', '=', 'wang').executeTakeFirstOrThrow()
    await t.db.database.db.updateTable('console_draft').set({ author_id: ownRow.id }).where('id', '=', id).execute()
    const own = await publish(reviewer, id, baseVersion)
    expect(own.statusCode).toBe(403)
    expect(own.json().error.code).toBe('four_eyes')
    const denied = await t.db.database.db
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'denied')
      .where('draft_id', '=', id)
      .execute()
    expect(denied.map((d) => d.actor)).toContain('wang')
  })

  test('publishing needs a change note, If-Match, and a submitted draft', async () => {
    const { id, baseVersion } = await submittedDraft(otherEditor, '需要修改说明。')
    expect((await publish(reviewer, id, baseVersion, { changeNote: '  ' })).statusCode).toBe(400)
    expect((await reviewer.request('POST', `/drafts/${id}/publish`, { changeNote: '说明' })).statusCode).toBe(428)
    expect((await publish(reviewer, id, 'v999')).statusCode).toBe(412)
    const created = await editor.request('POST', '/drafts', { title: '未提交' })
    expect((await publish(reviewer, created.json().id, baseVersion)).statusCode).toBe(409)
  })

  test('a publish goes live, is in the history with its note and in the audit log', async () => {
    const { id, baseVersion } = await submittedDraft(editor, '发布后的新回答。')
    const res = await publish(reviewer, id, baseVersion, { changeNote: '按2023年新规定改写回答' })
    expect(res.statusCode).toBe(201)
    const version = res.json().version as string
    const served = await t.app.inject({ method: 'GET', url: '/api/v1/content/faq' })
    expect(served.body).toContain('发布后的新回答。')
    const history = (await reviewer.request('GET', '/history')).json()
    expect(history.current).toBe(version)
    expect(history.versions[0]).toMatchObject({ version, by: 'wang', draftId: id, changeNote: '按2023年新规定改写回答' })
    const audit = await t.db.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'publish')
      .where('version', '=', version)
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor: 'wang', draft_id: id })
    expect(JSON.parse(audit.detail)).toMatchObject({ changeNote: '按2023年新规定改写回答', author: 'lihua', base: baseVersion })
  })

  test('two drafts on the same version: the second publish is a 409 conflict, rebase lets it through', async () => {
    const a = await submittedDraft(editor, '第一份草稿。')
    const b = await submittedDraft(otherEditor, '第二份草稿。')
    expect(a.baseVersion).toBe(b.baseVersion)
    expect((await publish(reviewer, a.id, a.baseVersion)).statusCode).toBe(201)
    const conflict = await publish(secondReviewer, b.id, b.baseVersion)
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.code).toBe('version_conflict')
    expect(conflict.json().error.message).toMatch(/重新比对/)
    const review = (await secondReviewer.request('GET', `/drafts/${b.id}/review`)).json()
    expect(review.stale).toBe(true)
    const rebased = await secondReviewer.request('POST', `/drafts/${b.id}/rebase`, {})
    expect(rebased.statusCode).toBe(200)
    const newBase = rebased.json().baseVersion as string
    expect(newBase).not.toBe(b.baseVersion)
    const after = (await secondReviewer.request('GET', `/drafts/${b.id}/review`)).json()
    expect(after.changes[0].text).toContain('第二份草稿。')
    expect((await publish(secondReviewer, b.id, newBase)).statusCode).toBe(201)
    const conflicts = await t.db.database.db.selectFrom('audit_log').select('draft_id').where('action', '=', 'publish.conflict').execute()
    expect(conflicts.map((c) => Number(c.draft_id))).toContain(b.id)
  })

  test('rollback needs a reviewer, If-Match and a reason, and is recorded', async () => {
    const history = (await reviewer.request('GET', '/history')).json()
    const target = history.versions.at(-1).version as string
    expect(
      (await editor.request('POST', '/rollback', { version: target, changeNote: '回滚' }, { 'if-match': history.current })).statusCode,
    ).toBe(403)
    expect((await reviewer.request('POST', '/rollback', { version: target, changeNote: '回滚' }, { 'if-match': 'v1' })).statusCode).toBe(
      409,
    )
    const res = await reviewer.request(
      'POST',
      '/rollback',
      { version: target, changeNote: '新回答有误，先恢复' },
      { 'if-match': history.current },
    )
    expect(res.statusCode).toBe(201)
    const after = (await reviewer.request('GET', '/history')).json()
    expect(after.versions[0]).toMatchObject({ kind: 'rollback', restoredFrom: target, changeNote: '新回答有误，先恢复', by: 'wang' })
  })

  test('a draft started without a notice cannot gain one later (the text is fixed at creation)', async () => {
    const created = await editor.request('POST', '/drafts', { title: '无通知' })
    const res = await editor.request('PUT', `/drafts/${created.json().id}`, {
      title: '无通知',
      content: { notice: { text: '通知', sourceId: 'x-notice', values: [] } },
    })
    expect(res.statusCode).toBe(422)
  })
})
