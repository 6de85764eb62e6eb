// The search index over the current pack, built once per pack version and shared by every visit
// to the search page. Building waits for the first paint, so the page can say "正在准备搜索".
import { useEffect, useState } from 'react'
import type { ContentPack } from '../domain'
import { type SearchIndex, buildSearchIndex } from '../domain/search'

let cached: { version: string; pack: ContentPack; index: SearchIndex } | null = null

function cachedFor(pack: ContentPack): SearchIndex | null {
  return cached && cached.version === pack.meta.version && cached.pack === pack ? cached.index : null
}

/** Build (or reuse) the index for this pack. */
export function searchIndexFor(pack: ContentPack): SearchIndex {
  const hit = cachedFor(pack)
  if (hit) return hit
  const index = buildSearchIndex(pack)
  cached = { version: pack.meta.version, pack, index }
  return index
}

export type SearchIndexState = { state: 'building' } | { state: 'ready'; index: SearchIndex } | { state: 'failed' }

function stateFor(pack: ContentPack): SearchIndexState {
  const ready = cachedFor(pack)
  return ready ? { state: 'ready', index: ready } : { state: 'building' }
}

/** The index for this pack: building (after the first paint), ready, or failed (never a crash). */
export function useSearchIndex(pack: ContentPack): SearchIndexState {
  const [state, setState] = useState<SearchIndexState>(() => stateFor(pack))
  useEffect(() => {
    const now = stateFor(pack)
    setState(now)
    if (now.state === 'ready') return undefined
    const timer = setTimeout(() => {
      try {
        setState({ state: 'ready', index: searchIndexFor(pack) })
      } catch {
        setState({ state: 'failed' })
      }
    }, 0)
    return () => clearTimeout(timer)
  }, [pack])
  return state
}

/** Tests only: forget the built index. */
export function resetSearchIndexForTests(): void {
  cached = null
}
