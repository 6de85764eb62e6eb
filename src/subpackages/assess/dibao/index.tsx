// 低保自测: one screen, at most four inputs (城市/农村, 家庭人口, 家庭月收入, 计算) so an older person gets
// an estimate in a few taps. Computed on the phone; nothing about the household leaves it. The
// answers are kept on this phone only if the person ticks "记住我的填写".
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/shared/page-shell'
import { DibaoEstimator } from '../../../components/assessment/dibao-estimator'
import { RememberChoice } from '../../../components/assessment/remember-choice'
import { EMPTY_DIBAO_ANSWERS, dibaoAnswersSchema } from '../../../services/assessment-answers'
import { DIBAO_ANSWERS_KEY } from '../../../services/storage-keys'
import { useRememberedAnswers } from '../../../components/assessment/use-remembered-answers'
import { useFullContent } from '../../../hooks/use-full-content'
import { todayInShanghai } from '../../../domain'
import { openPage } from '../../../services/navigation'
import { routes } from '../../../routes'
import '../assess.scss'

export default function DibaoSelfCheck() {
  const { pack } = useFullContent()
  const today = useMemo(() => todayInShanghai(), [])
  const { saved, answers, setAnswers, remember, hasSaved, onRememberChange, saveIfRemembered, clear, formKey } = useRememberedAnswers(
    DIBAO_ANSWERS_KEY,
    dibaoAnswersSchema,
    EMPTY_DIBAO_ANSWERS,
  )

  const hasStandards = pack.parameters.length > 0

  return (
    <PageShell name="packages-assess-dibao">
      <View className="assess-intro">
        <Text className="assess-title">低保自测</Text>
        <Text className="assess-intro__text">填 3 项就能估算。只在您的手机上计算，不会上传任何信息。</Text>
        {saved && <Text className="assess-intro__saved">已填好您上次保存的内容，可以直接点“计算”。</Text>}
      </View>
      {hasStandards ? (
        <DibaoEstimator
          key={formKey}
          pack={pack}
          today={today}
          answers={answers}
          onAnswersChange={setAnswers}
          idPrefix="dibao"
          extra={<RememberChoice checked={remember} onChange={onRememberChange} hasSaved={hasSaved} onClear={clear} />}
          onCalculated={saveIfRemembered}
        />
      ) : (
        <View className="assess-empty" role="alert">
          <Text>暂时没有救助标准数据，无法计算。请连网后重新打开，或拨打 12345 咨询。</Text>
        </View>
      )}
      <View className="assess-links">
        <View
          className="assess-links__item"
          role="link"
          aria-label="家里有无劳动能力、无人赡养的老人或残疾人？去做特困人员自测"
          onClick={() => openPage(routes.tekun())}
        >
          <Text>家里有无劳动能力、无人赡养的老人或残疾人？做特困人员自测 ›</Text>
        </View>
        <View className="assess-links__item" role="link" aria-label="查看隐私说明" onClick={() => openPage(routes.privacy())}>
          <Text>隐私说明：您填写的内容怎样处理 ›</Text>
        </View>
      </View>
    </PageShell>
  )
}
