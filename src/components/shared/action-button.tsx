// A plain, large, labelled button (a View, so it looks the same on weapp and h5 and its size is
// ours to set: at least 60×60 CSS px in 长辈版).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './action-button.scss'

export interface ActionButtonProps {
  label: string
  onClick: () => void
  /** primary: filled; secondary: outlined */
  kind?: 'primary' | 'secondary'
  /** the accessible name when it should say more than the label */
  ariaLabel?: string
  disabled?: boolean
  icon?: ReactNode
  className?: string
}

export function ActionButton({ label, onClick, kind = 'secondary', ariaLabel, disabled = false, icon, className }: ActionButtonProps) {
  return (
    <View
      className={['action-button', `action-button--${kind}`, disabled ? 'action-button--disabled' : '', className]
        .filter(Boolean)
        .join(' ')}
      role="button"
      aria-label={ariaLabel ?? label}
      aria-disabled={disabled ? 'true' : undefined}
      onClick={() => {
        if (!disabled) onClick()
      }}
    >
      {icon}
      <Text className="action-button__label">{label}</Text>
    </View>
  )
}
