// 政策解读: the city's policy documents explained in plain words — filter by topic, search by title,
// summary or 文号 — and the 政务动态 (the government's meetings) underneath.
import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/shared/page-shell'
import { FilterChips } from '../../components/shared/filter-chips'
import { NewsList } from '../../components/policy/policy-news'
import { PolicyCard } from '../../components/policy/policy-card'
import { PageState } from '../../components/shared/page-state'
import { SearchBox } from '../../components/shared/search-box'
import { matchesAllTerms, policyFilterText } from '../../domain/search/filter'
import { compareIsoDates } from '../../domain/dates'
import { useFullContent } from '../../hooks/use-full-content'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'
import './index.scss'

const ALL = '全部'
/**
 * Cards rendered at a time. On weapp the first render is one setData call, which WeChat's audit
 * wants at or under 256 KB; at about 3.5 KB a card, 20 keep it near 70 KB however many documents
 * the pack holds, and each 再显示 appends only the next 20.
 */
export const POLICIES_PAGE_SIZE = 20

export default function PoliciesPage() {
  const { pack, status } = useFullContent()
  const [topic, setTopic] = useState<string>(ALL)
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(POLICIES_PAGE_SIZE)

  const topics = useMemo(() => {
    const counts = new Map<string, number>()
    for (const p of pack.policies) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1)
    return [
      { value: ALL, label: ALL, count: pack.policies.length },
      ...Array.from(counts, ([t, n]) => ({ value: t, label: t, count: n })).sort((a, b) => b.count - a.count),
    ]
  }, [pack.policies])

  const shown = useMemo(
    () =>
      pack.policies
        .filter((p) => topic === ALL || p.topics.includes(topic))
        .filter((p) => matchesAllTerms(query, policyFilterText(p)))
        .sort((a, b) => compareIsoDates(b.issuedOn, a.issuedOn)),
    [pack.policies, topic, query],
  )
  // a new filter starts from the top of its own list
  useEffect(() => setLimit(POLICIES_PAGE_SIZE), [topic, query])
  const remaining = shown.length - limit

  const searchEverywhere = () => openPage(routes.search({ q: query }))

  return (
    <PageShell name="pages-policies">
      <View className="policies-head">
        <Text className="policies-title">政策解读</Text>
        <Text className="policies-intro">市政府文件的大白话解读，附原文和办理时间节点。</Text>
      </View>
      <SearchBox value={query} onChange={setQuery} label="搜索政策：标题、文号或内容" placeholder="搜标题、文号或内容，如“低保”" />
      <View
        className="policies-global"
        role="link"
        aria-label="在全部内容中搜索，包括救助标准、办事指南和常见问题"
        onClick={searchEverywhere}
      >
        <Text>{query.trim() ? `在全部内容中搜“${query.trim()}” ›` : '在全部内容（标准、办事、问答）中搜索 ›'}</Text>
      </View>

      {pack.policies.length === 0 ? (
        status.refreshing ? (
          <PageState kind="loading" title="正在获取政策解读…" />
        ) : (
          <PageState
            kind={status.message ? 'error' : 'empty'}
            title="暂时还没有政策解读"
            detail={status.message ?? '内容更新后会显示在这里；也可以先看救助标准。'}
            actions={[{ label: '看救助标准', onClick: () => openPage(routes.standards()) }]}
          />
        )
      ) : (
        <>
          {topics.length > 2 && (
            <FilterChips label="按主题筛选政策（可左右滑动）" options={topics} value={topic} onChange={setTopic} scroll />
          )}
          <Text className="policies-count" aria-live="polite">{`共 ${shown.length} 份文件`}</Text>
          {shown.length === 0 ? (
            <PageState
              kind="empty"
              title="没有找到符合条件的政策"
              detail="换个词试试，或者在全部内容中搜索。"
              actions={[
                {
                  label: '清除筛选',
                  onClick: () => {
                    setQuery('')
                    setTopic(ALL)
                  },
                },
                { label: '在全部内容中搜索', onClick: searchEverywhere },
              ]}
            />
          ) : (
            <>
              <View role="list" aria-label="政策文件">
                {shown.slice(0, limit).map((p) => (
                  <View key={p.id} role="listitem">
                    <PolicyCard policy={p} />
                  </View>
                ))}
              </View>
              {remaining > 0 ? (
                <View className="policies-more tap-target" role="button" onClick={() => setLimit(limit + POLICIES_PAGE_SIZE)}>
                  <Text>{`再显示 ${Math.min(remaining, POLICIES_PAGE_SIZE)} 份（还有 ${remaining} 份）`}</Text>
                </View>
              ) : null}
            </>
          )}
        </>
      )}

      {pack.news.length > 0 && (
        <View className="policies-news">
          <Text className="policies-section-title">政务动态</Text>
          <NewsList news={pack.news} />
        </View>
      )}
    </PageShell>
  )
}
