// An inline error (never a pop-up): what went wrong in plain words, and a way on.
import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'
import './state-message.scss'

export interface ErrorStateProps {
  /** default 出错了 */
  title?: string
  message: string
  actionLabel?: string
  onAction?: () => void
  className?: string
}

export function ErrorState({ title = '出错了', message, actionLabel, onAction, className }: ErrorStateProps) {
  return (
    <View className={['error-state', className].filter(Boolean).join(' ')} role="alert">
      <Text className="error-state__title">{title}</Text>
      <Text className="error-state__message">{message}</Text>
      {actionLabel && onAction ? <ActionButton label={actionLabel} onClick={onAction} /> : null}
    </View>
  )
}
