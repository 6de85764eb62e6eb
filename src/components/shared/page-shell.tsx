// Every page's root: applies 长辈版 styles (the `elder` class) and shows the content status line
// (离线 / 数据截至 …), always visible, never a toast; on H5 sub-pages, the top bar (back or 首页).
import { type PropsWithChildren, useEffect } from 'react'
import { View } from '@tarojs/components'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useContent } from '../../hooks/use-content'
import { notePageOnScreen } from '../../services/first-page'
import { StatusLine } from './status-line'
import { PageErrorBoundary } from './page-error-boundary'
import { TopBar } from './top-bar'

export interface PageShellProps {
  /** a stable class for the page, e.g. page-home */
  name: string
  /** show the content status line at the top (default true; off for pages with no content figures) */
  showStatus?: boolean
}

export function PageShell({ name, showStatus = true, children }: PropsWithChildren<PageShellProps>) {
  const { elder } = useElderMode()
  const { status } = useContent()
  useEffect(notePageOnScreen, [])
  useEffect(() => {
    // H5 draws the tab bar outside the page: mark <html> too, so 长辈版 reaches it (app.scss)
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('jdz-elder', elder)
  }, [elder])
  return (
    <View className={`page ${name}${elder ? ' elder' : ''}`}>
      <TopBar />
      {showStatus ? <StatusLine status={status} className="page__status" /> : null}
      <PageErrorBoundary>{children}</PageErrorBoundary>
    </View>
  )
}
