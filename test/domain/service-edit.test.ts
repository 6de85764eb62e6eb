// Service guides in drafts: every field the console form edits shows in the review diff in words,
// a new guide is added whole (or named field by field when incomplete), and the pack still validates.
import { readSourceTexts } from '../../server/content/pack-files'
import {
  applyDraft,
  blankGuide,
  describeChanges,
  draftContentSchema,
  guideOf,
  serviceGuideProblems,
  serviceGuideSchema,
} from '../../src/domain/review'
import { validatePack } from '../../src/domain/validate'
import { contentPack } from '../server/helpers'
import { at } from '../../harness/at'

const options = { today: '2026-12-01', version: 'test-1', reviewer: null, confirmed: new Set<string>() }
const base = contentPack()
const service = base.services.find((s) => s.id === 'dibao-application') ?? at(base.services, 0)

test('each editable field of a guide, changed, is one sentence of the diff', () => {
  const guide = guideOf(service)
  const next = {
    ...guide,
    department: '乡镇人民政府',
    mode: 'yici-bupao' as const,
    applicants: '困难家庭',
    conditions: [...guide.conditions.slice(1), '新的条件'],
    materials: [{ ...at(guide.materials, 0), copies: 2 }, ...guide.materials.slice(2)],
    steps: [...guide.steps].reverse(),
    timeLimit: { statutory: '30个工作日', promised: '20个工作日' },
    fee: '不收费',
    channels: guide.channels.slice(0, 1),
    legalBasis: [...guide.legalBasis, '《江西省最低生活保障办法》'],
    office: { name: '便民服务中心', address: '珠山区某路1号', hours: '周一至周五', phone: '0798-1234567' },
    source: { description: '按市民政局办事指南', verified: true, reformRef: '景府办字〔2019〕35号' },
  }
  const draft = draftContentSchema.parse({ services: [next] })
  const { pack, problems } = applyDraft(base, draft, options)
  expect(problems).toEqual([])
  const texts = describeChanges(base, pack).map((c) => c.text)
  const name = `办事指南“${service.name}”`
  expect(texts).toEqual(
    expect.arrayContaining([
      `${name}的受理部门改为：乡镇人民政府`,
      `${name}的办理方式由“只跑一次”改为“一次不跑”`,
      `${name}的服务对象改为：困难家庭`,
      `${name}删去申请条件：${guide.conditions[0]}`,
      `${name}新增申请条件：新的条件`,
      `${name}删去材料：“${at(guide.materials, 1).name}”（${'原件1份'}；${at(guide.materials, 1).note}）`,
      `${name}的法定办结时限改为：30个工作日`,
      `${name}的承诺办结时限改为：20个工作日`,
      `${name}的收费改为：不收费`,
      `${name}新增办理依据：《江西省最低生活保障办法》`,
      `${name}的办理地点改为：便民服务中心`,
      `${name}的地址改为：珠山区某路1号`,
      `${name}的办公时间改为：周一至周五`,
      `${name}的咨询电话改为：0798-1234567`,
      `${name}的信息来源改为：按市民政局办事指南`,
      `${name}改为已向办理部门核实`,
      `${name}的改革依据改为：景府办字〔2019〕35号`,
    ]),
  )
  expect(texts.some((t) => t.startsWith(`${name}的办理步骤顺序改为：`))).toBe(true)
  expect(texts.some((t) => t.startsWith(`${name}删去办理渠道：网上办理·`))).toBe(true)
  expect(texts).toContain(
    `${name}的材料“${at(guide.materials, 0).name}”改为：“${at(guide.materials, 0).name}”（原件2份；${at(guide.materials, 0).note}）`,
  )
  expect(texts.filter((t) => /(删去|新增)材料/.test(t))).toHaveLength(1)
  expect(validatePack(pack, readSourceTexts())).toMatchObject({ ok: true })
  // the name last, so the sentences above could use the old one
  const renamed = applyDraft(base, draftContentSchema.parse({ services: [{ ...guide, name: '低保申请' }] }), options).pack
  expect(describeChanges(base, renamed).map((c) => c.text)).toEqual([`办事指南“${service.name}”改名为“低保申请”`])
})

