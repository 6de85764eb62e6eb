// Whether a policy's deadline has passed, counted in calendar days against today's date in
// Asia/Shanghai (the caller passes todayInShanghai(), so a phone set to another zone still counts
// China's days).
import { type IsoDate, daysBetween } from '../../domain'

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

/**
 * A date from which something applies (「新的…标准起执行」) rather than a deadline: its status is
 * whether it has started, not how many days it is overdue (「已到期，已过 2891 天」 read as late).
 */
export function isStartDate(title: string): boolean {
  return /起(执行|施行|实施)|开始(执行|施行|实施)|起生效|正式施行/.test(title)
}

/** The status in words for a start date: 已开始执行 / 今天开始执行 / 还有 12 天开始执行. */
export function startDateWords(date: IsoDate, today: IsoDate): string {
  const status = milestoneStatus(date, today)
  if (status.state === 'passed') return '已开始执行'
  if (status.state === 'today') return '今天开始执行'
  return `还有 ${status.days} 天开始执行`
}
