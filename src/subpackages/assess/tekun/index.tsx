// 特困人员自测, in three short steps (基本情况 → 收入和赡养 → 生活自理), then the result on the page:
// the three conditions one by one, the 供养 standard and the 照料护理 allowance, with their sources.
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/shared/page-shell'
import { ChoiceGroup } from '../../../components/assessment/choice'
import { AssessmentField } from '../../../components/assessment/field'
import { NumberInput } from '../../../components/assessment/number-input'
import { RememberChoice } from '../../../components/assessment/remember-choice'
import { StaleResultNote } from '../../../components/assessment/result-parts'
import { TekunResult } from '../../../components/assessment/tekun-result'
import { scrollIntoView } from '../../../services/scroll'
import { EMPTY_TEKUN_ANSWERS, TEKUN_ANSWERS_KEY, type TekunAnswers, tekunAnswersSchema } from '../../../services/assessment-answers'
import { useRememberedAnswers } from '../../../components/assessment/use-remembered-answers'
import { collectFieldErrors } from '../../../components/assessment/validation'
import { useFullContent } from '../../../hooks/use-full-content'
import { type Result, type TekunAssessment, type TekunInput, assessTekun, parseTekunInput, todayInShanghai } from '../../../domain'
import { openPage } from '../../../services/navigation'
import '../assess.scss'

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

