// The content every page renders, shared app-wide. It starts synchronously from the cache (or the
// pack bundled into the app, so there is never a blank screen), then revalidates against the API:
// the manifest first, then only the sections whose hash changed. The new pack is swapped in only
// when every changed section has arrived and validated; until then the old one stays.
//
// The bundled pack comes in two parts: the first screen's sections (CORE_SECTIONS) compiled into
// the entry script, and the rest (LATER_SECTIONS), which src/hooks/use-full-content.ts brings in
// with the pages that show them (a chunk of their own on H5, so the home page does not wait for
// policy texts). Until then a later section whose hash is the bundled one is simply absent from
// `pack`; a section from the cache or the network is always there.
import bundledCore from '../generated/bundled-core.json'
import { type ContentPack, type Manifest, SECTION_NAMES, type SectionName, manifestSchema, sectionSchemas } from '../domain'
import { type ApiClient, createApiClient } from './api-client'
import { type NetworkWatch, platformNetwork } from './network'
import { storedKeys } from './storage'
import {
  type SectionData,
  MANIFEST_KEY,
  clearContentCache,
  contentCacheBytes,
  dropSectionsExcept,
  readManifestRecord,
  readSection,
  removeManifestRecord,
  writeManifestRecord,
  writeSection,
} from './content-cache'

export type ContentOrigin = 'bundled' | 'cache' | 'network'

/** What the last refresh did, for an inline result next to a refresh button. */
export type RefreshOutcome = 'updated' | 'unchanged' | 'offline' | 'error'

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

/** The local copy's housekeeping, for 我的. */
export interface CacheInfo {
  /** when the content was last confirmed with the server (ISO timestamp), null if never */
  lastSync: string | null
  /** bytes the content cache takes in local storage */
  cacheBytes: number
  /** what the last finished refresh did; null before the first one */
  lastResult: RefreshOutcome | null
}

/** The sections the home and standards pages need, always in the pack. */
export const CORE_SECTIONS = ['parameters', 'sources'] as const satisfies readonly SectionName[]
/** The sections bundled apart from the entry script (see the top of this file). */
export const LATER_SECTIONS = ['policies', 'services', 'faq', 'news'] as const satisfies readonly SectionName[]
export type LaterSection = (typeof LATER_SECTIONS)[number]

/** What every page can count on: the pack's meta and its core sections. */
export type CorePack = Pick<ContentPack, 'meta' | (typeof CORE_SECTIONS)[number]>
/** The pack as far as it is loaded: a later section is absent while it is the bundled one and not yet brought in. */
export type LoadedPack = CorePack & Partial<Pick<ContentPack, LaterSection>>
export type LaterSections = Partial<Pick<ContentPack, LaterSection>>

export interface ContentState {
  pack: LoadedPack
  status: ContentStatus
  cache: CacheInfo
}

export interface BundledContent {
  manifest: Manifest
  pack: LoadedPack
}

export interface ContentStore {
  getState(): ContentState
  subscribe(listener: () => void): () => void
  /** Revalidate once per app launch; later calls do nothing. */
  start(): void
  /** Revalidate now (a refresh already running is joined, not repeated). */
  refresh(): Promise<RefreshOutcome>
  /** Drop the cache and go back to the bundled pack. */
  clear(): void
  /** The bundled copies of later sections, now loaded: they fill the pack wherever it uses them. */
  provideBundled(sections: LaterSections): void
}

/** Later sections brought in so far (by src/hooks/use-full-content.ts), for stores made after. */
let laterBundled: LaterSections = {}

function bundledDefault(): BundledContent {
  const core = bundledCore as unknown as BundledContent
  return { manifest: core.manifest, pack: { ...core.pack, ...laterBundled } }
}

/** Shown when the local copy could not be read back (cut off, edited, an older format). */
export const DAMAGED_CACHE_MESSAGE = '本机保存的内容无法读取，已改用应用自带的内容，联网后会重新下载'

