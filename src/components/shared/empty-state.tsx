// What a list shows when it has nothing to show: say so, and say what to do next.
import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'
import './state-message.scss'

export interface EmptyStateProps {
  title: string
  description?: string
  actionLabel?: string
  onAction?: () => void
  className?: string
}

export function EmptyState({ title, description, actionLabel, onAction, className }: EmptyStateProps) {
  return (
    <View className={['empty-state', className].filter(Boolean).join(' ')}>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__description">{description}</Text> : null}
      {actionLabel && onAction ? <ActionButton label={actionLabel} onClick={onAction} /> : null}
    </View>
  )
}
