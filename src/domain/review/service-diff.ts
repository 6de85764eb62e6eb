// A service guide's changes in words, field by field: 「办事指南“低保申请”的收费改为：不收费」,
// 「…新增材料“户口簿”（原件和复印件各1份）」. Lists say what was added, removed or reordered, so a
// reviewer never has to compare two long lists by eye.
import type { Service } from '../schema'
import { CHANNEL_KIND_LABEL, MATERIAL_FORM_LABEL, SERVICE_MODE_LABEL } from '../service-labels'

type Material = Service['materials'][number]

const material = (m: Material): string => {
  const form = MATERIAL_FORM_LABEL[m.form]
  const copies = m.form === 'original-and-copy' ? `${form}各${m.copies}份` : `${form}${m.copies}份`
  return `“${m.name}”（${copies}${m.note ? `；${m.note}` : ''}）`
}
const step = (s: Service['steps'][number]): string => `${s.title}：${s.detail}`
const channel = (c: Service['channels'][number]): string => `${CHANNEL_KIND_LABEL[c.kind]}·${c.name}：${c.detail}`

/** Added, removed and (when nothing else changed) reordered rows of a list, as one sentence each. */
function listChanges(label: string, before: string[], after: string[]): string[] {
  const added = after.filter((x) => !before.includes(x))
  const removed = before.filter((x) => !after.includes(x))
  const out = [...removed.map((x) => `删去${label}：${x}`), ...added.map((x) => `新增${label}：${x}`)]
  if (out.length === 0 && before.join('\n') !== after.join('\n')) out.push(`的${label}顺序改为：${after.join('；')}`)
  return out
}

/** Materials by id: a material whose copies or note changed is one sentence, not a removal and an addition. */
function materialChanges(before: Material[], after: Material[]): string[] {
  const out: string[] = []
  for (const m of before) if (!after.some((n) => n.id === m.id)) out.push(`删去材料：${material(m)}`)
  for (const m of after) {
    const old = before.find((o) => o.id === m.id)
    if (!old) out.push(`新增材料：${material(m)}`)
    else if (material(old) !== material(m)) out.push(`的材料“${old.name}”改为：${material(m)}`)
  }
  const order = (list: Material[]) => list.map((m) => m.id).join('\n')
  if (out.length === 0 && order(before) !== order(after)) out.push(`的材料顺序改为：${after.map((m) => m.name).join('；')}`)
  return out
}

/** Every field the console lets an editor change; a new guide is described as a whole. */
export function describeServiceChange(old: Service | undefined, next: Service): string[] {
  const name = `办事指南“${next.name}”`
  if (!old) {
    return [
      `新增${name}（${SERVICE_MODE_LABEL[next.mode]}，${next.department}）：服务对象 ${next.applicants}；收费 ${next.fee}；` +
        `承诺时限 ${next.timeLimit.promised}；材料 ${next.materials.length} 项；办理地点 ${next.office.name}`,
    ]
  }
  const out: string[] = []
  const field = (label: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? '') !== (b ?? '')) out.push(`${name}的${label}改为：${b || '（空）'}`)
  }
  if (old.name !== next.name) out.push(`办事指南“${old.name}”改名为“${next.name}”`)
  field('受理部门', old.department, next.department)
  if (old.mode !== next.mode) out.push(`${name}的办理方式由“${SERVICE_MODE_LABEL[old.mode]}”改为“${SERVICE_MODE_LABEL[next.mode]}”`)
  field('服务对象', old.applicants, next.applicants)
  out.push(...listChanges('申请条件', old.conditions, next.conditions).map((t) => `${name}${t}`))
  out.push(...materialChanges(old.materials, next.materials).map((t) => `${name}${t}`))
  out.push(...listChanges('办理步骤', old.steps.map(step), next.steps.map(step)).map((t) => `${name}${t}`))
  field('法定办结时限', old.timeLimit.statutory, next.timeLimit.statutory)
  field('承诺办结时限', old.timeLimit.promised, next.timeLimit.promised)
  field('收费', old.fee, next.fee)
  out.push(...listChanges('办理渠道', old.channels.map(channel), next.channels.map(channel)).map((t) => `${name}${t}`))
  out.push(...listChanges('办理依据', old.legalBasis, next.legalBasis).map((t) => `${name}${t}`))
  field('办理地点', old.office.name, next.office.name)
  field('地址', old.office.address, next.office.address)
  field('办公时间', old.office.hours, next.office.hours)
  field('咨询电话', old.office.phone, next.office.phone)
  field('信息来源', old.source.description, next.source.description)
  if (old.source.verified !== next.source.verified) out.push(`${name}改为${next.source.verified ? '已向办理部门核实' : '未经办理部门核实'}`)
  field('改革依据', old.source.reformRef, next.source.reformRef)
  return out
}
