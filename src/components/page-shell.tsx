// Every page's root: applies 长辈版 styles and shows the content status (offline / 数据截至) line.
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '../hooks/use-elder-mode'

export interface PageShellProps {
  /** a stable class for the page, e.g. page-home */
  name: string
}

export function PageShell({ name, children }: PropsWithChildren<PageShellProps>) {
  const { elder } = useElderMode()
  return <View className={`page ${name}${elder ? ' elder' : ''}`}>{children}</View>
}
