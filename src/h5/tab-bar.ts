// H5 only: Taro's tab bar items are <a href="javascript:;">. The server's Content-Security-Policy
// forbids javascript: URLs, so every tab tap logged a CSP error while following that link did
// nothing anyway. The link is not followed (the tab's own click handler still runs).
import './tab-bar.scss'

export function installTabBarFix(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null
      const link = target?.closest?.('a[href^="javascript:"]')
      if (link) event.preventDefault()
    },
    true,
  )
}
