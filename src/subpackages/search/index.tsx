// 搜索: policies, services, standards and answers, searched on the phone (works offline).
// Highlights are rendered as text spans, never as HTML. `?q=` pre-fills the query.
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { SearchBar } from '@nutui/nutui-react-taro'
import { type SearchHit, type SearchKind, search } from '../../domain/search'
import { PageShell } from '../../components/shared/page-shell'
import { EmptyState } from '../../components/shared/empty-state'
import { ErrorState } from '../../components/shared/error-state'
import { LoadingState } from '../../components/shared/loading-state'
import { ActionButton } from '../../components/shared/action-button'
import { useFullContent } from '../../hooks/use-full-content'
import { useSearchIndex } from '../../hooks/use-search-index'
import { openPage } from '../../services/navigation'
import { clearRecentSearches, loadRecentSearches, rememberSearch } from '../../services/recent-searches'
import { routes } from '../../routes'
import './index.scss'

const KIND_ORDER: readonly SearchKind[] = ['parameter', 'policy', 'service', 'faq']
const KIND_TITLES: Record<SearchKind, string> = {
  parameter: '救助标准',
  policy: '政策文件',
  service: '办事指南',
  faq: '常见问答',
}
const SUGGESTIONS = ['低保标准', '特困供养', '照料护理', '精简退职', '一次不跑', '申请低保']

function hitUrl(hit: SearchHit): string {
  const { id } = hit
  switch (hit.kind) {
    case 'parameter':
      return routes.standardDetail({ id })
    case 'policy':
      return routes.policyDetail({ id, section: hit.sectionId })
    case 'service':
      return routes.serviceDetail({ id })
    case 'faq':
      return routes.community({ faq: id })
  }
}

interface SearchResultProps {
  hit: SearchHit
  /** a policy's 文号 */
  docNumber?: string
  /** only some words of the query are in it, while other results hold the whole query */
  partial: boolean
  onOpen: (hit: SearchHit) => void
}

function SearchResult({ hit, docNumber, partial, onOpen }: SearchResultProps) {
  const snippetText = hit.snippet.map((s) => s.text).join('')
  return (
    <View
      className="search-result tap-target"
      role="link"
      aria-label={`${KIND_TITLES[hit.kind]}：${hit.title}${docNumber ? `（${docNumber}）` : ''}。${snippetText}`}
      onClick={() => onOpen(hit)}
    >
      <Text className="search-result__kind tag">{KIND_TITLES[hit.kind]}</Text>
      {partial ? <Text className="search-result__kind tag search-result__partial">部分匹配</Text> : null}
      <Text className="search-result__title">{hit.title}</Text>
      {docNumber ? <Text className="search-result__doc keep-whole">{docNumber}</Text> : null}
      <View className="search-result__snippet" aria-hidden="true">
        {hit.snippet.map((segment, i) =>
          segment.hit ? (
            <Text key={i} className="hl">
              {segment.text}
            </Text>
          ) : (
            <Text key={i}>{segment.text}</Text>
          ),
        )}
      </View>
    </View>
  )
}

export default function SearchPage() {
  const router = useRouter()
  const initial = typeof router?.params?.q === 'string' ? decodeURIComponent(router.params.q) : ''
  const [query, setQuery] = useState(initial)
  const [recent, setRecent] = useState<string[]>(() => (initial.trim() ? rememberSearch(initial) : loadRecentSearches()))
  const { pack } = useFullContent()
  const indexState = useSearchIndex(pack)
  const trimmed = query.trim()
  const hits = useMemo(() => {
    if (indexState.state !== 'ready' || !trimmed) return []
    try {
      return search(indexState.index, trimmed, { limit: 40 })
    } catch {
      // an unexpected query must not take the page down: show "nothing found"
      return []
    }
  }, [indexState, trimmed])
  const docNumbers = useMemo(() => new Map(pack.policies.map((p) => [p.id, p.docNumber])), [pack])
  const partial = hits.filter((h) => !h.whole).length
  const groups = KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0)

  const run = (text: string) => {
    setQuery(text)
    if (text.trim()) setRecent(rememberSearch(text))
  }
  const open = (hit: SearchHit) => {
    // a search that led somewhere is worth remembering
    setRecent(rememberSearch(trimmed))
    openPage(hitUrl(hit))
  }

  return (
    <PageShell name="page-search">
      <Text className="page-title">搜索</Text>
      <SearchBar
        className="search-bar"
        value={query}
        placeholder="输入关键词，如：低保标准"
        onChange={(value: string) => setQuery(value)}
        onSearch={(value: string) => run(value)}
        onClear={() => setQuery('')}
        inputProps={{ ariaLabel: '搜索关键词' }}
      />

      {indexState.state === 'building' ? (
        <LoadingState text="正在准备搜索…" />
      ) : indexState.state === 'failed' ? (
        <ErrorState title="搜索暂时不可用" message="准备搜索时出了问题。您可以从首页、政策和办事页面直接查找，或拨打12345咨询。" />
      ) : !trimmed ? (
        <View className="search-idle">
          <Text className="section-title">最近搜索</Text>
          {recent.length === 0 ? (
            <Text className="muted">还没有搜索记录。搜索记录只保存在您的手机上。</Text>
          ) : (
            <>
              <View className="search-chips">
                {recent.map((q) => (
                  <View key={q} className="search-chip tap-target" role="button" aria-label={`再次搜索：${q}`} onClick={() => run(q)}>
                    <Text>{q}</Text>
                  </View>
                ))}
              </View>
              <ActionButton
                label="清除搜索记录"
                onClick={() => {
                  clearRecentSearches()
                  setRecent([])
                }}
              />
            </>
          )}
          <Text className="section-title">大家常搜</Text>
          <View className="search-chips">
            {SUGGESTIONS.map((q) => (
              <View key={q} className="search-chip tap-target" role="button" aria-label={`搜索：${q}`} onClick={() => run(q)}>
                <Text>{q}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : hits.length === 0 ? (
        <EmptyState
          title={`没有找到与“${trimmed}”相关的内容`}
          description="换个说法试试，比如“低保”“特困”“照料护理”，或者拨打12345咨询。"
        />
      ) : (
        <View className="search-results" role="region" aria-label="搜索结果">
          <Text className="search-results__count muted">{`找到 ${hits.length} 条结果`}</Text>
          {partial > 0 ? (
            <Text className="notice search-results__partial">
              {partial === hits.length
                ? `没有内容完整包含“${trimmed}”，下面的结果只包含其中的部分字词。`
                : `其中 ${partial} 条只包含“${trimmed}”的部分字词，标有“部分匹配”。`}
            </Text>
          ) : null}
          {groups.map((group) => (
            <View key={group.kind} className="search-group">
              <Text className="section-title">{`${KIND_TITLES[group.kind]}（${group.hits.length}）`}</Text>
              {group.hits.map((hit) => (
                <SearchResult
                  key={`${hit.kind}:${hit.id}`}
                  hit={hit}
                  docNumber={hit.kind === 'policy' ? docNumbers.get(hit.id) : undefined}
                  partial={partial > 0 && partial < hits.length && !hit.whole}
                  onOpen={open}
                />
              ))}
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
