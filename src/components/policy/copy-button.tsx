// A small "复制" button whose label changes to "已复制" (or "复制失败") right where it was tapped.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { copyText } from '../../services/clipboard'
import './policy.scss'

export interface CopyButtonProps {
  /** what to copy */
  text: string
  /** visible label, e.g. 复制 / 复制链接 */
  label?: string
  /** accessible name, e.g. 复制这一段 */
  ariaLabel: string
  className?: string
}

export function CopyButton({ text, label = '复制', ariaLabel, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle')
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )
  const shown = state === 'done' ? '已复制' : state === 'failed' ? '复制失败，请长按文字复制' : label
  return (
    <View
      className={['copy-button', className].filter(Boolean).join(' ')}
      role="button"
      aria-label={state === 'idle' ? ariaLabel : `${ariaLabel}：${shown}`}
      onClick={(e) => {
        e.stopPropagation()
        void copyText(text).then((ok) => {
          if (mounted.current) setState(ok ? 'done' : 'failed')
        })
      }}
    >
      <Text>{shown}</Text>
    </View>
  )
}
