// 政务动态: the city government's meetings reported in the gazette, each expandable to its full text.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type News, compareIsoDates, formatChineseDate } from '../../domain'
import './policy.scss'

export function NewsList({ news }: { news: readonly News[] }) {
  const [open, setOpen] = useState<string | null>(null)
  const sorted = [...news].sort((a, b) => compareIsoDates(b.date, a.date))
  return (
    <View className="news-list" role="list" aria-label="政务动态">
      {sorted.map((item) => {
        const expanded = open === item.id
        return (
          <View key={item.id} className="news-list__item" role="listitem">
            <View
              className="news-list__head"
              role="button"
              aria-expanded={expanded ? 'true' : 'false'}
              aria-label={`${item.title}，${formatChineseDate(item.date)}，${expanded ? '收起' : '展开全文'}`}
              onClick={() => setOpen(expanded ? null : item.id)}
            >
              <Text className="news-list__title">{item.title}</Text>
              <Text className="news-list__meta">{`${formatChineseDate(item.date)} · ${expanded ? '收起 ▲' : '展开 ▼'}`}</Text>
            </View>
            {expanded ? (
              item.paragraphs.map((p, i) => (
                <Text key={i} className="news-list__paragraph" userSelect>
                  {p}
                </Text>
              ))
            ) : (
              <Text className="news-list__paragraph">{item.paragraphs[0]}</Text>
            )}
            {expanded && <Text className="news-list__source">{`来源：${item.source}`}</Text>}
          </View>
        )
      })}
    </View>
  )
}
