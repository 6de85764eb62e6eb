// Links made before the pages moved from packages/ to subpackages/ (WeChat share cards, copied H5
// links, bookmarks) still open the same page with the same query: on weapp through WeChat's
// page-not-found event, on H5 by rewriting the address before Taro's router reads it.
import Taro from '@tarojs/taro'
import { PAGE_PATHS, type PagePath, pageUrl, routes } from '../routes'

const OLD_ROOT = /^\/?packages\//

/** The page an old path now is ('packages/policy/detail/index' → 'subpackages/policy/detail/index'), or null. */
export function movedPage(path: string): PagePath | null {
  if (!OLD_ROOT.test(path)) return null
  const moved = path.replace(OLD_ROOT, 'subpackages/')
  return PAGE_PATHS.find((p) => p === moved) ?? null
}

/** WeChat may hand over a query value still encoded; pageUrl encodes it once again. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * weapp: WeChat asks where to go instead of a page that does not exist (the redirect must be made in
 * the callback, synchronously). An old route goes to its new page with the same query; anything
 * else to 首页 rather than WeChat's own "page not found" screen.
 */
export function openInsteadOfMissing(res: { path: string; query?: Record<string, unknown> }): void {
  const page = movedPage(res.path)
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(res.query ?? {})) if (typeof value === 'string') query[key] = decoded(value)
  try {
    // a missing page is never a tab page: redirectTo replaces it; 首页 is a tab, so reLaunch
    const result = page ? Taro.redirectTo({ url: pageUrl(page, query) }) : Taro.reLaunch({ url: routes.home() })
    Promise.resolve(result).catch(() => undefined)
  } catch {
    /* WeChat shows its own page-not-found screen */
  }
}

/** H5: the address with an old route replaced by its new one (hash or path router), or null. */
export function movedHref(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string | null {
  const hash = /^#(\/?packages\/[^?]*)(\?.*)?$/.exec(location.hash)
  if (hash) {
    const page = movedPage(hash[1] ?? '')
    return page ? `${location.pathname}${location.search}#/${page}${hash[2] ?? ''}` : null
  }
  const page = movedPage(location.pathname)
  return page ? `/${page}${location.search}${location.hash}` : null
}

/** Called once at app start, before the first page opens. */
export function installOldLinks(): void {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const href = typeof window === 'undefined' ? null : movedHref(window.location)
      // replaceState: no reload, and 返回 does not lead back to the old address
      if (href) window.history.replaceState(window.history.state, '', href)
    } else {
      Taro.onPageNotFound(openInsteadOfMissing)
    }
  } catch {
    /* an old link then shows the platform's "page not found"; the app itself is unaffected */
  }
}
