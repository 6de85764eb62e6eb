// Service guides through the console on both dialects: an editor's draft changes a guide's fee and
// promised time limit and adds a new guide; the reviewer sees both in words, publishes, and the
// public API serves them. An incomplete guide is refused with the field named, as the form says it.
import { guideOf } from '../../src/domain/review'
import { type Client, type ConsoleTest, createConsoleTest, submitDraft } from './console-helpers'
import { contentPack, testDialects } from './helpers'
import { at } from '../../harness/at'

// Every sign-in verifies an argon2id hash (19 MiB, by design slow): allow for a busy machine.
jest.setTimeout(30_000)

const published = contentPack().services.find((s) => s.id === 'dibao-application') ?? at(contentPack().services, 0)

const newGuide = {
  id: 'burial-subsidy',
  name: '困难群众丧葬补助申领',
  department: '县（市、区）民政局',
  mode: 'zhi-pao-yici',
  applicants: '低保、特困人员去世后的家属',
  conditions: ['去世人员生前为低保或特困供养对象'],
  materials: [{ id: 'death-proof', name: '死亡证明', copies: 1, form: 'copy' }],
  steps: [{ title: '申请', detail: '家属到乡镇（街道）民政窗口申请。' }],
  timeLimit: { statutory: '未规定', promised: '10个工作日' },
  fee: '不收费',
  channels: [{ kind: 'window', name: '乡镇（街道）便民服务中心', detail: '携带材料到民政窗口办理。' }],
  legalBasis: ['《社会救助暂行办法》'],
  office: { name: '便民服务中心', address: '户籍所在地', hours: '法定工作日', phone: '12345' },
  source: { description: '编辑根据窗口告知整理', verified: false },
}

describe.each(testDialects())('service guides in the console (%s)', (dialect) => {
  let t: ConsoleTest
  let editor: Client
  let reviewer: Client
  beforeAll(async () => {
    t = await createConsoleTest(dialect)
    editor = await t.addSignedIn('lihua', 'editor')
    reviewer = await t.addSignedIn('wang', 'reviewer')
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  test('a draft changing a guide and adding one goes through review and publish; the API serves both', async () => {
    const changed = { ...guideOf(published), fee: '不收费', timeLimit: { statutory: '30个工作日', promised: '15个工作日' } }
    const { id, baseVersion } = await submitDraft(editor, '低保办事指南更新', { services: [changed, newGuide] })

    const review = (await reviewer.request('GET', `/drafts/${id}/review`)).json()
    expect(review.problems).toEqual([])
    expect(review.changes.map((c: { text: string }) => c.text)).toEqual([
      `办事指南“${published.name}”的法定办结时限改为：30个工作日`,
      `办事指南“${published.name}”的承诺办结时限改为：15个工作日`,
      `办事指南“${published.name}”的收费改为：不收费`,
      '新增办事指南“困难群众丧葬补助申领”（只跑一次，县（市、区）民政局）：服务对象 低保、特困人员去世后的家属；收费 不收费；承诺时限 10个工作日；材料 1 项；办理地点 便民服务中心',
    ])

    const publish = await reviewer.request(
      'POST',
      `/drafts/${id}/publish`,
      { changeNote: '更新低保申请的收费和时限，新增丧葬补助指南' },
      { 'if-match': `"${baseVersion}"` },
    )
    expect(publish.statusCode).toBe(201)

    const served = await t.app.inject({ method: 'GET', url: '/api/v1/content/services' })
    expect(served.statusCode).toBe(200)
    const services = served.json() as Array<{ id: string; fee: string; timeLimit: object; relatedParameterIds: string[] }>
    expect(services.find((s) => s.id === published.id)).toMatchObject({
      fee: '不收费',
      timeLimit: { statutory: '30个工作日', promised: '15个工作日' },
      relatedParameterIds: published.relatedParameterIds,
    })
    expect(services.find((s) => s.id === 'burial-subsidy')).toMatchObject({ ...newGuide, relatedParameterIds: [] })
  })

  test('an empty fee is refused on save, naming the field in Chinese', async () => {
    const { id } = (await editor.request('POST', '/drafts', { title: '空的收费' })).json() as { id: number }
    const res = await editor.request('PUT', `/drafts/${id}`, {
      title: '空的收费',
      content: { services: [{ ...guideOf(published), fee: '  ' }] },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toContainEqual({ field: 'content.services[0].fee', message: '请填写收费标准（不收费请写“不收费”）' })
  })

  test('an incomplete new guide is named field by field on the review page and cannot be published', async () => {
    const { id, baseVersion } = await submitDraft(editor, '不完整的新指南', { services: [{ id: 'half-written', name: '写了一半的指南' }] })
    const review = (await reviewer.request('GET', `/drafts/${id}/review`)).json()
    expect(review.problems).toContainEqual({ field: 'services[0].department', message: '请填写受理部门' })
    expect(review.problems).toContainEqual({ field: 'services[0].office', message: '请填写办理地点' })
    const publish = await reviewer.request('POST', `/drafts/${id}/publish`, { changeNote: '试发布' }, { 'if-match': `"${baseVersion}"` })
    expect(publish.statusCode).toBe(422)
    expect(publish.json().error.code).toBe('invalid_draft')
  })
})