test('an unchanged guide in a draft adds nothing to the diff', () => {
  const { pack } = applyDraft(base, draftContentSchema.parse({ services: [guideOf(service)] }), options)
  expect(describeChanges(base, pack)).toEqual([])
})

test('a new guide is added whole, with no linked standards, and validates', () => {
  const guide = {
    ...blankGuide('burial-subsidy'),
    name: '困难群众丧葬补助申领',
    department: '县（市、区）民政局',
    applicants: '低保、特困人员去世后的家属',
    conditions: ['去世人员生前为低保或特困供养对象'],
    materials: [{ id: 'death-proof', name: '死亡证明', copies: 1, form: 'copy' as const }],
    steps: [{ title: '申请', detail: '家属到乡镇（街道）民政窗口申请。' }],
    timeLimit: { statutory: '未规定', promised: '10个工作日' },
    fee: '不收费',
    channels: [{ kind: 'window' as const, name: '乡镇（街道）便民服务中心', detail: '携带材料到民政窗口办理。' }],
    legalBasis: ['《社会救助暂行办法》'],
    office: { name: '便民服务中心', address: '户籍所在地', hours: '法定工作日', phone: '12345' },
    source: { description: '编辑根据窗口告知整理', verified: false },
  }
  expect(serviceGuideProblems(guide)).toEqual([])
  const { pack, problems } = applyDraft(base, draftContentSchema.parse({ services: [guide] }), options)
  expect(problems).toEqual([])
  expect(pack.services.find((s) => s.id === 'burial-subsidy')).toMatchObject({ name: guide.name, relatedParameterIds: [] })
  expect(describeChanges(base, pack).map((c) => c.text)).toEqual([
    '新增办事指南“困难群众丧葬补助申领”（只跑一次，县（市、区）民政局）：服务对象 低保、特困人员去世后的家属；收费 不收费；承诺时限 10个工作日；材料 1 项；办理地点 便民服务中心',
  ])
  expect(validatePack(pack, readSourceTexts()).ok).toBe(true)
})

test('an incomplete guide is refused with messages naming each field and row', () => {
  const guide = { ...blankGuide('Bad Id'), name: '某事项', materials: [{ id: 'm1', name: '', copies: 0, form: 'copy' }] }
  const messages = serviceGuideProblems(guide, 'services[2]')
  expect(messages).toEqual(
    expect.arrayContaining([
      { field: 'services[2].id', message: '编号只能用小写字母、数字和连字符，如 dibao-application' },
      { field: 'services[2].department', message: '请填写受理部门' },
      { field: 'services[2].conditions[0]', message: '申请条件第 1 条：请填写这一条申请条件，或删去这一行' },
      { field: 'services[2].materials[0].name', message: '材料第 1 项：请填写材料名称' },
      { field: 'services[2].materials[0].copies', message: '材料第 1 项：份数至少为 1' },
      { field: 'services[2].fee', message: '请填写收费标准（不收费请写“不收费”）' },
      { field: 'services[2].timeLimit.promised', message: '请填写承诺办结时限' },
      { field: 'services[2].office.phone', message: '请填写咨询电话' },
    ]),
  )
  expect(messages.some((m) => m.field === 'services[2].name')).toBe(false)
  // the server refuses it at review the same way, and leaves the pack without it
  const draft = draftContentSchema.parse({ services: [{ id: 'new-guide', name: '某事项' }] })
  const { pack, problems } = applyDraft(base, draft, options)
  expect(problems).toContainEqual({ field: 'services[0].fee', message: '请填写收费标准（不收费请写“不收费”）' })
  expect(problems).toContainEqual({ field: 'services[0].timeLimit', message: '请填写办结时限' })
  expect(problems).toContainEqual({ field: 'services[0].materials', message: '请列出所需材料' })
  expect(pack.services.some((s) => s.id === 'new-guide')).toBe(false)
})

test('a draft saved with only some fields of a guide changes only those', () => {
  const draft = draftContentSchema.parse({ services: [{ id: service.id, fee: '不收费' }] })
  const { pack } = applyDraft(base, draft, options)
  expect(pack.services.find((s) => s.id === service.id)).toEqual({ ...service, fee: '不收费' })
  expect(serviceGuideSchema.safeParse({ id: service.id, fee: '不收费' }).success).toBe(false)
})
