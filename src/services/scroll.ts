// Bring a result or the first error into view after it renders (no pop-up: results stay on the page).
import Taro from '@tarojs/taro'

export function scrollIntoView(elementId: string): void {
  setTimeout(() => {
    try {
      const pending: unknown = Taro.pageScrollTo({ selector: `#${elementId}`, duration: 300 })
      if (pending instanceof Promise) pending.catch(() => undefined)
    } catch {
      /* scrolling is a convenience; the content is on the page either way */
    }
  }, 50)
}
