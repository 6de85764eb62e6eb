// 低保 self-check: is the household's per-capita income below the local standard, and if so,
// roughly how much 低保金 would the household receive each month.
import type { Area } from '../schema'
import { type IsoDate } from '../dates'
import { type Fen, formatYuan } from '../money'
import { amountOn } from '../parameters'
import { type Result, ok } from '../result'
import { LAW } from './citations'
import { MAX_HOUSEHOLD_SIZE, isRecord, readDate, readEnum, readInteger, readYuan } from './inputs'
import { DECIDED_BY_MINZHENG, describeStandard, outdatedCaveat, standardCitation } from './shared'
import type { Assessment, RuleData, Step } from './types'

export interface DibaoInput {
  area: Area
  householdSize: number
  monthlyIncomeFen: Fen
  on: IsoDate
}

export interface DibaoAssessment extends Assessment {
  program: 'dibao'
  householdSize: number
  monthlyIncomeFen: Fen
  standardFen: Fen
  /** household income ÷ household size, rounded to the 分 for display only */
  perCapitaIncomeFen: Fen
  /** strictly below the standard (《社会救助暂行办法》第九条: 低于) */
  meetsIncomeTest: boolean
  /** standard × size − income when the test is met, else 0 */
  monthlyAllowanceFen: Fen
}

export const DIBAO_STANDARD_ID: Record<Area, string> = {
  urban: 'dibao-urban-standard',
  rural: 'dibao-rural-standard',
}

export const AREA_LABEL: Record<Area, string> = { urban: '城市', rural: '农村' }

/** Parse untrusted input (a form, a JSON body) into a DibaoInput, naming the field at fault. */
export function parseDibaoInput(raw: unknown, today: IsoDate): Result<DibaoInput> {
  if (!isRecord(raw)) return { ok: false, error: { code: 'invalid_input', message: '请填写家庭情况' } }
  const area = readEnum(raw.area, 'area', ['urban', 'rural'] as const, '城市或农村')
  if (!area.ok) return area
  const size = readInteger(raw.householdSize, 'householdSize', '家庭人口', 1, MAX_HOUSEHOLD_SIZE)
  if (!size.ok) return size
  const income = readYuan(raw.monthlyIncome, 'monthlyIncome', '家庭月收入')
  if (!income.ok) return income
  const on = readDate(raw.on, 'on', today)
  if (!on.ok) return on
  return ok({ area: area.value, householdSize: size.value, monthlyIncomeFen: income.value, on: on.value })
}

/**
 * 「人均 500 元，低于标准 660 元」. When rounding to the fen makes the per-capita figure land on
 * the standard (1979.99 元 ÷ 3 ≈ 660 元 against 660 元), it says 「略低于」 / 「略高于」 and shows the
 * household total against the standard × size, which is exact.
 */
function incomeTestText(incomeFen: Fen, size: number, perCapitaFen: Fen, standardFen: Fen): string {
  const thresholdFen = standardFen * size
  const perCapita = `人均 ${formatYuan(perCapitaFen)} 元`
  const standard = `标准 ${formatYuan(standardFen)} 元`
  const totals = `（全家 ${formatYuan(incomeFen)} 元，${incomeFen < thresholdFen ? '低于' : '高于'} ${formatYuan(standardFen)} × ${size} = ${formatYuan(thresholdFen)} 元）`
  if (incomeFen === thresholdFen) return `${perCapita}，正好等于${standard}；要低于标准才符合收入条件`
  if (incomeFen < thresholdFen)
    return perCapitaFen < standardFen
      ? `${perCapita}，低于${standard}`
      : `人均约 ${formatYuan(perCapitaFen)} 元，略低于${standard}${totals}`
  return perCapitaFen > standardFen ? `${perCapita}，高于${standard}` : `人均约 ${formatYuan(perCapitaFen)} 元，略高于${standard}${totals}`
}

