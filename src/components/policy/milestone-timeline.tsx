// A policy's deadlines on a timeline: date, what is due, the document's own words, who is
// responsible, and whether it has passed — in words ("已过 …天" / "还有 …天"), the colour only repeats it.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../shared/action-button'
import { type IsoDate, type Milestone, compareIsoDates, formatChineseDate } from '../../domain'
import { isStartDate, milestoneStatus, startDateWords } from './milestone-status'
import './milestone.scss'

export interface MilestoneTimelineProps {
  milestones: readonly Milestone[]
  today: IsoDate
}

const STATE_WORD = { passed: '已到期', today: '今天到期', upcoming: '未到期' } as const

/** a long plan (the 放管服 measures have dozens of deadlines) starts folded */
const FOLDED_COUNT = 5

export function MilestoneTimeline({ milestones, today }: MilestoneTimelineProps) {
  const [showAll, setShowAll] = useState(false)
  const sorted = [...milestones].sort((a, b) => compareIsoDates(a.date, b.date))
  const folded = !showAll && sorted.length > FOLDED_COUNT + 1
  const shown = folded ? sorted.slice(0, FOLDED_COUNT) : sorted
  const deadlines = sorted.filter((m) => !isStartDate(m.title))
  const upcoming = deadlines.filter((m) => milestoneStatus(m.date, today).state !== 'passed').length
  const note =
    deadlines.length === 0
      ? `共 ${sorted.length} 个时间节点`
      : `共 ${sorted.length} 个时间节点，${upcoming === 0 ? `${deadlines.length === sorted.length ? '都' : `其中 ${deadlines.length} 个期限`}已到期` : `其中 ${upcoming} 个未到期`}`
  return (
    <View className="milestones">
      <Text className="milestones__note">{`${note}；按今天（${formatChineseDate(today)}）计算`}</Text>
      <View role="list" aria-label="时间节点">
        {shown.map((m, i) => {
          const status = milestoneStatus(m.date, today)
          return (
            <View key={`${m.date}-${i}`} className={`milestones__item milestones__item--${status.state}`} role="listitem">
              <View className="milestones__rail" aria-hidden="true">
                <View className="milestones__dot" />
              </View>
              <View className="milestones__body">
                <View className="milestones__head">
                  <Text className="milestones__date">{formatChineseDate(m.date)}</Text>
                  <Text className={`milestones__status milestones__status--${status.state}`}>
                    {isStartDate(m.title)
                      ? startDateWords(m.date, today)
                      : `${STATE_WORD[status.state]}${status.state === 'today' ? '' : `，${status.label}`}`}
                  </Text>
                </View>
                <Text className="milestones__title">{m.title}</Text>
                <Text className="milestones__quote" userSelect>{`原文：“${m.quote}”`}</Text>
                {m.responsible && <Text className="milestones__responsible">{`责任单位：${m.responsible}`}</Text>}
              </View>
            </View>
          )
        })}
      </View>
      {sorted.length > FOLDED_COUNT + 1 && (
        <ActionButton
          label={showAll ? '收起' : `显示全部 ${sorted.length} 个时间节点`}
          ariaLabel={showAll ? '收起时间节点' : `显示全部 ${sorted.length} 个时间节点`}
          onClick={() => setShowAll(!showAll)}
        />
      )}
    </View>
  )
}
