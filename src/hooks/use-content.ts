// The content the pages render: the cached pack when there is one, else the copy bundled into the
// app, refreshed in the background. Pages never see a network error, only `status`.
// One store for the whole app (src/services/content-store.ts): every page sees the same pack.
// useContent gives the first screen's sections (meta, parameters, sources); a page that shows
// policies, services, the FAQ or news uses useFullContent (src/hooks/use-full-content.ts), which
// brings the bundled copies of those in with it.
import { useCallback, useSyncExternalStore } from 'react'
import { contentStore } from '../services/content-store'
import { firstPageOnScreen } from '../services/first-page'
import type { CacheInfo, ContentState, ContentStatus, CorePack, RefreshOutcome } from '../services/content-store'

export type { CacheInfo, ContentOrigin, ContentStatus, RefreshOutcome } from '../services/content-store'

export interface UseContent<P = CorePack> {
  pack: P
  status: ContentStatus
  /** check the server for new content now (the outcome lands in status; see useContentCache) */
  refresh: () => Promise<void>
}

function useContentState() {
  const store = contentStore()
  return { store, state: useSyncExternalStore(store.subscribe, store.getState, store.getState) }
}

/** The store's state and refresh, for useContent and useFullContent. */
export function useContentWithState(): { state: ContentState; refresh: () => Promise<void> } {
  const { store, state } = useContentState()
  const refresh = useCallback(async () => {
    await store.refresh()
  }, [store])
  return { state, refresh }
}

export function useContent(): UseContent {
  const { state, refresh } = useContentWithState()
  return { pack: state.pack, status: state.status, refresh }
}

export interface UseContentCache extends CacheInfo {
  status: ContentStatus
  /** check the server now; resolves with what happened, for an inline result */
  refresh: () => Promise<RefreshOutcome>
  /** drop the local cache and go back to the content bundled into the app */
  clear: () => void
}

/** The local copy's housekeeping (我的): last sync, size, refresh with its outcome, clear. */
export function useContentCache(): UseContentCache {
  const { store, state } = useContentState()
  const refresh = useCallback(() => store.refresh(), [store])
  const clear = useCallback(() => store.clear(), [store])
  return { ...state.cache, status: state.status, refresh, clear }
}

/**
 * The once-per-launch revalidation, called from the app's onLaunch. It begins once the first page is
 * on screen, so neither the request nor its answer delays that page: on a slow phone the answer
 * could otherwise arrive, and be parsed, before the home page's first render.
 */
export function startContentSync(): void {
  void firstPageOnScreen.then(() => contentStore().start())
}
