// The content the pages render: the cached pack when there is one, else the copy bundled into the
// app, refreshed in the background. Pages never see a network error, only `status`.
// (Interim implementation over the bundled pack; the offline cache replaces its internals.)
import bundled from '../generated/bundled-content.json'
import type { ContentPack } from '../domain'

export type ContentOrigin = 'bundled' | 'cache' | 'network'

export interface ContentStatus {
  origin: ContentOrigin
  version: string
  /** 数据截至 (the pack's asOf date) */
  asOf: string
  /** the last refresh attempt failed for lack of network */
  offline: boolean
  refreshing: boolean
  /** a sentence for the user when something went wrong, else null */
  message: string | null
}

export interface UseContent {
  pack: ContentPack
  status: ContentStatus
  refresh: () => Promise<void>
}

const bundledPack = bundled.pack as ContentPack

export function useContent(): UseContent {
  return {
    pack: bundledPack,
    status: { origin: 'bundled', version: bundled.manifest.version, asOf: bundledPack.meta.asOf, offline: false, refreshing: false, message: null },
    refresh: async () => {},
  }
}
