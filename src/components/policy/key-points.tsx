// Key points grouped the way a resident asks: 与我有关 / 谁负责 / 什么时候 / 做什么.
import { Text, View } from '@tarojs/components'
import type { Policy } from '../../domain'
import './policy.scss'

type Kind = Policy['keyPoints'][number]['kind']

export const KEY_POINT_GROUPS: ReadonlyArray<{ kind: Kind; title: string }> = [
  { kind: 'for-me', title: '与我有关' },
  { kind: 'who', title: '谁负责' },
  { kind: 'when', title: '什么时候' },
  { kind: 'what', title: '做什么' },
]

export function PolicyKeyPoints({ points }: { points: Policy['keyPoints'] }) {
  return (
    <View className="key-points">
      {KEY_POINT_GROUPS.map((g) => {
        const items = points.filter((p) => p.kind === g.kind)
        if (items.length === 0) return null
        return (
          <View key={g.kind} className={`key-points__group key-points__group--${g.kind}`}>
            <Text className="key-points__title">{g.title}</Text>
            <View role="list" aria-label={g.title}>
              {items.map((p, i) => (
                <View key={i} className="key-points__item" role="listitem">
                  <Text aria-hidden="true">• </Text>
                  <Text userSelect>{p.text}</Text>
                </View>
              ))}
            </View>
          </View>
        )
      })}
    </View>
  )
}
