// The 低保 estimate on one screen: 城市/农村, 家庭人口, 家庭月收入, 计算 — then the result right below,
// computed on the phone with the domain rules. Used by the 低保自测 page (which may remember the
// answers) and by the community workers' page (which never stores anything).
import './assessment.scss'
import { type ReactNode, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  AREA_LABEL,
  type ContentPack,
  DIBAO_STANDARD_ID,
  type DibaoAssessment,
  type IsoDate,
  type Result,
  assessDibao,
  formatYuan,
  parseDibaoInput,
} from '../../domain'
import { ChoiceField } from './choice-field'
import { NumberField } from './number-field'
import { AREA_OPTIONS } from './area-options'
import { ApplyServices, NoteList, ResultBasis, StaleResultNote } from './result-parts'
import { scrollIntoView } from '../../services/scroll'
import { CalculationSteps } from './steps'
import type { DibaoAnswers } from '../../services/assessment-answers'
import { collectFieldErrors } from './validation'

type DibaoField = keyof DibaoAnswers

/** valid stand-ins, used only to find every invalid field at once */
const FALLBACKS: Record<DibaoField, unknown> = { area: 'urban', householdSize: 1, monthlyIncome: 0 }

interface Outcome {
  answers: DibaoAnswers
  result: Result<DibaoAssessment>
}

export interface DibaoEstimatorProps {
  pack: ContentPack
  today: IsoDate
  answers: DibaoAnswers
  onAnswersChange: (answers: DibaoAnswers) => void
  /** prefix for element ids, unique on the page */
  idPrefix: string
  /** shown just above the 计算 button (e.g. 记住我的填写) */
  extra?: ReactNode
  onCalculated?: (answers: DibaoAnswers) => void
  /** a shorter result for the community page: no materials list */
  compact?: boolean
}

export function DibaoEstimator({ pack, today, answers, onAnswersChange, idPrefix, extra, onCalculated, compact }: DibaoEstimatorProps) {
  const [errors, setErrors] = useState<Partial<Record<DibaoField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const id = (part: string) => `${idPrefix}-${part}`

  const update = (field: DibaoField, value: string) => {
    onAnswersChange({ ...answers, [field]: value })
    if (errors[field]) setErrors({ ...errors, [field]: undefined })
  }

  const calculate = () => {
    const check = collectFieldErrors((raw) => parseDibaoInput(raw, today), { ...answers }, FALLBACKS)
    setErrors(check.errors)
    setFormError(check.formError)
    if (!check.value) {
      setOutcome(null)
      const first = (['area', 'householdSize', 'monthlyIncome'] as const).find((f) => check.errors[f])
      if (first) scrollIntoView(id(first))
      return
    }
    setOutcome({ answers: { ...answers }, result: assessDibao(pack, check.value) })
    onCalculated?.({ ...answers })
    scrollIntoView(id('result'))
  }

  const stale = outcome !== null && (['area', 'householdSize', 'monthlyIncome'] as const).some((f) => outcome.answers[f] !== answers[f])

  return (
    <View className="assess-estimator">
      <View className="assess-form">
        <ChoiceField
          id={id('area')}
          label="1. 住在城市还是农村？"
          name="住在城市还是农村"
          hint="按户口所在地选"
          error={errors.area}
          options={AREA_OPTIONS}
          value={answers.area}
          onChange={(v) => update('area', v)}
        />
        <NumberField
          id={id('householdSize')}
          label="2. 家庭人口"
          name="家庭人口"
          hint="一起生活的家庭成员共几个人"
          error={errors.householdSize}
          kind="integer"
          unit="人"
          placeholder="例如 3"
          value={answers.householdSize}
          onChange={(v) => update('householdSize', v)}
        />
        <NumberField
          id={id('monthlyIncome')}
          label="3. 家庭月收入"
          name="家庭月收入"
          hint="全家每月收入加在一起（工资、养老金、赡养费等），没有收入填 0"
          error={errors.monthlyIncome}
          kind="money"
          unit="元/月"
          placeholder="例如 1500"
          value={answers.monthlyIncome}
          onChange={(v) => update('monthlyIncome', v)}
        />
        {extra}
        {formError && (
          <View className="assess-form__error" role="alert">
            <Text>{formError}</Text>
          </View>
        )}
        <Button className="assess-submit" type="primary" block onClick={calculate}>
          {outcome ? '重新计算' : '计算'}
        </Button>
      </View>
      <View id={id('result')} className="assess-result-anchor" aria-live="polite">
        {outcome && (
          <View className="assess-result">
            {stale && <StaleResultNote />}
            {outcome.result.ok ? (
              <DibaoResult assessment={outcome.result.value} pack={pack} compact={compact} />
            ) : (
              <View className="assess-result__error" role="alert">
                <Text>{outcome.result.error.message}</Text>
              </View>
            )}
          </View>
        )}
      </View>
    </View>
  )
}

interface DibaoResultProps {
  assessment: DibaoAssessment
  pack: ContentPack
  compact?: boolean
}

export function DibaoResult({ assessment: a, pack, compact }: DibaoResultProps) {
  const areaLabel = AREA_LABEL[a.area]
  const allowance = formatYuan(a.monthlyAllowanceFen)
  const thresholdFen = a.standardFen * a.householdSize
  return (
    <View className="assess-result__body">
      {a.meetsIncomeTest ? (
        <View className="assess-headline assess-headline--yes">
          <Text className="assess-headline__lead">按收入估算，您家可能符合低保的收入条件</Text>
          <View className="assess-headline__amount" role="text" aria-label={`每月约${allowance}元`}>
            <Text>每月约 </Text>
            <Text className="assess-headline__number">{allowance}</Text>
            <Text> 元</Text>
          </View>
          <Text className="assess-headline__sub">{`这是全家每月的低保金（估算），${a.householdSize}人户合计`}</Text>
        </View>
      ) : (
        <View className="assess-headline assess-headline--no">
          <Text className="assess-headline__lead">按收入这一项，暂不符合低保的收入条件</Text>
          <Text className="assess-headline__sub">
            {`家庭人均月收入约 ${formatYuan(a.perCapitaIncomeFen)} 元，${a.monthlyIncomeFen === thresholdFen ? '等于' : '高于'}${areaLabel}低保标准 ${formatYuan(a.standardFen)} 元/人/月（要低于标准才符合）。`}
          </Text>
          <Text className="assess-headline__sub">这不是最终结论；下面这些帮助也许适合您。</Text>
        </View>
      )}
      {!a.meetsIncomeTest && <NoteList title="还可以试试这些帮助" items={a.alternatives} tone="help" />}
      <ResultBasis assessment={a} />
      <Text className="assess-section-title">计算过程</Text>
      <CalculationSteps steps={a.steps} parameterIdByStep={{ standard: DIBAO_STANDARD_ID[a.area] }} />
      <NoteList title="还要核实的情况" items={a.caveats} />
      {a.meetsIncomeTest && <NoteList title="其他可能的帮助" items={a.alternatives} tone="help" />}
      <ApplyServices serviceIds={a.serviceIds} services={pack.services} showMaterials={!compact} />
    </View>
  )
}
