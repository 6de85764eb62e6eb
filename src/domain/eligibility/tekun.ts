// 特困人员 self-check: the three conditions of 《社会救助暂行办法》第十四条 and 《特困人员认定办法》,
// then the 供养 standard and the 照料护理 allowance that would apply.
import type { Area } from '../schema'
import { type IsoDate } from '../dates'
import { type Fen, formatYuan } from '../money'
import { amountOn } from '../parameters'
import { type Result, ok } from '../result'
import { LAW } from './citations'
import { tekunRulesOn } from './tekun-rules'
import { MAX_AGE, isRecord, readBoolean, readDate, readEnum, readInteger, readYuan } from './inputs'
import { DIBAO_STANDARD_ID } from './dibao'
import { DECIDED_BY_MINZHENG, describeStandard, outdatedCaveat, standardCitation } from './shared'
import type { Assessment, RuleData, Step } from './types'

export type CareMode = 'centralized' | 'dispersed'
export type SelfCare = 'self' | 'semi' | 'full'

export interface TekunInput {
  area: Area
  /** rural only: 集中供养 (in an institution) or 分散供养 (at home) */
  care: CareMode | null
  age: number
  canWork: boolean
  monthlyIncomeFen: Fen
  hasCapableSupporter: boolean
  selfCare: SelfCare
  on: IsoDate
}

export interface TekunAssessment extends Assessment {
  program: 'tekun'
  meetsCriteria: boolean
  criteria: { noWorkCapacity: boolean; noLivelihood: boolean; noCapableSupporter: boolean }
  /** the 供养 standard that applies, whether or not the criteria are met */
  supportStandardFen: Fen
  /** the 照料护理 standard for the self-care level (0 for 自理 or before it existed) */
  careStandardFen: Fen
  /** amounts payable if the criteria are met, else 0 */
  monthlySupportFen: Fen
  careAllowanceFen: Fen
  monthlyTotalFen: Fen
}

export const SUPPORT_STANDARD_ID = {
  urban: 'tekun-urban-support',
  'rural-centralized': 'tekun-rural-centralized',
  'rural-dispersed': 'tekun-rural-dispersed',
} as const

/** Which 供养 standard applies: urban, or rural 集中 / 分散. */
export function supportStandardId(input: Pick<TekunInput, 'area' | 'care'>): string {
  return input.area === 'urban' ? SUPPORT_STANDARD_ID.urban : SUPPORT_STANDARD_ID[`rural-${input.care ?? 'dispersed'}`]
}

export const CARE_STANDARD_ID: Record<Exclude<SelfCare, 'self'>, string> = {
  semi: 'care-semi-disabled',
  full: 'care-fully-disabled',
}

export const SELF_CARE_LABEL: Record<SelfCare, string> = { self: '生活能自理', semi: '半失能', full: '全失能' }

export function parseTekunInput(raw: unknown, today: IsoDate): Result<TekunInput> {
  if (!isRecord(raw)) return { ok: false, error: { code: 'invalid_input', message: '请填写本人情况' } }
  const area = readEnum(raw.area, 'area', ['urban', 'rural'] as const, '城市或农村')
  if (!area.ok) return area
  let care: CareMode | null = null
  if (area.value === 'rural') {
    const mode = readEnum(raw.care, 'care', ['centralized', 'dispersed'] as const, '集中供养或分散供养')
    if (!mode.ok) return mode
    care = mode.value
  } else if (raw.care !== undefined && raw.care !== null) {
    return { ok: false, error: { code: 'invalid_input', field: 'care', message: '城镇特困人员不区分集中或分散供养，请不要填写供养方式' } }
  }
  const age = readInteger(raw.age, 'age', '年龄', 0, MAX_AGE)
  if (!age.ok) return age
  const canWork = readBoolean(raw.canWork, 'canWork', '是否有劳动能力')
  if (!canWork.ok) return canWork
  const income = readYuan(raw.monthlyIncome, 'monthlyIncome', '本人月收入')
  if (!income.ok) return income
  const supporter = readBoolean(raw.hasCapableSupporter, 'hasCapableSupporter', '是否有能力赡养（抚养、扶养）您的法定义务人')
  if (!supporter.ok) return supporter
  const selfCare = readEnum(raw.selfCare, 'selfCare', ['self', 'semi', 'full'] as const, '生活自理能力')
  if (!selfCare.ok) return selfCare
  const on = readDate(raw.on, 'on', today)
  if (!on.ok) return on
  return ok({
    area: area.value,
    care,
    age: age.value,
    canWork: canWork.value,
    monthlyIncomeFen: income.value,
    hasCapableSupporter: supporter.value,
    selfCare: selfCare.value,
    on: on.value,
  })
}

