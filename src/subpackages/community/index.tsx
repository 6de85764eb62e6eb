// 社区工作者: quick answers to copy or share, every standard in force on one screen, and a 低保
// estimate for a neighbour that is never stored (no storage writes at all on this page).
import { useMemo, useState } from 'react'
import { useOnArrival } from '../../hooks/use-on-arrival'
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { PageShell } from '../../components/shared/page-shell'
import { DibaoEstimator } from '../../components/assessment/dibao-estimator'
import { scrollIntoView } from '../../services/scroll'
import { EMPTY_DIBAO_ANSWERS, type DibaoAnswers } from '../../services/assessment-answers'
import { FaqItem, faqBasis, faqElementId } from '../../components/community/faq'
import { StandardsTable } from '../../components/community/standards-table'
import { PageState } from '../../components/shared/page-state'
import { useFullContent } from '../../hooks/use-full-content'
import { todayInShanghai } from '../../domain'
import { faqCard, timelineCard } from '../../services/share-card'
import { routes } from '../../routes'
import './index.scss'

const SECTIONS = [
  { id: 'community-faq', label: '常见问题' },
  { id: 'community-standards', label: '标准一览' },
  { id: 'community-estimate', label: '帮邻居估算' },
] as const

/** the faq id carried by a weapp share button (data-faq-id) */
function faqIdOf(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null) return undefined
  const dataset = (target as { dataset?: unknown }).dataset
  if (typeof dataset !== 'object' || dataset === null) return undefined
  const id = (dataset as Record<string, unknown>).faqId
  return typeof id === 'string' ? id : undefined
}

export default function CommunityPage() {
  const { pack } = useFullContent()
  const router = useRouter()
  const focusFaq = router.params.faq ?? ''
  const today = useMemo(() => todayInShanghai(), [])
  // the neighbour's answers live in this component only: never written to storage
  const [answers, setAnswers] = useState<DibaoAnswers>(EMPTY_DIBAO_ANSWERS)

  // share cards carry the answer's question and citation, never the estimator's answers
  const pageCard = { title: '社区工作者：救助标准和常见问题速查', path: routes.community() }
  useShareAppMessage((res) => {
    const faq = res.from === 'button' ? pack.faq.find((f) => f.id === faqIdOf(res.target)) : undefined
    return faq ? faqCard(faq, faqBasis(pack, faq, today)) : pageCard
  })
  useShareTimeline(() => timelineCard(pageCard))

  useOnArrival(() => {
    if (focusFaq && pack.faq.some((f) => f.id === focusFaq)) scrollIntoView(faqElementId(focusFaq))
  })

  return (
    <PageShell name="packages-community">
      <View className="community-head">
        <Text className="community-title">社区工作者</Text>
        <Text className="community-intro">常见问题一键复制，救助标准一屏看全，帮邻居估算低保（不保存任何填写）。</Text>
        <View className="community-nav" role="navigation" aria-label="本页内容">
          {SECTIONS.map((s) => (
            <View key={s.id} className="community-nav__item" role="link" aria-label={`跳到${s.label}`} onClick={() => scrollIntoView(s.id)}>
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="community-section" id="community-faq">
        <Text className="community-section__title">常见问题</Text>
        {pack.faq.length === 0 ? (
          <PageState kind="empty" title="暂时还没有常见问题" detail="内容更新后会显示在这里。" />
        ) : (
          pack.faq.map((f) => <FaqItem key={f.id} faq={f} basis={faqBasis(pack, f, today)} highlighted={f.id === focusFaq} />)
        )}
      </View>

      <View className="community-section" id="community-standards">
        <Text className="community-section__title">救助标准一览</Text>
        {pack.parameters.length === 0 ? (
          <PageState kind="empty" title="暂时没有救助标准数据" detail="请连网后重新打开。" />
        ) : (
          <StandardsTable parameters={pack.parameters} today={today} />
        )}
      </View>

      <View className="community-section" id="community-estimate">
        <Text className="community-section__title">帮邻居估算低保</Text>
        <Text className="community-section__note">这里填的内容不会保存，离开本页就清除。</Text>
        {pack.parameters.length > 0 && (
          <DibaoEstimator pack={pack} today={today} answers={answers} onAnswersChange={setAnswers} idPrefix="community" compact />
        )}
      </View>
    </PageShell>
  )
}
