// Recent searches, kept on this phone only (RECENT_SEARCHES_KEY), newest first, at most 10.
import { readStored, removeStored, writeStored } from './storage'
import { RECENT_SEARCHES_KEY } from './storage-keys'

export const MAX_RECENT_SEARCHES = 10
const MAX_QUERY_LENGTH = 50

/** The stored list; anything malformed in it is skipped, never a crash. */
export function loadRecentSearches(): string[] {
  const raw = readStored(RECENT_SEARCHES_KEY)
  if (!Array.isArray(raw)) return []
  const seen = new Set<string>()
  const items: string[] = []
  for (const item of raw) {
    if (typeof item !== 'string') continue
    const query = item.trim()
    if (!query || query.length > MAX_QUERY_LENGTH || seen.has(query)) continue
    seen.add(query)
    items.push(query)
    if (items.length === MAX_RECENT_SEARCHES) break
  }
  return items
}

/** Put a query first (moving it up if it was there), keep the newest 10; returns the new list. */
export function rememberSearch(query: string): string[] {
  const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH)
  if (!trimmed) return loadRecentSearches()
  const items = [trimmed, ...loadRecentSearches().filter((q) => q !== trimmed)].slice(0, MAX_RECENT_SEARCHES)
  writeStored(RECENT_SEARCHES_KEY, items)
  return items
}

export function clearRecentSearches(): void {
  removeStored(RECENT_SEARCHES_KEY)
}