const quote = (hash: string) => `"${hash}"`
/** An ETag's hash: W/"abc" or "abc" → abc. */
const unquote = (etag: string) => etag.replace(/^W\//, '').replace(/^"|"$/g, '')

export function createContentStore(
  options: { api?: ApiClient; bundled?: BundledContent; now?: () => Date; network?: NetworkWatch } = {},
): ContentStore {
  const api = options.api ?? createApiClient()
  const network = options.network ?? platformNetwork()
  let bundled = options.bundled ?? bundledDefault()
  const now = options.now ?? (() => new Date())

  /** The manifest describing the pack in use, and its ETag when it came from the server. */
  let current: { manifest: Manifest; etag: string | null } = { manifest: bundled.manifest, etag: null }
  let state: ContentState | null = null
  let started = false
  let inflight: Promise<RefreshOutcome> | null = null
  /** bumped by clear(), so a refresh that began before it cannot write its result after it */
  let generation = 0
  /** a note about the local copy that stays until content is saved again (DAMAGED_CACHE_MESSAGE) */
  let cacheNotice: string | null = null
  const listeners = new Set<() => void>()

  const isBundled = (name: SectionName, hash: string) => bundled.manifest.sections[name]?.hash === hash

  /**
   * The pack for `manifest`: `sections` where given, else the bundled copy of a section whose hash
   * is the bundled one (absent while a later section's copy is not loaded yet).
   */
  function assemble(manifest: Manifest, sections: Partial<SectionData>): LoadedPack {
    const pack: Partial<SectionData> = {}
    for (const name of SECTION_NAMES) {
      const data = sections[name] ?? (isBundled(name, manifest.sections[name].hash) ? bundled.pack[name] : undefined)
      if (data !== undefined) (pack as Record<SectionName, unknown>)[name] = data
    }
    // a core section is always there: either cached (in `sections`) or bundled in the entry script
    return { meta: { version: manifest.version, title: bundled.pack.meta.title, asOf: manifest.asOf }, ...pack } as LoadedPack
  }

  /**
   * A section with this hash from the cache, or {bundled: true} when the app bundles it (its data
   * may be a later section's, not loaded yet), or null when it is not held at all.
   */
  function localSection<N extends SectionName>(name: N, hash: string): { data: SectionData[N] } | { bundled: true } | null {
    if (isBundled(name, hash)) return { bundled: true }
    const data = readSection(name, hash)
    return data ? { data } : null
  }

  /** The cached sections `manifest` names (bundled ones aside), or null when one is missing. */
  function collect(manifest: Manifest): Partial<SectionData> | null {
    const sections: Partial<SectionData> = {}
    for (const name of SECTION_NAMES) {
      const local = localSection(name, manifest.sections[name].hash)
      if (!local) return null
      if ('data' in local) (sections as Record<SectionName, unknown>)[name] = local.data
    }
    return sections
  }

  function bundledState(): ContentState {
    current = { manifest: bundled.manifest, etag: null }
    return {
      pack: bundled.pack,
      status: {
        origin: 'bundled',
        version: bundled.manifest.version,
        asOf: bundled.pack.meta.asOf,
        offline: false,
        refreshing: false,
        message: cacheNotice,
      },
      cache: { lastSync: null, cacheBytes: contentCacheBytes(), lastResult: null },
    }
  }

  function load(): ContentState {
    // a record that is there but unreadable (WeChat reads text that is not JSON as absent)
    const hadRecord = storedKeys(MANIFEST_KEY).includes(MANIFEST_KEY)
    const record = readManifestRecord()
    if (!record) {
      if (hadRecord) cacheNotice = DAMAGED_CACHE_MESSAGE
      return bundledState()
    }
    const sections = collect(record.manifest)
    if (!sections) {
      // Part of the cache is gone or was invalid (and has been removed). The record alone is no
      // use: forget it so the next revalidation downloads a fresh manifest and what is missing.
      removeManifestRecord()
      cacheNotice = DAMAGED_CACHE_MESSAGE
      return bundledState()
    }
    current = { manifest: record.manifest, etag: record.etag }
    const pack = assemble(record.manifest, sections)
    return {
      pack,
      status: {
        origin: 'cache',
        version: record.manifest.version,
        asOf: record.manifest.asOf,
        offline: false,
        refreshing: false,
        message: null,
      },
      cache: { lastSync: record.syncedAt, cacheBytes: contentCacheBytes(), lastResult: null },
    }
  }

  function getState(): ContentState {
    if (!state) state = load()
    return state
  }

  function setState(next: ContentState) {
    state = next
    for (const listener of [...listeners]) listener()
  }

  function patchStatus(patch: Partial<ContentStatus>, cache: Partial<CacheInfo> = {}) {
    const s = getState()
    setState({ pack: s.pack, status: { ...s.status, ...patch }, cache: { ...s.cache, ...cache } })
  }

  function failed(kind: 'offline' | 'timeout' | 'http' | 'invalid', message: string): RefreshOutcome {
    const offline = kind === 'offline' || kind === 'timeout'
    patchStatus(
      {
        refreshing: false,
        offline,
        // offline is shown by the status line itself (with a note about the local copy, if any);
        // other failures get a sentence
        message: offline ? cacheNotice : `${message}，正在使用本机保存的内容`,
      },
      { lastResult: offline ? 'offline' : 'error' },
    )
    return offline ? 'offline' : 'error'
  }

  async function revalidate(): Promise<RefreshOutcome> {
    const gen = generation
    getState()
    patchStatus({ refreshing: true })
    const base = current
    // the phone says there is no network: no request that can only fail (the network's return retries)
    if (await network.isOffline()) {
      if (gen !== generation) return 'unchanged'
      return failed('offline', '无法连接网络')
    }
    const manifestResult = await api.get('/v1/content/manifest', manifestSchema, { etag: base.etag })
    if (gen !== generation) return 'unchanged'
    if (!manifestResult.ok) return failed(manifestResult.kind, manifestResult.message)

    const syncedAt = now().toISOString()
    if (manifestResult.status === 304) {
      // only sent when the pack in use came from the server, so it is complete
      writeManifestRecord({ manifest: base.manifest, etag: base.etag, syncedAt })
      patchStatus(
        { refreshing: false, offline: false, message: null },
        { lastSync: syncedAt, lastResult: 'unchanged', cacheBytes: contentCacheBytes() },
      )
      return 'unchanged'
    }

    const target = manifestResult.data
    const sections: Partial<SectionData> = {}
    const downloaded = new Set<SectionName>()
    for (const name of SECTION_NAMES) {
      const hash = target.sections[name].hash
      const local = localSection(name, hash)
      if (local) {
        if ('data' in local) (sections as Record<SectionName, unknown>)[name] = local.data
        continue
      }
      const sectionResult = await api.get(`/v1/content/${name}`, sectionSchemas[name], { etag: quote(base.manifest.sections[name].hash) })
      if (gen !== generation) return 'unchanged'
      if (!sectionResult.ok) return failed(sectionResult.kind, sectionResult.message)
      if (sectionResult.status === 304) {
        // the server says the copy we hold is current after all
        const held = getState().pack[name]
        // (a bundled copy not loaded yet: it would be bundled under this very hash, so not asked for)
        if (held === undefined) return failed('invalid', '内容正在更新')
        ;(sections as Record<SectionName, unknown>)[name] = held
      } else {
        if (sectionResult.etag && unquote(sectionResult.etag) !== hash) {
          // published again between the manifest and this section: try again later, consistently
          return failed('invalid', '内容正在更新')
        }
        ;(sections as Record<SectionName, unknown>)[name] = sectionResult.data
      }
      downloaded.add(name)
    }
    // every section not bundled under its hash is here (cached or downloaded)
    const complete = sections
    // compare with the pack in use, not with what was downloaded: a section can also come from
    // the cache (left by an earlier, interrupted refresh)
    const changed =
      target.version !== base.manifest.version ||
      target.asOf !== base.manifest.asOf ||
      SECTION_NAMES.some((name) => target.sections[name].hash !== base.manifest.sections[name].hash)

    // Persist: sections first, then the manifest record (the commit point), then drop old keys.
    let persisted = true
    const keep: Partial<Record<SectionName, string>> = {}
    for (const name of SECTION_NAMES) {
      const hash = target.sections[name].hash
      // sections identical to the bundled ones are never stored
      if (bundled.manifest.sections[name]?.hash === hash) continue
      keep[name] = hash
      const data = complete[name]
      if (persisted && downloaded.has(name) && data !== undefined && !writeSection(name, hash, data)) persisted = false
    }
    persisted = persisted && writeManifestRecord({ manifest: target, etag: manifestResult.etag, syncedAt })
    if (persisted) {
      cacheNotice = null
      dropSectionsExcept(keep)
    } else {
      // Storage is full: show the new content now, and leave the old cache as it was (its record
      // still names its own sections) so the next launch starts from a consistent copy.
      const old: Partial<Record<SectionName, string>> = {}
      for (const name of SECTION_NAMES) {
        const hash = base.manifest.sections[name].hash
        if (bundled.manifest.sections[name]?.hash !== hash) old[name] = hash
      }
      dropSectionsExcept(old)
    }
    current = { manifest: target, etag: persisted ? manifestResult.etag : null }
    const outcome: RefreshOutcome = changed ? 'updated' : 'unchanged'
    setState({
      pack: changed ? assemble(target, complete) : getState().pack,
      status: {
        origin: changed ? 'network' : getState().status.origin,
        version: target.version,
        asOf: target.asOf,
        offline: false,
        refreshing: false,
        message: persisted ? null : '手机存储空间不足，新内容未能保存，下次打开需重新下载',
      },
      cache: { lastSync: syncedAt, cacheBytes: contentCacheBytes(), lastResult: outcome },
    })
    return outcome
  }

  function refresh(): Promise<RefreshOutcome> {
    if (inflight) return inflight
    const running: Promise<RefreshOutcome> = revalidate()
      .catch((): RefreshOutcome => {
        // a bug must not leave the status stuck on "refreshing"
        patchStatus({ refreshing: false, message: '检查更新时出错，正在使用本机保存的内容' }, { lastResult: 'error' })
        return 'error'
      })
      .finally(() => {
        // clear() may have let a newer refresh start meanwhile
        if (inflight === running) inflight = null
      })
    inflight = running
    return running
  }

  return {
    getState,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      if (started) return
      started = true
      void refresh()
      // a check that found no network runs again once there is one
      network.onReconnect(() => {
        if (getState().status.offline) void refresh()
      })
    },
    refresh,
    clear() {
      generation++
      inflight = null
      cacheNotice = null
      clearContentCache()
      setState(bundledState())
    },
    provideBundled(more) {
      bundled = { manifest: bundled.manifest, pack: { ...bundled.pack, ...more } }
      if (!state) return
      const pack = state.status.origin === 'bundled' ? bundled.pack : assemble(current.manifest, state.pack)
      if (LATER_SECTIONS.some((name) => pack[name] !== state?.pack[name])) setState({ ...state, pack })
    },
  }
}

let shared: ContentStore | null = null

/** Hand the bundled copies of later sections to the app-wide store (now and when it is made). */
export function provideBundledSections(sections: LaterSections): void {
  laterBundled = { ...laterBundled, ...sections }
  shared?.provideBundled(sections)
}

/** The app-wide store (created on first use). */
export function contentStore(): ContentStore {
  if (!shared) shared = createContentStore()
  return shared
}

/** Tests only: forget the app-wide store so the next use loads from storage again. */
export function resetContentStoreForTests(): void {
  shared = null
}
