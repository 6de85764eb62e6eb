// Where one line of the calculation comes from. A figure from the city's notice opens the standard's
// page (with the exact sentence); a national regulation shows the gist of its article right here.
import './assessment.scss'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Citation } from '../../domain'
import { SourceLink } from '../shared/source-link'

export interface StepCitationProps {
  citation: Citation
  /** the standard this line's figure is, when it is one */
  parameterId?: string
}

export function StepCitation({ citation, parameterId }: StepCitationProps) {
  const [open, setOpen] = useState(false)
  if (parameterId) {
    return (
      <SourceLink
        className="assess-citation-link"
        docNumber={citation.docNumber}
        article={citation.article}
        target={{ kind: 'parameter', parameterId }}
      />
    )
  }
  const name = `${citation.title}${citation.article}（${citation.docNumber}）`
  return (
    <View className="assess-citation">
      <View
        className="assess-citation__toggle"
        role="button"
        aria-expanded={open ? 'true' : 'false'}
        aria-label={`依据：${name}，${open ? '收起条文大意' : '点按看条文大意'}`}
        onClick={() => setOpen(!open)}
      >
        <Text>依据：{name}</Text>
        <Text className="assess-citation__more" aria-hidden="true">
          {open ? ' 收起 ▲' : ' 条文大意 ▼'}
        </Text>
      </View>
      {open && (
        <View className="assess-citation__gist">
          <Text>{citation.gist}</Text>
          <Text className="assess-citation__gist-note">（条文大意，不是原文）</Text>
          {citation.note ? <Text className="assess-citation__gist-note">{`说明：${citation.note}`}</Text> : null}
          <SourceLink docNumber={citation.docNumber} target={{ kind: 'source', sourceId: citation.sourceId }} prefix="出处：" />
        </View>
      )}
    </View>
  )
}
