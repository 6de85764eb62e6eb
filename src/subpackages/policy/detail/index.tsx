// 政策详情: the plain summary first, key points, deadlines on a timeline (passed / upcoming against
// today in Asia/Shanghai), then the full text by section with its attachment tables. ?section=
// opens and scrolls to one section (links from sources and search land there).
import { useMemo, useState } from 'react'
import { useOnArrival } from '../../../hooks/use-on-arrival'
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/shared/page-shell'
import { scrollIntoView } from '../../../services/scroll'
import { MilestoneTimeline } from '../../../components/policy/milestone-timeline'
import { PolicyHeader } from '../../../components/policy/policy-header'
import { PolicyKeyPoints } from '../../../components/policy/key-points'
import { PolicySection, sectionElementId } from '../../../components/policy/policy-section'
import { ShareBar } from '../../../components/policy/share-bar'
import { PageState } from '../../../components/shared/page-state'
import { useFullContent } from '../../../hooks/use-full-content'
import { todayInShanghai } from '../../../domain'
import { openPage } from '../../../services/navigation'
import { type ShareCard, policyCard, timelineCard } from '../../../services/share-card'
import { routes } from '../../../routes'
import './index.scss'

function param(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export default function PolicyDetail() {
  const router = useRouter()
  const id = param(router.params.id)
  const sectionParam = param(router.params.section)
  const { pack } = useFullContent()
  const policy = pack.policies.find((p) => p.id === id)
  const today = useMemo(() => todayInShanghai(), [])
  const target = policy?.sections.some((s) => s.id === sectionParam) ? sectionParam : ''
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(target ? [target] : []))
  const route = routes.policyDetail({ id })

  // weapp share card: the document's title and number
  const card = (): ShareCard => (policy ? policyCard(policy) : { title: '政策解读', path: route })
  useShareAppMessage(card)
  useShareTimeline(() => timelineCard(card()))

  useOnArrival(() => {
    if (target) scrollIntoView(sectionElementId(target))
  })

  if (!policy) {
    return (
      <PageShell name="packages-policy-detail">
        <PageState
          kind="not-found"
          title="没有找到这份政策文件"
          detail={id ? `编号“${id}”的文件不在本应用的资料里，可能已更新或链接有误。` : '链接里缺少文件编号。'}
          actions={[
            { label: '返回政策列表', onClick: () => openPage(routes.policies()) },
            { label: '搜索', onClick: () => openPage(routes.search()) },
          ]}
        />
      </PageShell>
    )
  }

  const source = pack.sources.find((s) => s.id === policy.sourceId)
  const allOpen = policy.sections.every((s) => open.has(s.id))
  const toggle = (sectionId: string) => {
    const next = new Set(open)
    if (next.has(sectionId)) next.delete(sectionId)
    else next.add(sectionId)
    setOpen(next)
  }

  return (
    <PageShell name="packages-policy-detail">
      <PolicyHeader policy={policy} />
      <ShareBar route={route} subject="这份政策" summary={`${policy.title}（${policy.docNumber}）\n${policy.summary}`} />

      <View className="policy-block policy-summary">
        <Text className="policy-block__title">一句话看懂</Text>
        <Text className="policy-summary__text" userSelect>
          {policy.summary}
        </Text>
      </View>

      <View className="policy-block">
        <Text className="policy-block__title">要点</Text>
        <PolicyKeyPoints points={policy.keyPoints} />
      </View>

      {policy.milestones.length > 0 && (
        <View className="policy-block">
          <Text className="policy-block__title">时间节点</Text>
          <MilestoneTimeline milestones={policy.milestones} today={today} />
        </View>
      )}

      <View className="policy-block">
        <View className="policy-fulltext__head">
          <Text className="policy-block__title">原文</Text>
          <Button
            className="policy-fulltext__all"
            fill="outline"
            size="small"
            onClick={() => setOpen(allOpen ? new Set() : new Set(policy.sections.map((s) => s.id)))}
          >
            {allOpen ? '全部收起' : '全部展开'}
          </Button>
        </View>
        {policy.sections.map((s) => (
          <PolicySection key={s.id} section={s} open={open.has(s.id)} onToggle={() => toggle(s.id)} docNumber={policy.docNumber} />
        ))}
        <Text className="policy-source">{`出处：${source ? source.location : policy.docNumber}。解读为便于阅读所写，以原文为准。`}</Text>
      </View>
    </PageShell>
  )
}
