// Empty, not-found and loading states for the policy, service and community pages: always a sentence
// saying what happened and, where possible, a way on.
import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'
import './page-state.scss'

export interface StateAction {
  label: string
  onClick: () => void
}

export interface PageStateProps {
  kind: 'empty' | 'not-found' | 'loading' | 'error'
  title: string
  detail?: string
  actions?: readonly StateAction[]
}

export function PageState({ kind, title, detail, actions = [] }: PageStateProps) {
  return (
    <View className={`page-state page-state--${kind}`} role={kind === 'loading' ? 'status' : kind === 'error' ? 'alert' : undefined}>
      <Text className="page-state__title">{title}</Text>
      {detail && <Text className="page-state__detail">{detail}</Text>}
      {actions.length > 0 && (
        <View className="page-state__actions">
          {actions.map((a, i) => (
            <ActionButton
              key={a.label}
              className="page-state__action"
              kind={i === 0 ? 'primary' : 'secondary'}
              label={a.label}
              onClick={a.onClick}
            />
          ))}
        </View>
      )}
    </View>
  )
}
