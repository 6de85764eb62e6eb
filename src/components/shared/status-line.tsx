// The content status, always visible on the page (never a toast): "离线 · 数据截至 2019年6月28日".
import { Text, View } from '@tarojs/components'
import { formatChineseDate } from '../../domain'
import type { ContentStatus } from '../../hooks/use-content'

export function statusText(status: ContentStatus): string {
  const asOf = `数据截至 ${formatChineseDate(status.asOf)}`
  if (status.refreshing) return `正在检查更新 · ${asOf}`
  if (status.offline) return status.message ? `离线 · ${status.message} · ${asOf}` : `离线 · ${asOf}`
  if (status.message) return `${status.message} · ${asOf}`
  return asOf
}

export interface StatusLineProps {
  status: ContentStatus
  className?: string
}

export function StatusLine({ status, className }: StatusLineProps) {
  const tone = status.offline ? 'offline' : status.message ? 'warning' : 'normal'
  return (
    <View className={['status-line', `status-line--${tone}`, className].filter(Boolean).join(' ')} role="status">
      {/* the word 离线 / the message carries the meaning; the mark only repeats it */}
      {tone !== 'normal' ? (
        <Text className="status-line__mark" aria-hidden="true">
          {'! '}
        </Text>
      ) : null}
      <Text className="status-line__text">{statusText(status)}</Text>
    </View>
  )
}
