// 特困人员自测: the three-step form and its result (TekunEstimator), with the answers kept on this
// phone only if the person ticks "记住我的填写". Computed on the phone; nothing leaves it.
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/shared/page-shell'
import { TekunEstimator } from '../../../components/assessment/tekun-estimator'
import { RememberChoice } from '../../../components/assessment/remember-choice'
import { EMPTY_TEKUN_ANSWERS, tekunAnswersSchema } from '../../../services/assessment-answers'
import { TEKUN_ANSWERS_KEY } from '../../../services/storage-keys'
import { useRememberedAnswers } from '../../../components/assessment/use-remembered-answers'
import { useFullContent } from '../../../hooks/use-full-content'
import { todayInShanghai } from '../../../domain'
import { openPage } from '../../../services/navigation'
import { routes } from '../../../routes'
import '../assess.scss'

export default function TekunSelfCheck() {
  const { pack } = useFullContent()
  const today = useMemo(() => todayInShanghai(), [])
  const { saved, answers, setAnswers, remember, hasSaved, onRememberChange, saveIfRemembered, clear, formKey } = useRememberedAnswers(
    TEKUN_ANSWERS_KEY,
    tekunAnswersSchema,
    EMPTY_TEKUN_ANSWERS,
  )

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
      <TekunEstimator
        key={formKey}
        pack={pack}
        today={today}
        answers={answers}
        onAnswersChange={setAnswers}
        idPrefix="tekun"
        extra={<RememberChoice checked={remember} onChange={onRememberChange} hasSaved={hasSaved} onClear={clear} />}
        onCalculated={saveIfRemembered}
      />
      <View className="assess-links">
        <View className="assess-links__item" role="link" aria-label="去做低保自测" onClick={() => openPage(routes.dibao())}>
          <Text>按全家收入算一算：低保自测 ›</Text>
        </View>
        <View className="assess-links__item" role="link" aria-label="查看隐私说明" onClick={() => openPage(routes.privacy())}>
          <Text>隐私说明：您填写的内容怎样处理 ›</Text>
        </View>
      </View>
    </PageShell>
  )
}
