// Navigation that never throws into a page: tab pages need switchTab, other pages navigateTo, and a
// failed navigation (page stack full on weapp, a mocked API in tests) falls back or is ignored.
import Taro from '@tarojs/taro'
import { TAB_PAGES } from '../routes'

function settle(result: unknown, onFail?: () => void): void {
  if (result && typeof (result as Promise<unknown>).catch === 'function') {
    ;(result as Promise<unknown>).catch(() => onFail?.())
  }
}

/** Open a page by its route (with an optional query). */
export function openPage(url: string): void {
  const path = url.replace(/\?.*$/s, '')
  try {
    if (TAB_PAGES.includes(path)) {
      // switchTab cannot carry a query string
      settle(Taro.switchTab({ url: path }))
      return
    }
    settle(Taro.navigateTo({ url }), () => {
      // weapp keeps at most 10 pages: replace the current one instead
      try {
        settle(Taro.redirectTo({ url }))
      } catch {
        /* nothing more to try */
      }
    })
  } catch {
    /* never let a navigation error reach the page */
  }
}

/** Dial the number; the platform asks the person to confirm. */
export function callPhone(phoneNumber: string): void {
  try {
    settle(Taro.makePhoneCall({ phoneNumber }))
  } catch {
    /* h5 without tel: support */
  }
}