export default function TekunSelfCheck() {
  const { pack } = useFullContent()
  const today = useMemo(() => todayInShanghai(), [])
  const { saved, answers, setAnswers, remember, hasSaved, onRememberChange, saveIfRemembered, clear } = useRememberedAnswers(
    TEKUN_ANSWERS_KEY,
    tekunAnswersSchema,
    EMPTY_TEKUN_ANSWERS,
  )
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<Partial<Record<TekunField, string>>>({})
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const set = <K extends keyof TekunAnswers>(key: K, value: TekunAnswers[K], field: TekunField) => {
    setAnswers({ ...answers, [key]: value })
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
      scrollIntoView(`tekun-${firstInvalid}`)
      return
    }
    setStep(step + 1)
    scrollIntoView('tekun-step')
  }

  const calculate = () => {
    const { result, relevant, firstInvalid } = check(STEPS.length - 1)
    setErrors(relevant)
    if (firstInvalid || !result.value) {
      // go back to the step that holds the first problem
      const at = STEPS.findIndex((s) => firstInvalid !== undefined && s.fields.includes(firstInvalid))
      if (at >= 0) setStep(at)
      setOutcome(null)
      if (firstInvalid) scrollIntoView(`tekun-${firstInvalid}`)
      return
    }
    const input = result.value
    setOutcome({ answers: { ...answers }, input, result: assessTekun(pack, input) })
    saveIfRemembered(answers)
    scrollIntoView('tekun-result')
  }

  const onClear = () => {
    clear()
    setErrors({})
    setOutcome(null)
    setStep(0)
  }

  const stale = outcome !== null && (Object.keys(answers) as Array<keyof TekunAnswers>).some((k) => outcome.answers[k] !== answers[k])
  const last = step === STEPS.length - 1

  if (pack.parameters.length === 0) {
    return (
      <PageShell name="packages-assess-tekun">
        <View className="assess-empty" role="alert">
          <Text>暂时没有救助标准数据，无法计算。请连网后重新打开，或拨打 12345 咨询。</Text>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell name="packages-assess-tekun">
      <View className="assess-intro">
        <Text className="assess-title">特困人员自测</Text>
        <Text className="assess-intro__text">看看本人是否可能纳入特困人员供养、每月大约多少。只在手机上计算，不会上传任何信息。</Text>
        {saved && <Text className="assess-intro__saved">已填好您上次保存的内容。</Text>}
      </View>

      <View
        className="assess-progress"
        id="tekun-step"
        role="list"
        aria-label={`共${STEPS.length}步，当前第${step + 1}步：${STEPS[step].title}`}
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
            <AssessmentField
              label="住在城市还是农村？"
              hint="按户口所在地选"
              error={errors.area}
              errorId="tekun-area-error"
              id="tekun-area"
            >
              <ChoiceGroup
                label="住在城市还是农村"
                options={[
                  { value: 'urban', label: '城市' },
                  { value: 'rural', label: '农村' },
                ]}
                value={answers.area}
                onChange={(v) => set('area', v, 'area')}
                invalid={Boolean(errors.area)}
                errorId="tekun-area-error"
              />
            </AssessmentField>
            {answers.area === 'rural' && (
              <AssessmentField label="打算怎样供养？" error={errors.care} errorId="tekun-care-error" id="tekun-care">
                <ChoiceGroup
                  label="供养方式"
                  layout="column"
                  options={[
                    { value: 'dispersed', label: '分散供养', hint: '住在自己家里' },
                    { value: 'centralized', label: '集中供养', hint: '住进敬老院等供养服务机构' },
                  ]}
                  value={answers.care}
                  onChange={(v) => set('care', v, 'care')}
                  invalid={Boolean(errors.care)}
                  errorId="tekun-care-error"
                />
              </AssessmentField>
            )}
            <AssessmentField label="本人年龄" hint="按周岁填写" error={errors.age} errorId="tekun-age-error" id="tekun-age">
              <NumberInput
                kind="integer"
                label="本人年龄"
                unit="周岁"
                placeholder="例如 70"
                value={answers.age}
                onChange={(v) => set('age', v, 'age')}
                invalid={Boolean(errors.age)}
                errorId="tekun-age-error"
              />
            </AssessmentField>
            {asksWorkCapacity(answers.age) && (
              <AssessmentField
                label="本人有劳动能力吗？"
                hint="没有劳动能力的，需要有残疾证或劳动能力认定"
                error={errors.canWork}
                errorId="tekun-canWork-error"
                id="tekun-canWork"
              >
                <ChoiceGroup
                  label="本人有劳动能力吗"
                  options={[
                    { value: 'yes', label: '有劳动能力' },
                    { value: 'no', label: '没有劳动能力' },
                  ]}
                  value={answers.canWork}
                  onChange={(v) => set('canWork', v, 'canWork')}
                  invalid={Boolean(errors.canWork)}
                  errorId="tekun-canWork-error"
                />
              </AssessmentField>
            )}
          </>
        )}
        {step === 1 && (
          <>
            <AssessmentField
              label="本人每月收入"
              hint="养老金、补贴、打零工等加在一起；没有收入填 0"
              error={errors.monthlyIncome}
              errorId="tekun-monthlyIncome-error"
              id="tekun-monthlyIncome"
            >
              <NumberInput
                kind="money"
                label="本人每月收入"
                unit="元/月"
                placeholder="没有收入填 0"
                value={answers.monthlyIncome}
                onChange={(v) => set('monthlyIncome', v, 'monthlyIncome')}
                invalid={Boolean(errors.monthlyIncome)}
                errorId="tekun-monthlyIncome-error"
              />
            </AssessmentField>
            <AssessmentField
              label="有没有能赡养（抚养、扶养）您的人？"
              hint="指子女、配偶、父母等法定义务人，并且他们有能力照顾您"
              error={errors.hasCapableSupporter}
              errorId="tekun-hasCapableSupporter-error"
              id="tekun-hasCapableSupporter"
            >
              <ChoiceGroup
                label="有没有能赡养您的人"
                layout="column"
                options={[
                  { value: 'no', label: '没有', hint: '没有这样的亲人，或他们没有能力' },
                  { value: 'yes', label: '有', hint: '有亲人能够赡养（抚养、扶养）' },
                ]}
                value={answers.supporter}
                onChange={(v) => set('supporter', v, 'hasCapableSupporter')}
                invalid={Boolean(errors.hasCapableSupporter)}
                errorId="tekun-hasCapableSupporter-error"
              />
            </AssessmentField>
          </>
        )}
        {step === 2 && (
          <AssessmentField
            label="生活能自理吗？"
            hint="最终由民政部门组织评估认定"
            error={errors.selfCare}
            errorId="tekun-selfCare-error"
            id="tekun-selfCare"
          >
            <ChoiceGroup
              label="生活自理能力"
              layout="column"
              options={[
                { value: 'self', label: '能自理', hint: '吃饭、穿衣、上厕所等都能自己做' },
                { value: 'semi', label: '半失能', hint: '有些事需要别人帮忙' },
                { value: 'full', label: '全失能', hint: '吃饭、穿衣、上厕所等都需要别人照顾' },
              ]}
              value={answers.selfCare}
              onChange={(v) => set('selfCare', v, 'selfCare')}
              invalid={Boolean(errors.selfCare)}
              errorId="tekun-selfCare-error"
            />
          </AssessmentField>
        )}

        {last && <RememberChoice checked={remember} onChange={onRememberChange} hasSaved={hasSaved} onClear={onClear} />}

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

      <View id="tekun-result" className="assess-result-anchor" aria-live="polite">
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

      <View className="assess-links">
        <View
          className="assess-links__item"
          role="link"
          aria-label="去做低保自测"
          onClick={() => openPage('/subpackages/assess/dibao/index')}
        >
          <Text>按全家收入算一算：低保自测 ›</Text>
        </View>
        <View
          className="assess-links__item"
          role="link"
          aria-label="查看隐私说明"
          onClick={() => openPage('/subpackages/about/privacy/index')}
        >
          <Text>隐私说明：您填写的内容怎样处理 ›</Text>
        </View>
      </View>
    </PageShell>
  )
}
