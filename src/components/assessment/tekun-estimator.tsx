// The 特困 self-check in three short steps (基本情况 → 收入和赡养 → 生活自理), then the result right
// below: the three conditions one by one, the 供养 standard and the 照料护理 allowance, with their
// sources. Computed on the phone with the domain rules; the 特困人员自测 page owns the answers (and
// may remember them), as the 低保自测 page does with DibaoEstimator.
import './assessment.scss'
import { type ReactNode, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  type ContentPack,
  type IsoDate,
  type Result,
  type TekunAssessment,
  type TekunInput,
  assessTekun,
  parseTekunInput,
} from '../../domain'
import type { TekunAnswers } from '../../services/assessment-answers'
import { scrollIntoView } from '../../services/scroll'
import { ChoiceField } from './choice-field'
import { AREA_OPTIONS } from './area-options'
import { NumberField } from './number-field'
import { StaleResultNote } from './result-parts'
import { TekunResult } from './tekun-result'
import { collectFieldErrors } from './validation'

type TekunField = 'area' | 'care' | 'age' | 'canWork' | 'monthlyIncome' | 'hasCapableSupporter' | 'selfCare'

const STEPS: ReadonlyArray<{ title: string; fields: readonly TekunField[] }> = [
  { title: '基本情况', fields: ['area', 'care', 'age', 'canWork'] },
  { title: '收入和赡养', fields: ['monthlyIncome', 'hasCapableSupporter'] },
  { title: '生活自理', fields: ['selfCare'] },
]

const FALLBACKS: Record<TekunField, unknown> = {
  area: 'urban',
  care: 'dispersed',
  age: 70,
  canWork: false,
  monthlyIncome: 0,
  hasCapableSupporter: false,
  selfCare: 'self',
}

/**
 * Work capacity is asked only of 16–59-year-olds: 60周岁以上和未满16周岁的按规定视为无劳动能力.
 * Until a valid age is typed the question stays hidden, so the form does not jump about.
 */
function asksWorkCapacity(age: string): boolean {
  const n = Number(age)
  return age.trim() !== '' && Number.isInteger(n) && n >= 16 && n < 60
}

function toRaw(a: TekunAnswers): Record<string, unknown> {
  return {
    area: a.area,
    // the rules reject a 供养方式 for urban applicants: only rural ones choose
    care: a.area === 'rural' ? a.care : undefined,
    age: a.age,
    // not asked when the age alone settles it (the rules then ignore it) or the age is not valid yet
    canWork: !asksWorkCapacity(a.age) ? false : a.canWork === '' ? undefined : a.canWork === 'yes',
    monthlyIncome: a.monthlyIncome,
    hasCapableSupporter: a.supporter === '' ? undefined : a.supporter === 'yes',
    selfCare: a.selfCare,
  }
}

interface Outcome {
  answers: TekunAnswers
  input: TekunInput
  result: Result<TekunAssessment>
}

export interface TekunEstimatorProps {
  pack: ContentPack
  today: IsoDate
  answers: TekunAnswers
  onAnswersChange: (answers: TekunAnswers) => void
  /** prefix for element ids, unique on the page */
  idPrefix: string
  /** shown on the last step, just above the 计算 button (e.g. 记住我的填写) */
  extra?: ReactNode
  onCalculated?: (answers: TekunAnswers) => void
}