export function assessDibao(data: RuleData, input: DibaoInput): Result<DibaoAssessment> {
  const standard = amountOn(data.parameters, DIBAO_STANDARD_ID[input.area], input.on)
  if (!standard.ok) return standard
  const standardFen = standard.value.current.amountFen
  const { householdSize: size, monthlyIncomeFen: incomeFen } = input
  // Compare totals rather than a rounded per-capita figure: income/size < standard ⇔ income < standard×size.
  const thresholdFen = standardFen * size
  const meetsIncomeTest = incomeFen < thresholdFen
  const perCapitaIncomeFen = Math.round(incomeFen / size)
  const monthlyAllowanceFen = meetsIncomeTest ? thresholdFen - incomeFen : 0
  const areaLabel = AREA_LABEL[input.area]
  const perCapitaExact = incomeFen % size === 0
  const perCapitaText = `${formatYuan(incomeFen)} ÷ ${size} ${perCapitaExact ? '=' : '≈'} ${formatYuan(perCapitaIncomeFen)} 元`

  const steps: Step[] = [
    {
      id: 'standard',
      label: `${areaLabel}低保标准`,
      text: describeStandard(standard.value),
      amountFen: standardFen,
      citation: standardCitation(data, standard.value),
    },
    {
      id: 'per-capita-income',
      label: '家庭人均月收入',
      text: size === 1 ? `${formatYuan(incomeFen)} 元（1 人户）` : perCapitaText,
      amountFen: perCapitaIncomeFen,
      citation: LAW.dibaoEntitlement,
    },
    {
      id: 'income-test',
      label: '收入是否低于标准',
      text: incomeTestText(incomeFen, size, perCapitaIncomeFen, standardFen),
      citation: LAW.dibaoEntitlement,
    },
    {
      id: 'allowance',
      label: '每月低保金（估算）',
      text: meetsIncomeTest
        ? `${formatYuan(standardFen)} × ${size} − ${formatYuan(incomeFen)} = ${formatYuan(monthlyAllowanceFen)} 元（按差额补足到标准）`
        : '收入不低于标准，按收入这一项估算，暂不能领取低保金',
      amountFen: monthlyAllowanceFen,
      citation: LAW.dibaoAllowance,
    },
  ]

  const caveats = [
    '还要看家庭财产：存款、房产、车辆等须符合当地低保家庭财产状况规定。',
    '申请时须签署家庭经济状况核对授权书（江西省县级办事指南称《江西省社会救助申请及核对授权书》，表格名称未经景德镇市核实），由民政部门核对家庭经济状况（银行存款、车辆、房产、社保、工商登记等）。',
    '“家庭月收入”指共同生活的家庭成员的全部收入，包括工资、经营收入、养老金、赡养费等，以核对结果为准。',
    DECIDED_BY_MINZHENG,
    `请到户籍所在地的乡镇人民政府（街道办事处）申请，也可以由村（居）委会代为提出；咨询可拨打 12345。`,
  ]

  const alternatives = meetsIncomeTest
    ? ['如家中有重病、重残或特别困难的老人、儿童，可同时咨询特困人员供养和临时救助。']
    : [
        '家庭遇到突发事件、意外事故、重大疾病等，基本生活暂时困难的，可以申请临时救助。',
        '家中有无劳动能力、无生活来源、无人赡养的老人、残疾人或未满16周岁的未成年人，可以做一下特困人员自测。',
        '收入减少或家庭人口变化后，可以按新的情况再次测算、申请。',
        '医疗、教育、住房、就业等专项救助另有条件，可向社区（村）或拨打 12345 咨询。',
      ]

  return ok({
    program: 'dibao',
    on: input.on,
    standardEffectiveFrom: standard.value.current.effectiveFrom,
    area: input.area,
    householdSize: size,
    monthlyIncomeFen: incomeFen,
    standardFen,
    perCapitaIncomeFen,
    meetsIncomeTest,
    monthlyAllowanceFen,
    steps,
    caveats,
    outdatedNote: standard.value.possiblyOutdated ? outdatedCaveat(standard.value.current.effectiveFrom) : null,
    alternatives,
    serviceIds: meetsIncomeTest ? ['dibao-application'] : ['temporary-assistance', 'dibao-application'],
    possiblyOutdated: standard.value.possiblyOutdated,
  })
}
