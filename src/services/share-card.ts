// What a WeChat share card says (onShareAppMessage / onShareTimeline): the subject and its citation,
// built only from published content. Nothing a person typed (household size, income, age) is ever
// passed in, so a card cannot carry household figures.
import type { FaqBasis } from '../components/community/faq'
import { type Faq, type Fen, type Parameter, type Policy, formatYuan } from '../domain'
import { routes } from '../routes'

export interface ShareCard {
  /** the card's title, with its citation */
  title: string
  /** the page to open, with its query */
  path: string
}

/** onShareTimeline takes the query without the page path. */
export function timelineCard(card: ShareCard): { title: string; query: string } {
  const query = card.path.includes('?') ? card.path.slice(card.path.indexOf('?') + 1) : ''
  return { title: card.title, query }
}

const citation = (docNumber: string, article?: string) => (article ? `${docNumber}${article}` : docNumber)

export function standardCard(
  parameter: Pick<Parameter, 'id' | 'label' | 'unit'>,
  current: { amountFen: Fen; reference: { docNumber: string; article?: string } } | null,
): ShareCard {
  const path = routes.standardDetail({ id: parameter.id })
  if (!current) return { title: parameter.label, path }
  const { docNumber, article } = current.reference
  return { title: `${parameter.label}：${formatYuan(current.amountFen)}${parameter.unit}（${citation(docNumber, article)}）`, path }
}

export function policyCard(policy: Pick<Policy, 'id' | 'title' | 'docNumber'>): ShareCard {
  return { title: `${policy.title}（${policy.docNumber}）`, path: routes.policyDetail({ id: policy.id }) }
}

export function faqCard(faq: Pick<Faq, 'id' | 'question'>, basis: readonly FaqBasis[]): ShareCard {
  // one entry per document, its articles after it: 景府办字〔2019〕35号第（一）项、第（二）项
  const articles = new Map<string, string[]>()
  for (const b of basis) {
    if (b.kind === 'service') continue
    const list = articles.get(b.docNumber) ?? []
    if (b.article && !list.includes(b.article)) list.push(b.article)
    articles.set(b.docNumber, list)
  }
  const docs = [...articles].map(([docNumber, list]) => `${docNumber}${list.join('、')}`)
  return {
    title: docs.length ? `${faq.question}（依据：${docs.join('；')}）` : faq.question,
    path: routes.community({ faq: faq.id }),
  }
}
