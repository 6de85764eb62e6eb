// 标准详情: one standard's description, its full history, and the exact sentences it comes from,
// with the document's number, title, issuer, date, approving meeting and a copy button.
import { useMemo, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  type ContentPack,
  type HistoryEntry,
  type Reference,
  formatChineseDate,
  historyOf,
  standardsHeading,
  todayInShanghai,
  valueOn,
} from '../../../domain'
import { PageShell } from '../../../components/shared/page-shell'
import { MoneyText } from '../../../components/shared/money-text'
import { SourceLink } from '../../../components/shared/source-link'
import { ErrorState } from '../../../components/shared/error-state'
import { ActionButton } from '../../../components/shared/action-button'
import { effectiveBasisText, outdatedNotice, periodText } from '../../../components/shared/standard-format'
import { useFullContent } from '../../../hooks/use-full-content'
import { openPage } from '../../../services/navigation'
import { type ShareCard, standardCard, timelineCard } from '../../../services/share-card'
import { routes } from '../../../routes'
import './index.scss'

interface QuoteGroup {
  reference: Reference
  /** the periods this sentence is the source for */
  periods: HistoryEntry[]
}

/** Periods usually cite the same sentence: show each sentence once, with the periods it supports. */
function quotesOf(entries: readonly HistoryEntry[]): QuoteGroup[] {
  const groups: QuoteGroup[] = []
  for (const entry of entries) {
    const r = entry.value.reference
    const same = groups.find(
      (g) => g.reference.sourceId === r.sourceId && g.reference.article === r.article && g.reference.quote === r.quote,
    )
    if (same) same.periods.push(entry)
    else groups.push({ reference: r, periods: [entry] })
  }
  return groups
}

/**
 * The meeting that approved each period's figure. One sentence can carry figures of two periods (the
 * 2018 figure is quoted as 去年 in the 2019 notice) while the meeting approved only one of them, so a
 * meeting is named for the periods whose own reference names it, never for the whole sentence.
 */
function approvalLines(periods: readonly HistoryEntry[]): string[] {
  const byMeeting = new Map<string, HistoryEntry[]>()
  for (const p of periods) {
    const meeting = p.value.reference.approvedBy
    if (meeting) byMeeting.set(meeting, [...(byMeeting.get(meeting) ?? []), p])
  }
  return [...byMeeting].map(([meeting, approved]) =>
    approved.length === periods.length
      ? `审议通过：${meeting}`
      : `审议通过：${meeting}（${approved.map((p) => periodText(p.value.effectiveFrom, p.validUntil)).join('、')}的标准）`,
  )
}

/** The policy (and section) whose text contains the sentence, when the pack has that document. */
function policyTarget(pack: ContentPack, reference: Reference): { policyId: string; sectionId?: string } | null {
  const policy = pack.policies.find((p) => p.sourceId === reference.sourceId)
  if (!policy) return null
  const needle = reference.quote.replace(/\s+/g, '')
  const section = policy.sections.find((s) => s.paragraphs.some((p) => p.replace(/\s+/g, '').includes(needle)))
  return section ? { policyId: policy.id, sectionId: section.id } : { policyId: policy.id }
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = () => {
    try {
      Promise.resolve(Taro.setClipboardData({ data: text }))
        .then(() => setState('copied'))
        .catch(() => setState('failed'))
    } catch {
      setState('failed')
    }
  }
  return (
    <View className="copy-button">
      <ActionButton label="复制这句原文" onClick={copy} />
      {/* the result stays on the page (no auto-dismissing toast) */}
      <View role="status">
        {state === 'copied' ? <Text className="copy-button__result">已复制，可以粘贴到微信聊天中</Text> : null}
        {state === 'failed' ? <Text className="copy-button__result">复制没有成功，请长按原文手动复制</Text> : null}
      </View>
    </View>
  )
}

