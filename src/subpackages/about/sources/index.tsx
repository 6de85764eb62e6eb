// 数据来源: every document the content cites, with its number, title, issuer, date and where to
// read it, and which figures, documents and answers come from it. `?id=` puts one document first.
// Grouped (the city's own documents, checked word for word; national rules, quoted in substance),
// each document folded to its heading until opened: the whole list was eleven screens long.
import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { type ContentPack, LAW, type Source, formatChineseDate, formatYuan } from '../../../domain'
import { PageShell } from '../../../components/shared/page-shell'
import { EmptyState } from '../../../components/shared/empty-state'
import { ActionButton } from '../../../components/shared/action-button'
import { openPage } from '../../../services/navigation'
import { useFullContent } from '../../../hooks/use-full-content'
import { routes } from '../../../routes'
import './index.scss'

interface Use {
  key: string
  label: string
  /** a date kept whole on one line after the label: 「（2018年1月1日起）」 */
  since?: string
  value?: string
  url?: string
}

/** Everything in the pack (and the self-check rules) that cites this source. */
function usesOf(pack: ContentPack, source: Source): Use[] {
  const uses: Use[] = []
  for (const parameter of pack.parameters) {
    for (const value of parameter.values) {
      if (value.reference.sourceId !== source.id) continue
      uses.push({
        key: `p-${parameter.id}-${value.effectiveFrom}`,
        label: parameter.label,
        since: `（${formatChineseDate(value.effectiveFrom)}起）`,
        value: `${formatYuan(value.amountFen)}${parameter.unit} · ${value.reference.article}`,
        url: routes.standardDetail({ id: parameter.id }),
      })
    }
  }
  for (const policy of pack.policies) {
    if (policy.sourceId === source.id) {
      uses.push({
        key: `policy-${policy.id}`,
        label: `政策解读：${policy.title}`,
        url: routes.policyDetail({ id: policy.id }),
      })
    }
  }
  for (const faq of pack.faq) {
    if (faq.basedOn.includes(source.id)) {
      uses.push({
        key: `faq-${faq.id}`,
        label: `问答：${faq.question}`,
        url: routes.community({ faq: faq.id }),
      })
    }
  }
  for (const [key, citation] of Object.entries(LAW)) {
    if (citation.sourceId === source.id) {
      uses.push({ key: `law-${key}`, label: `自测规则：${citation.title}${citation.article}`, value: citation.gist })
    }
  }
  return uses
}

function UseRow({ use }: { use: Use }) {
  const name = `${use.label}${use.since ?? ''}`
  const label = (
    <Text className="list-row__label">
      {use.label}
      {use.since ? <Text className="keep-whole">{use.since}</Text> : null}
    </Text>
  )
  if (!use.url) {
    return (
      <View className="list-row">
        {label}
        {use.value ? <Text className="list-row__value">{use.value}</Text> : null}
      </View>
    )
  }
  const url = use.url
  return (
    <View className="list-row" role="link" aria-label={use.value ? `${name}，${use.value}` : name} onClick={() => openPage(url)}>
      {label}
      {use.value ? <Text className="list-row__value">{use.value}</Text> : null}
      <Text className="list-row__arrow" aria-hidden="true">
        ›
      </Text>
    </View>
  )
}

function SourceCard({ pack, source, highlighted }: { pack: ContentPack; source: Source; highlighted: boolean }) {
  const [copied, setCopied] = useState(false)
  // the document the person came for is open; the others show their heading until tapped
  const [open, setOpen] = useState(highlighted)
  const uses = usesOf(pack, source)
  return (
    <View id={`source-${source.id}`} className={`card source-card${highlighted ? ' source-card--highlighted' : ''}`}>
      {highlighted ? <Text className="tag tag--warn">您要查看的文件</Text> : null}
      <Text className="source-card__doc keep-whole">{source.docNumber}</Text>
      <Text className="source-card__title">{source.title}</Text>
      <Text className="source-card__meta">{`发文机关：${source.issuer}`}</Text>
      <Text className="source-card__meta">{`日期：${formatChineseDate(source.issuedOn)}`}</Text>
      <View className="source-card__toggle tap-target" role="button" aria-expanded={open ? 'true' : 'false'} onClick={() => setOpen(!open)}>
        <Text>{open ? '收起' : `出处和引用内容${uses.length ? `（${uses.length}）` : ''}`}</Text>
        <Text aria-hidden="true">{open ? ' ▴' : ' ▾'}</Text>
      </View>
      {open ? <SourceDetails source={source} uses={uses} copied={copied} setCopied={setCopied} /> : null}
    </View>
  )
}

