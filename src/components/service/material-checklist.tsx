// The materials to bring, as a checklist the person ticks while gathering them. The ticks are kept
// on the phone per service, so they are still there after leaving the page and coming back.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { type Material, describeMaterial } from './material-format'
import { loadTicked, saveTicked } from '../../services/material-checklist-store'
import './service.scss'

export interface MaterialChecklistProps {
  serviceId: string
  materials: readonly Material[]
}

export function MaterialChecklist({ serviceId, materials }: MaterialChecklistProps) {
  // keep only ids that still exist: the content may have changed since the ticks were saved
  const [ticked, setTicked] = useState<ReadonlySet<string>>(
    () => new Set(loadTicked(serviceId).filter((id) => materials.some((m) => m.id === id))),
  )

  const update = (next: Set<string>) => {
    setTicked(next)
    saveTicked(serviceId, Array.from(next))
  }

  if (materials.length === 0) {
    return <Text className="materials__none">不需要提交材料。</Text>
  }

  return (
    <View className="materials">
      <Text className="materials__progress" aria-live="polite">
        {`已准备 ${ticked.size} 项，共 ${materials.length} 项${ticked.size === materials.length ? '，都准备好了' : ''}`}
      </Text>
      <View role="list" aria-label="申请材料清单">
        {materials.map((m) => {
          const checked = ticked.has(m.id)
          return (
            <View key={m.id} className={`materials__item${checked ? ' materials__item--done' : ''}`} role="listitem">
              <Checkbox
                role="checkbox"
                className="materials__check"
                checked={checked}
                aria-label={`${m.name}，${describeMaterial(m)}，${checked ? '已准备' : '未准备'}`}
                onChange={(on) => {
                  const next = new Set(ticked)
                  if (on) next.add(m.id)
                  else next.delete(m.id)
                  update(next)
                }}
                label={
                  <View className="materials__label">
                    <Text className="materials__name">{m.name}</Text>
                    <Text className="materials__form">{`${describeMaterial(m)}${checked ? ' · 已准备' : ''}`}</Text>
                    {m.note && <Text className="materials__note">{m.note}</Text>}
                  </View>
                }
              />
            </View>
          )
        })}
      </View>
      {ticked.size > 0 && (
        <Button className="materials__clear" fill="outline" onClick={() => update(new Set())}>
          清空勾选
        </Button>
      )}
    </View>
  )
}
