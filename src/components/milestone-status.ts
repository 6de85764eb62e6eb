// Whether a policy's deadline has passed, counted in calendar days against today's date in
// Asia/Shanghai (the caller passes todayInShanghai(), so a phone set to another zone still counts
// China's days).
import { type IsoDate, daysBetween } from '../domain'

export type MilestoneState = 'passed' | 'today' | 'upcoming'

export interface MilestoneStatus {
  state: MilestoneState
  /** whole days between the date and today, never negative */
  days: number
  /** the status in words: 已过 2535 天 / 就是今天 / 还有 12 天 */
  label: string
}

export function milestoneStatus(date: IsoDate, today: IsoDate): MilestoneStatus {
  const diff = daysBetween(today, date)
  if (diff < 0) return { state: 'passed', days: -diff, label: `已过 ${-diff} 天` }
  if (diff === 0) return { state: 'today', days: 0, label: '就是今天' }
  return { state: 'upcoming', days: diff, label: `还有 ${diff} 天` }
}