interface SourceDetailsProps {
  source: Source
  uses: Use[]
  copied: boolean
  setCopied: (copied: boolean) => void
}

function SourceDetails({ source, uses, copied, setCopied }: SourceDetailsProps) {
  return (
    <View className="source-card__details">
      <Text className="source-card__meta">{`出处：${source.location}`}</Text>
      <Text className="source-card__meta">
        {source.kind === 'gazette' ? '原文已逐字核对' : '外部文件：引用的是条文要点，请以官方原文为准'}
      </Text>
      {source.url ? (
        <View className="source-card__url">
          <Text className="source-card__meta" selectable userSelect>{`网址：${source.url}`}</Text>
          <ActionButton
            label="复制网址"
            onClick={() => {
              try {
                Promise.resolve(Taro.setClipboardData({ data: source.url ?? '' }))
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              } catch {
                setCopied(false)
              }
            }}
          />
          <View role="status">{copied ? <Text className="source-card__copied">网址已复制，可粘贴到浏览器打开</Text> : null}</View>
        </View>
      ) : null}
      <Text className="source-card__uses-title">
        {uses.length ? `本应用中出自这份文件的内容（${uses.length}）` : '本应用中暂无直接引用这份文件的数字'}
      </Text>
      {uses.map((use) => (
        <UseRow key={use.key} use={use} />
      ))}
    </View>
  )
}

const GROUPS: ReadonlyArray<{ kind: Source['kind']; title: string }> = [
  { kind: 'gazette', title: '景德镇市政府文件（《景德镇市人民政府公报》，原文已逐字核对）' },
  { kind: 'notice', title: '其他公开的通知和公告' },
  { kind: 'external', title: '国家法规和部门文件（引用条文要点）' },
]

export default function SourcesPage() {
  const router = useRouter()
  const wanted = typeof router?.params?.id === 'string' ? decodeURIComponent(router.params.id) : ''
  const { pack } = useFullContent()
  const sources = useMemo(() => {
    const list = [...pack.sources]
    // the document the person came for first
    list.sort((a, b) => Number(b.id === wanted) - Number(a.id === wanted))
    return list
  }, [pack, wanted])

  return (
    <PageShell name="page-sources">
      <Text className="page-title">数据来源</Text>
      <Text className="page-intro">
        {`本应用的救助标准、政策和问答来自下列文件。救助标准以《景德镇市人民政府公报》2019年第6期为准，数据截至 ${formatChineseDate(pack.meta.asOf)}。`}
      </Text>
      {wanted && !pack.sources.some((s) => s.id === wanted) ? (
        <Text className="notice">没有找到您要查看的那份文件，下面是全部来源。</Text>
      ) : null}
      {sources.length === 0 ? (
        <EmptyState title="暂无数据来源" description="本应用的数据中还没有收录来源文件。" />
      ) : (
        <>
          {/* the document asked for (?id=) stands first, above the groups */}
          {sources
            .filter((source) => source.id === wanted)
            .map((source) => (
              <SourceCard key={source.id} pack={pack} source={source} highlighted />
            ))}
          {GROUPS.map((group) => {
            const members = sources.filter((s) => s.kind === group.kind && s.id !== wanted)
            return members.length ? (
              <View key={group.kind} className="source-group" role="group" aria-label={group.title}>
                <Text className="section-title source-group__title">{`${group.title}（${members.length}）`}</Text>
                {members.map((source) => (
                  <SourceCard key={source.id} pack={pack} source={source} highlighted={false} />
                ))}
              </View>
            ) : null
          })}
        </>
      )}
    </PageShell>
  )
}
