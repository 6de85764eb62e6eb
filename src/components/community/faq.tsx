// Quick answers for community workers: each question with its answer and what it rests on, to copy
// into a chat (question + answer + source) or share as a card on weapp.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { type ContentPack, type Faq, type IsoDate, findParameter, valueOn } from '../../domain'
import { CopyButton } from '../policy/copy-button'
import { pageLink } from '../../services/clipboard'
import { SourceLink, type SourceTarget } from '../shared/source-link'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'
import './community.scss'

export type FaqBasis =
  | { kind: 'parameter' | 'policy' | 'source'; docNumber: string; article?: string; title?: string; target: SourceTarget }
  | { kind: 'service'; serviceId: string; name: string }

/**
 * What an answer rests on, resolved from the ids in basedOn (standards, policies, sources, services).
 * A source document is left out when a standard or policy from the same document is already listed.
 */
export function faqBasis(pack: ContentPack, faq: Faq, today: IsoDate): FaqBasis[] {
  const out: FaqBasis[] = []
  const sources: FaqBasis[] = []
  for (const id of faq.basedOn) {
    const parameter = findParameter(pack.parameters, id)
    if (parameter) {
      const v = valueOn(parameter, today)
      // nothing in force yet: cite the latest entry (the schema requires at least one, values: min(1))
      const ref = v.ok ? v.value.current.reference : parameter.values[parameter.values.length - 1]!.reference
      out.push({ kind: 'parameter', docNumber: ref.docNumber, article: ref.article, target: { kind: 'parameter', parameterId: id } })
      continue
    }
    const policy = pack.policies.find((p) => p.id === id)
    if (policy) {
      out.push({ kind: 'policy', docNumber: policy.docNumber, target: { kind: 'policy', policyId: id } })
      continue
    }
    const service = pack.services.find((sv) => sv.id === id)
    if (service) {
      out.push({ kind: 'service', serviceId: id, name: service.name })
      continue
    }
    const source = pack.sources.find((src) => src.id === id)
    if (source)
      sources.push({
        kind: 'source',
        docNumber: source.docNumber,
        title: `《${source.title.replace(/《/g, '〈').replace(/》/g, '〉')}》`,
        target: { kind: 'source', sourceId: id },
      })
  }
  const covered = new Set(out.map((b) => (b.kind === 'service' ? '' : b.docNumber)))
  return [...out, ...sources.filter((b) => b.kind === 'service' || !covered.has(b.docNumber))]
}

/** "景府办字〔2019〕35号 第（一）项、第（二）项；《社会救助暂行办法》（国务院令第649号）" */
export function basisText(basis: readonly FaqBasis[]): string {
  const byDoc = new Map<string, { title?: string; articles: string[] }>()
  const services: string[] = []
  for (const b of basis) {
    if (b.kind === 'service') {
      services.push(b.name)
      continue
    }
    const entry = byDoc.get(b.docNumber) ?? { articles: [] }
    if (b.title) entry.title = b.title
    if (b.article && !entry.articles.includes(b.article)) entry.articles.push(b.article)
    byDoc.set(b.docNumber, entry)
  }
  const docs = Array.from(
    byDoc,
    ([doc, e]) => `${e.title ? `${e.title}（${doc}）` : doc}${e.articles.length ? ` ${e.articles.join('、')}` : ''}`,
  )
  return [...docs, ...services.map((n) => `办事指南“${n}”`)].join('；')
}

export function faqCopyText(faq: Faq, basis: readonly FaqBasis[]): string {
  const lines = [`问：${faq.question}`, `答：${faq.answer}`]
  if (basis.length > 0) lines.push(`依据：${basisText(basis)}`)
  return lines.join('\n')
}

export function faqElementId(faqId: string): string {
  return `faq-${faqId}`
}

export interface FaqItemProps {
  faq: Faq
  basis: readonly FaqBasis[]
  highlighted?: boolean
}

export function FaqItem({ faq, basis, highlighted }: FaqItemProps) {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className={`faq${highlighted ? ' faq--highlighted' : ''}`} id={faqElementId(faq.id)}>
      <Text className="faq__q">{`问：${faq.question}`}</Text>
      <Text className="faq__a" userSelect>{`答：${faq.answer}`}</Text>
      {basis.map((b, i) =>
        b.kind === 'service' ? (
          <View
            key={i}
            className="source-link faq__service"
            role="link"
            aria-label={`办事指南：${b.name}，点按查看`}
            onClick={() => openPage(routes.serviceDetail({ id: b.serviceId }))}
          >
            <Text>{`办事指南：${b.name} ›`}</Text>
          </View>
        ) : (
          <SourceLink
            key={i}
            docNumber={b.kind === 'source' && b.title ? `${b.title}（${b.docNumber}）` : b.docNumber}
            article={b.article}
            target={b.target}
            prefix={b.kind === 'policy' ? '政策解读：' : '依据：'}
          />
        ),
      )}
      <View className="faq__tools">
        {/* one copy button: on H5 the copy ends with a link to this answer; weapp shares by card */}
        <CopyButton
          text={weapp ? faqCopyText(faq, basis) : `${faqCopyText(faq, basis)}\n${pageLink(routes.community({ faq: faq.id }))}`}
          label="复制问答"
          ariaLabel={`复制问答：${faq.question}`}
        />
        {weapp ? (
          <Button
            className="faq__share"
            fill="outline"
            size="small"
            openType="share"
            data-faq-id={faq.id}
            aria-label={`分享问答：${faq.question}`}
          >
            分享
          </Button>
        ) : null}
      </View>
    </View>
  )
}
