// A service guide (一次不跑 / 只跑一次) as an editor writes it in the console: every field a resident
// reads, with messages that name the field, so the console form and the server say the same thing.
// relatedParameterIds stays as published (a new guide starts with none): it links to standards by id.
import { z } from 'zod'
import type { Service } from '../schema'

// the same words whether the field is empty or missing altogether
const text = (message: string) => z.string({ error: message }).trim().min(1, message)
const list = <T extends z.ZodType>(item: T, message: string) => z.array(item, { error: message })

export const serviceGuideSchema = z.object({
  id: z.string({ error: '请填写编号' }).regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能用小写字母、数字和连字符，如 dibao-application'),
  name: text('请填写事项名称'),
  department: text('请填写受理部门'),
  mode: z.enum(['yici-bupao', 'zhi-pao-yici', 'onsite'], { error: '请选择办理方式' }),
  applicants: text('请填写服务对象'),
  conditions: list(text('请填写这一条申请条件，或删去这一行'), '请至少写一条申请条件').min(1, '请至少写一条申请条件'),
  materials: list(
    z.object({
      id: z.string({ error: '请填写编号' }).regex(/^[a-z0-9][a-z0-9-]*$/, '材料编号只能用小写字母、数字和连字符'),
      name: text('请填写材料名称'),
      copies: z.number({ error: '份数应为数字' }).int('份数应为整数').positive('份数至少为 1'),
      form: z.enum(['original', 'copy', 'original-and-copy', 'electronic'], { error: '请选择原件或复印件' }),
      note: z.string().trim().optional(),
    }),
    '请列出所需材料',
  ),
  steps: list(z.object({ title: text('请填写步骤名称'), detail: text('请填写步骤说明') }), '请至少写一个办理步骤').min(
    1,
    '请至少写一个办理步骤',
  ),
  timeLimit: z.object({ statutory: text('请填写法定办结时限'), promised: text('请填写承诺办结时限') }, { error: '请填写办结时限' }),
  fee: text('请填写收费标准（不收费请写“不收费”）'),
  channels: list(
    z.object({
      kind: z.enum(['online', 'window', 'phone', 'mail'], { error: '请选择渠道类型' }),
      name: text('请填写渠道名称'),
      detail: text('请填写怎样通过这个渠道办理'),
    }),
    '请至少写一个办理渠道（网上或窗口）',
  ).min(1, '请至少写一个办理渠道（网上或窗口）'),
  legalBasis: list(text('请填写这一条依据，或删去这一行'), '请至少写一条办理依据（法规或文件）').min(
    1,
    '请至少写一条办理依据（法规或文件）',
  ),
  office: z.object(
    {
      name: text('请填写办理地点名称'),
      address: text('请填写办理地址'),
      hours: text('请填写办公时间'),
      phone: text('请填写咨询电话'),
    },
    { error: '请填写办理地点' },
  ),
  source: z.object(
    {
      description: text('请说明这份指南的内容取自哪里'),
      verified: z.boolean({ error: '请选择是否已向办理部门核实' }),
      reformRef: z.string().trim().optional(),
    },
    { error: '请说明这份指南的内容取自哪里' },
  ),
})
export type ServiceGuide = z.infer<typeof serviceGuideSchema>

/** What each list's rows are called, for messages such as “材料第 2 项：请填写材料名称”. */
const ROW_NAMES: Record<string, (n: number) => string> = {
  conditions: (n) => `申请条件第 ${n} 条`,
  materials: (n) => `材料第 ${n} 项`,
  steps: (n) => `办理步骤第 ${n} 步`,
  channels: (n) => `办理渠道第 ${n} 个`,
  legalBasis: (n) => `办理依据第 ${n} 条`,
}

export interface GuideProblem {
  /** where, as the API names it: services[0].materials[1].name */
  field: string
  message: string
}

/** The guide checked against the schema; each problem names the field (and the row of a list). */
export function serviceGuideProblems(guide: unknown, at = 'services[0]'): GuideProblem[] {
  const parsed = serviceGuideSchema.safeParse(guide)
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => {
    const [list, row] = issue.path
    const rowName = typeof list === 'string' && typeof row === 'number' ? ROW_NAMES[list] : undefined
    const field = issue.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`), at)
    return { field, message: rowName && typeof row === 'number' ? `${rowName(row + 1)}：${issue.message}` : issue.message }
  })
}

/** The guide's editable fields, from a published service. */
export function guideOf(service: Service): ServiceGuide {
  return {
    id: service.id,
    name: service.name,
    department: service.department,
    mode: service.mode,
    applicants: service.applicants,
    conditions: [...service.conditions],
    materials: service.materials.map((m) => ({ ...m })),
    steps: service.steps.map((s) => ({ ...s })),
    timeLimit: { ...service.timeLimit },
    fee: service.fee,
    channels: service.channels.map((c) => ({ ...c })),
    legalBasis: [...service.legalBasis],
    office: { ...service.office },
    source: { ...service.source },
  }
}

/** A blank guide for the console's “新增办事指南”. */
export function blankGuide(id: string): ServiceGuide {
  return {
    id,
    name: '',
    department: '',
    mode: 'zhi-pao-yici',
    applicants: '',
    conditions: [''],
    materials: [],
    steps: [{ title: '', detail: '' }],
    timeLimit: { statutory: '', promised: '' },
    fee: '',
    channels: [{ kind: 'window', name: '', detail: '' }],
    legalBasis: [''],
    office: { name: '', address: '', hours: '', phone: '' },
    source: { description: '', verified: false },
  }
}
