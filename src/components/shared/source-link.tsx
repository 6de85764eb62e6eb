// "来源：景府办字〔2019〕35号 第（一）项" — one tap from any figure to the exact words it comes from.
// Shared by every page that shows a figure or a rule.
import { Text, View } from '@tarojs/components'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'
import './source-link.scss'

/** Where the link leads. */
export type SourceTarget =
  /** a relief standard: its detail page quotes the sentence the figure comes from */
  | { kind: 'parameter'; parameterId: string }
  /** a policy document, optionally at one section */
  | { kind: 'policy'; policyId: string; sectionId?: string }
  /** a document in the data-sources list (for laws without a page of their own) */
  | { kind: 'source'; sourceId: string }

export interface SourceLinkProps {
  /** 文号, e.g. 景府办字〔2019〕35号 */
  docNumber: string
  /** 条款, e.g. 第（一）项 */
  article?: string
  target: SourceTarget
  /** default 来源： */
  prefix?: string
  /** what the tap does, default 查看原文 */
  action?: string
  className?: string
}

export function sourceTargetUrl(target: SourceTarget): string {
  switch (target.kind) {
    case 'parameter':
      return routes.standardDetail({ id: target.parameterId })
    case 'policy':
      return routes.policyDetail({ id: target.policyId, section: target.sectionId })
    case 'source':
      return routes.sources({ id: target.sourceId })
  }
}

export function openSource(target: SourceTarget): void {
  openPage(sourceTargetUrl(target))
}

/** 景府办字〔2019〕35号, 国务院令第649号, 民发〔2016〕178号: the pieces that must stay on one line. */
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,6}〔\d{4}〕\d+号|[\u4e00-\u9fa5]{0,4}令第\d+号)/

export function splitDocNumbers(text: string): { text: string; doc: boolean }[] {
  return text
    .split(DOC_NUMBER)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, doc: DOC_NUMBER.test(piece) }))
}

export function SourceLink({ docNumber, article, target, prefix = '来源：', action = '查看原文', className }: SourceLinkProps) {
  const citation = article ? `${docNumber} ${article}` : docNumber
  return (
    <View
      className={['source-link', className].filter(Boolean).join(' ')}
      role="link"
      aria-label={`${prefix}${citation}，点按${action}`}
      onClick={(event) => {
        // a link inside a tappable card must not also trigger the card
        event.stopPropagation()
        openSource(target)
      }}
    >
      <Text className="source-link__prefix">{prefix}</Text>
      <Text className="source-link__citation">
        {/* a document number is never split across lines (「35/号」); a title around it may wrap */}
        {splitDocNumbers(docNumber).map((part, i) =>
          part.doc ? (
            <Text key={i} className="source-link__doc">
              {part.text}
            </Text>
          ) : (
            part.text
          ),
        )}
        {article ? ` ${article}` : ''}
      </Text>
      <Text className="source-link__arrow" aria-hidden="true">
        {` ${action} ›`}
      </Text>
    </View>
  )
}