export function TekunEstimator({ pack, today, answers, onAnswersChange, idPrefix, extra, onCalculated }: TekunEstimatorProps) {
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<Partial<Record<TekunField, string>>>({})
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const id = (part: string) => `${idPrefix}-${part}`

  const set = <K extends keyof TekunAnswers>(key: K, value: TekunAnswers[K], field: TekunField) => {
    onAnswersChange({ ...answers, [key]: value })
    if (errors[field]) setErrors({ ...errors, [field]: undefined })
  }

  /** errors of the fields on the given steps only */
  const check = (upToStep: number) => {
    const result = collectFieldErrors((raw) => parseTekunInput(raw, today), toRaw(answers), FALLBACKS)
    const fields = STEPS.slice(0, upToStep + 1).flatMap((s) => s.fields)
    const relevant: Partial<Record<TekunField, string>> = {}
    for (const f of fields) if (result.errors[f]) relevant[f] = result.errors[f]
    return { result, relevant, firstInvalid: fields.find((f) => relevant[f]) }
  }

  const next = () => {
    const { relevant, firstInvalid } = check(step)
    setErrors(relevant)
    if (firstInvalid) {
      scrollIntoView(id(firstInvalid))
      return
    }
    setStep(step + 1)
    scrollIntoView(id('step'))
  }

  const calculate = () => {
    const { result, relevant, firstInvalid } = check(STEPS.length - 1)
    setErrors(relevant)
    if (firstInvalid || !result.value) {
      // go back to the step that holds the first problem
      const at = STEPS.findIndex((s) => firstInvalid !== undefined && s.fields.includes(firstInvalid))
      if (at >= 0) setStep(at)
      setOutcome(null)
      if (firstInvalid) scrollIntoView(id(firstInvalid))
      return
    }
    const input = result.value
    setOutcome({ answers: { ...answers }, input, result: assessTekun(pack, input) })
    onCalculated?.({ ...answers })
    scrollIntoView(id('result'))
  }

  const stale = outcome !== null && (Object.keys(answers) as Array<keyof TekunAnswers>).some((k) => outcome.answers[k] !== answers[k])
  const last = step === STEPS.length - 1

  return (
    <View className="assess-estimator">
      <View
        className="assess-progress"
        id={id('step')}
        role="list"
        aria-label={`共${STEPS.length}步，当前第${step + 1}步：${STEPS[step]?.title ?? ''}`}
      >
        {STEPS.map((s, i) => (
          <View
            key={s.title}
            role="listitem"
            className={`assess-progress__item${i === step ? ' assess-progress__item--current' : ''}${i < step ? ' assess-progress__item--done' : ''}`}
          >
            <Text>{`${i + 1}. ${s.title}`}</Text>
            <Text className="assess-progress__state">{i === step ? '（当前）' : i < step ? '（已填）' : ''}</Text>
          </View>
        ))}
      </View>

      <View className="assess-form">
        {step === 0 && (
          <>
            <ChoiceField
              id={id('area')}
              label="住在城市还是农村？"
              name="住在城市还是农村"
              hint="按户口所在地选"
              error={errors.area}
              options={AREA_OPTIONS}
              value={answers.area}
              onChange={(v) => set('area', v, 'area')}
            />
            {answers.area === 'rural' && (
              <ChoiceField
                id={id('care')}
                label="打算怎样供养？"
                name="供养方式"
                error={errors.care}
                layout="column"
                options={[
                  { value: 'dispersed', label: '分散供养', hint: '住在自己家里' },
                  { value: 'centralized', label: '集中供养', hint: '住进敬老院等供养服务机构' },
                ]}
                value={answers.care}
                onChange={(v) => set('care', v, 'care')}
              />
            )}
            <NumberField
              id={id('age')}
              label="本人年龄"
              name="本人年龄"
              hint="按周岁填写"
              error={errors.age}
              kind="integer"
              unit="周岁"
              placeholder="例如 70"
              value={answers.age}
              onChange={(v) => set('age', v, 'age')}
            />
            {asksWorkCapacity(answers.age) && (
              <ChoiceField
                id={id('canWork')}
                label="本人有劳动能力吗？"
                name="本人有劳动能力吗"
                hint="没有劳动能力的，需要有残疾证或劳动能力认定"
                error={errors.canWork}
                options={[
                  { value: 'yes', label: '有劳动能力' },
                  { value: 'no', label: '没有劳动能力' },
                ]}
                value={answers.canWork}
                onChange={(v) => set('canWork', v, 'canWork')}
              />
            )}
          </>
        )}
        {step === 1 && (
          <>
            <NumberField
              id={id('monthlyIncome')}
              label="本人每月收入"
              name="本人每月收入"
              hint="养老金、补贴、打零工等加在一起；没有收入填 0"
              error={errors.monthlyIncome}
              kind="money"
              unit="元/月"
              placeholder="没有收入填 0"
              value={answers.monthlyIncome}
              onChange={(v) => set('monthlyIncome', v, 'monthlyIncome')}
            />
            <ChoiceField
              id={id('hasCapableSupporter')}
              label="有没有能赡养（抚养、扶养）您的人？"
              name="有没有能赡养您的人"
              hint="指子女、配偶、父母等法定义务人，并且他们有能力照顾您"
              error={errors.hasCapableSupporter}
              layout="column"
              options={[
                { value: 'no', label: '没有', hint: '没有这样的亲人，或他们没有能力' },
                { value: 'yes', label: '有', hint: '有亲人能够赡养（抚养、扶养）' },
              ]}
              value={answers.supporter}
              onChange={(v) => set('supporter', v, 'hasCapableSupporter')}
            />
          </>
        )}
        {step === 2 && (
          <ChoiceField
            id={id('selfCare')}
            label="生活能自理吗？"
            name="生活自理能力"
            hint="最终由民政部门组织评估认定"
            error={errors.selfCare}
            layout="column"
            options={[
              { value: 'self', label: '能自理', hint: '吃饭、穿衣、上厕所等都能自己做' },
              { value: 'semi', label: '半失能', hint: '有些事需要别人帮忙' },
              { value: 'full', label: '全失能', hint: '吃饭、穿衣、上厕所等都需要别人照顾' },
            ]}
            value={answers.selfCare}
            onChange={(v) => set('selfCare', v, 'selfCare')}
          />
        )}

        {last && extra}

        <View className="assess-nav">
          {step > 0 && (
            <Button className="assess-nav__back" fill="outline" onClick={() => setStep(step - 1)}>
              上一步
            </Button>
          )}
          {last ? (
            <Button className="assess-submit" type="primary" onClick={calculate}>
              {outcome ? '重新计算' : '计算'}
            </Button>
          ) : (
            <Button className="assess-submit" type="primary" onClick={next}>
              下一步
            </Button>
          )}
        </View>
      </View>

      <View id={id('result')} className="assess-result-anchor" aria-live="polite">
        {outcome && (
          <View className="assess-result">
            {stale && <StaleResultNote />}
            {outcome.result.ok ? (
              <TekunResult assessment={outcome.result.value} input={outcome.input} pack={pack} />
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
