// The whole pack, for the pages that show policies, services, the FAQ or news. Importing this module
// brings in the bundled copies of those sections (src/generated/bundled-later.json): on H5 they
// are a chunk of their own (config/index.ts), loaded with such a page's chunk and never with the
// home page's; the service worker keeps it like every other file of the build.
import laterJson from '../generated/bundled-later.json'
import type { ContentPack } from '../domain'
import { LATER_SECTIONS, type LaterSections, type LoadedPack, provideBundledSections } from '../services/content-store'
import { type UseContent, useContentWithState } from './use-content'

provideBundledSections(laterJson as unknown as LaterSections)

/**
 * Every section is there once the bundled ones are provided: a later section is absent only while
 * it is the bundled copy and not loaded, and this module loaded it. Throws rather than let a page
 * read past a missing list.
 */
export function wholePack(pack: LoadedPack): ContentPack {
  const missing = LATER_SECTIONS.filter((name) => pack[name] === undefined)
  if (missing.length > 0) throw new Error(`content sections not loaded: ${missing.join(', ')}`)
  return pack as ContentPack
}

export function useFullContent(): UseContent<ContentPack> {
  const { state, refresh } = useContentWithState()
  return { pack: wholePack(state.pack), status: state.status, refresh }
}
