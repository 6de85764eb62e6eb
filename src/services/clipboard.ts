// Copy text for the person to paste into a chat. Never throws; says whether it worked so the page
// can show "已复制" (or a hint to copy by hand) inline instead of a disappearing toast.
import Taro from '@tarojs/taro'

export async function copyText(data: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data })
    return true
  } catch {
    return false
  }
}

/** The address of this page on h5, to paste into a chat; on weapp pages are shared, not linked. */
export function pageLink(route: string): string {
  try {
    const href = typeof window !== 'undefined' ? window.location.href : ''
    if (href.includes(route.replace(/\?.*$/s, ''))) return href
    const origin = typeof window !== 'undefined' ? window.location.origin : ''
    // the h5 build uses the hash router unless configured otherwise
    return `${origin}/#${route}`
  } catch {
    return route
  }
}