export function assessTekun(data: RuleData, input: TekunInput): Result<TekunAssessment> {
  const support = amountOn(data.parameters, supportStandardId(input), input.on)
  if (!support.ok) return support
  const dibao = amountOn(data.parameters, DIBAO_STANDARD_ID[input.area], input.on)
  if (!dibao.ok) return dibao

  // The data holds no 照料护理 standard before 2019: on an earlier date there is none to show, which is not an error.
  const careValue = input.selfCare === 'self' ? null : amountOn(data.parameters, CARE_STANDARD_ID[input.selfCare], input.on)
  const careInForce = careValue !== null && careValue.ok ? careValue.value : null
  const careStandardFen = careInForce ? careInForce.current.amountFen : 0

  const rules = tekunRulesOn(input.on)
  const ageQualifies = input.age >= 60 || input.age < 16
  const noWorkCapacity = ageQualifies || !input.canWork
  const noLivelihood = input.monthlyIncomeFen < dibao.value.current.amountFen
  const noCapableSupporter = !input.hasCapableSupporter
  const meetsCriteria = noWorkCapacity && noLivelihood && noCapableSupporter

  const supportStandardFen = support.value.current.amountFen
  const monthlySupportFen = meetsCriteria ? supportStandardFen : 0
  const careAllowanceFen = meetsCriteria ? careStandardFen : 0
  const monthlyTotalFen = monthlySupportFen + careAllowanceFen
  const yes = (b: boolean) => (b ? '符合' : '不符合')

  const steps: Step[] = [
    {
      id: 'no-work-capacity',
      label: '无劳动能力',
      text: `${yes(noWorkCapacity)}：${
        input.age >= 60
          ? `${input.age} 周岁，60周岁以上视为无劳动能力`
          : input.age < 16
            ? `${input.age} 周岁，未满16周岁视为无劳动能力`
            : input.canWork
              ? `${input.age} 周岁，您填写了有劳动能力`
              : `${input.age} 周岁，您填写了无劳动能力（需经残疾等级或劳动能力认定）`
      }`,
      citation: rules.noWorkCapacity,
    },
    {
      id: 'no-livelihood',
      label: '无生活来源',
      text: `${yes(noLivelihood)}：本人月收入 ${formatYuan(input.monthlyIncomeFen)} 元，${noLivelihood ? '低于' : '不低于'}当地低保标准 ${formatYuan(dibao.value.current.amountFen)} 元`,
      amountFen: input.monthlyIncomeFen,
      citation: rules.noLivelihood,
    },
    {
      id: 'no-capable-supporter',
      label: '无法定义务人或义务人无能力',
      text: `${yes(noCapableSupporter)}：${noCapableSupporter ? '您没有法定义务人，或者义务人没有能力赡养（抚养、扶养）您' : '您有法定义务人，且义务人有能力赡养（抚养、扶养）您'}`,
      citation: rules.noCapableSupporter,
    },
    {
      id: 'support-standard',
      label: '基本生活供养标准',
      text: describeStandard(support.value),
      amountFen: supportStandardFen,
      citation: standardCitation(data, support.value),
    },
    {
      id: 'care-allowance',
      label: '照料护理补助',
      text:
        input.selfCare === 'self'
          ? '生活能自理，没有照料护理补助'
          : careInForce
            ? `${SELF_CARE_LABEL[input.selfCare]}：${describeStandard(careInForce)}`
            : `${SELF_CARE_LABEL[input.selfCare]}：本资料没有所选日期的照料护理补助标准`,
      amountFen: careStandardFen,
      citation: careInForce ? standardCitation(data, careInForce) : LAW.tekunEntitlement,
    },
    {
      id: 'total',
      label: '每月合计（估算）',
      text: meetsCriteria
        ? `${formatYuan(monthlySupportFen)} + ${formatYuan(careAllowanceFen)} = ${formatYuan(monthlyTotalFen)} 元`
        : '三个条件没有同时符合，按您填写的情况暂不能纳入特困人员供养',
      amountFen: monthlyTotalFen,
      citation: LAW.tekunEntitlement,
    },
  ]

  const caveats = [
    '财产还须符合当地特困人员财产状况规定，民政部门会核对家庭经济状况。',
    `“无劳动能力”对16至59周岁的人，需要残疾证（按${rules.noWorkCapacity.docNumber}${rules.noWorkCapacity.title}：${rules.disabilityGrades}）或劳动能力认定。`,
    '生活自理能力（自理、半失能、全失能）由民政部门组织评估认定。',
    DECIDED_BY_MINZHENG,
    '请向户籍所在地的乡镇人民政府（街道办事处）申请，本人申请有困难的，可以委托村（居）委会或他人代为提出。',
  ]
  if (careInForce) {
    const ref = careInForce.current.reference
    caveats.push(
      `照料护理补助按${ref.docNumber}${ref.article}的标准计入；它和基本生活供养金怎样一起发放，通知没有写明，以民政部门的安排为准。`,
    )
  }

  const alternatives = meetsCriteria
    ? ['也可以同时了解临时救助，遇到突发困难时申请。']
    : [
        noLivelihood && !noCapableSupporter
          ? '有赡养人但全家收入低的，可以以家庭为单位做一下低保自测。'
          : '全家人均收入低于低保标准的，可以做一下低保自测。',
        '遇到突发事件、重大疾病等暂时困难的，可以申请临时救助。',
        '情况发生变化（如失去劳动能力、赡养人去世或丧失能力）后，可以再次测算、申请。',
      ]

  return ok({
    program: 'tekun',
    on: input.on,
    standardEffectiveFrom: support.value.current.effectiveFrom,
    area: input.area,
    meetsCriteria,
    criteria: { noWorkCapacity, noLivelihood, noCapableSupporter },
    supportStandardFen,
    careStandardFen,
    monthlySupportFen,
    careAllowanceFen,
    monthlyTotalFen,
    steps,
    caveats,
    outdatedNote: support.value.possiblyOutdated ? outdatedCaveat(support.value.current.effectiveFrom) : null,
    alternatives,
    serviceIds: meetsCriteria
      ? ['tekun-application', ...(careStandardFen > 0 ? ['care-subsidy'] : [])]
      : ['dibao-application', 'temporary-assistance'],
    possiblyOutdated: support.value.possiblyOutdated,
  })
}