export default function StandardDetailPage() {
  const router = useRouter()
  const id = typeof router?.params?.id === 'string' ? decodeURIComponent(router.params.id) : ''
  const { pack } = useFullContent()
  const history = useMemo(() => historyOf(pack.parameters, id), [pack, id])
  // weapp share card: the standard, today's figure and its citation
  const card = (): ShareCard => {
    if (!history.ok) return { title: '景德镇救助标准', path: routes.standards() }
    const now = valueOn(history.value.parameter, todayInShanghai())
    return standardCard(history.value.parameter, now.ok ? now.value.current : null)
  }
  useShareAppMessage(card)
  useShareTimeline(() => timelineCard(card()))

  if (!history.ok) {
    return (
      <PageShell name="page-standard-detail">
        <Text className="page-title">标准详情</Text>
        <ErrorState
          title="没有找到这项救助标准"
          message={id ? `没有编号为“${id}”的救助标准，可能链接有误或数据已更新。` : '链接中缺少标准编号。'}
          actionLabel="查看全部救助标准"
          onAction={() => openPage(routes.standards())}
        />
      </PageShell>
    )
  }

  const { parameter, entries } = history.value
  const today = valueOn(parameter, todayInShanghai())
  const newestFirst = [...entries].reverse()
  const sourcesById = new Map(pack.sources.map((s) => [s.id, s]))

  return (
    <PageShell name="page-standard-detail">
      <Text className="page-title">{parameter.label}</Text>
      <Text className="page-intro">{`${parameter.region.name} · 单位：${parameter.unit}`}</Text>
      <Text className="detail-description">{parameter.description}</Text>

      <View className="card">
        <Text className="section-title detail-now__title">
          {standardsHeading(pack.parameters, todayInShanghai(), todayInShanghai(), { dateShownNearby: true })}
        </Text>
        {today.ok ? (
          <>
            <MoneyText fen={today.value.current.amountFen} unit={parameter.unit} size="hero" />
            <Text className="muted detail-now__dates">{`${periodText(today.value.current.effectiveFrom, today.value.validUntil)}执行`}</Text>
            {today.value.possiblyOutdated ? <Text className="notice">{outdatedNotice(today.value.current)}</Text> : null}
          </>
        ) : (
          <Text className="notice">{today.error.message}</Text>
        )}
      </View>

      <Text className="section-title">历年标准</Text>
      {newestFirst.map((entry) => (
        <View key={entry.value.effectiveFrom} className="card detail-period">
          <Text className="detail-period__dates">{periodText(entry.value.effectiveFrom, entry.validUntil)}</Text>
          <MoneyText fen={entry.value.amountFen} unit={parameter.unit} size="large" />
          {entry.changeFen !== null ? (
            <View className="detail-period__change">
              <Text>比上一期 </Text>
              <MoneyText fen={entry.changeFen} unit="元" signed size="small" />
            </View>
          ) : (
            <Text className="muted">本资料中最早的一期，没有可比较的上一期</Text>
          )}
          <Text className="detail-period__meta">{`执行日期依据：${effectiveBasisText(entry.value)}`}</Text>
          {entry.value.effectiveNote ? (
            <Text className={entry.value.effectiveFromBasis === 'assumed' ? 'notice' : 'detail-period__meta'}>
              {entry.value.effectiveNote}
            </Text>
          ) : null}
          <Text className="detail-period__meta">{`公布日期：${formatChineseDate(entry.value.publishedOn)}`}</Text>
          {entry.value.derivation ? (
            <Text className="detail-period__meta">{`数字怎么来的：${entry.value.derivation.explanation}`}</Text>
          ) : null}
        </View>
      ))}

      <Text className="section-title">原文</Text>
      {quotesOf(entries).map(({ reference, periods }) => {
        const source = sourcesById.get(reference.sourceId)
        const policy = policyTarget(pack, reference)
        return (
          <View key={`${reference.sourceId}-${reference.article}-${reference.quote}`} className="card detail-quote">
            <Text className="muted">{`${periods.map((p) => periodText(p.value.effectiveFrom, p.validUntil)).join('、')}的标准出自：`}</Text>
            <Text className="quote" selectable userSelect>{`“${reference.quote}”`}</Text>
            <View className="detail-quote__meta">
              <Text className="list-row">{`文号：${reference.docNumber}　${reference.article}`}</Text>
              {source ? (
                <>
                  <Text className="list-row">{`标题：${source.title}`}</Text>
                  <Text className="list-row">{`发文机关：${source.issuer}`}</Text>
                  <Text className="list-row">{`印发日期：${formatChineseDate(source.issuedOn)}`}</Text>
                  <Text className="list-row">{`出处：${source.location}`}</Text>
                </>
              ) : null}
              {approvalLines(periods).map((line) => (
                <Text key={line} className="list-row">
                  {line}
                </Text>
              ))}
            </View>
            <CopyButton text={`“${reference.quote}”——${reference.docNumber}${source ? `《${source.title}》` : ''}${reference.article}`} />
            {policy ? (
              <SourceLink
                docNumber={reference.docNumber}
                article={reference.article}
                prefix="全文："
                action="在全文中查看"
                target={{ kind: 'policy', ...policy }}
              />
            ) : (
              <SourceLink docNumber={reference.docNumber} prefix="文件信息：" target={{ kind: 'source', sourceId: reference.sourceId }} />
            )}
          </View>
        )
      })}
    </PageShell>
  )
}
