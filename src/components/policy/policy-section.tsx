// One section of a policy's full text: a heading that opens and closes it, the paragraphs (each can
// be copied with its button or a long press) and its attachment tables.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Section } from '../../domain'
import { CopyButton } from './copy-button'
import { copyText } from '../../services/clipboard'
import { PolicyTable } from './policy-table'
import './policy.scss'

export function sectionElementId(sectionId: string): string {
  return `policy-section-${sectionId}`
}

export interface PolicySectionProps {
  section: Section
  open: boolean
  onToggle: () => void
  /** the document's 文号, added to a copied paragraph so it keeps its source */
  docNumber: string
}

export function PolicySection({ section, open, onToggle, docNumber }: PolicySectionProps) {
  const [copiedByPress, setCopiedByPress] = useState<number | null>(null)
  return (
    <View className={`policy-section${open ? ' policy-section--open' : ''}`} id={sectionElementId(section.id)}>
      <View
        className="policy-section__head"
        role="button"
        aria-expanded={open ? 'true' : 'false'}
        aria-label={`${section.heading}，${open ? '点按收起' : '点按展开'}`}
        onClick={onToggle}
      >
        <Text className="policy-section__heading">{section.heading}</Text>
        <Text className="policy-section__toggle" aria-hidden="true">
          {open ? '收起 ▲' : '展开 ▼'}
        </Text>
      </View>
      {open && (
        <View className="policy-section__body">
          {section.paragraphs.map((p, i) => (
            <View key={i} className="policy-section__paragraph">
              <Text
                className="policy-section__text"
                userSelect
                onLongPress={() => {
                  void copyText(`${p}（${docNumber}）`).then((ok) => setCopiedByPress(ok ? i : null))
                }}
              >
                {p}
              </Text>
              <View className="policy-section__tools">
                {copiedByPress === i && <Text className="policy-section__copied">已复制</Text>}
                <CopyButton text={`${p}（${docNumber}）`} ariaLabel={`复制这一段：${p.slice(0, 12)}`} />
              </View>
            </View>
          ))}
          {section.tables.map((t, i) => (
            <PolicyTable key={i} table={t} />
          ))}
        </View>
      )}
    </View>
  )
}
