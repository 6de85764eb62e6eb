// Publishing, as the server and the CLI do it: the publication is prepared in the pack worker
// (parse, validate, serialize: publication.ts), and the main thread only turns its bytes back into
// the pack, a few elements at a time between turns of the event loop.
import { type ContentPack, type SectionName } from '../../src/domain'
import type { SourceTexts } from '../../src/domain/validate'
import { runInSlices } from '../lib/yield-to-loop'
import { WorkerThread } from '../lib/worker-thread'
import type { PackSource, Preparation, Publication } from './publication'
import type { SerializedBody } from './snapshot'

let thread: WorkerThread | null = null

/** Parse, validate and serialize a pack in the pack worker. `held`: the source texts the receiver holds. */
export function preparePublicationOffThread(source: PackSource, held: SourceTexts): Promise<Preparation> {
  thread ??= new WorkerThread('pack-worker')
  if (source.kind !== 'bytes') return thread.call<Preparation>({ source, held }, [])
  const body = copyOwned(source.body)
  return thread.call<Preparation>({ source: { kind: 'bytes', body }, held }, [body.buffer as ArrayBuffer])
}

/** A buffer of its own (a Node Buffer may be a slice of a shared pool, which must not be handed over). */
function copyOwned(bytes: Uint8Array): Uint8Array {
  // new Uint8Array(view) copies into a buffer of its own; Buffer#slice would only make another view
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes)
}

/** A prepared publication on the main thread: the pack, and each section's served bytes and ETag. */
export interface Assembled {
  pack: ContentPack
  sections: Record<SectionName, SerializedBody>
}

/** The pack back from the publication's bytes, parsed one element at a time in short slices. */
export async function assemble(publication: Publication): Promise<Assembled> {
  const pack: Record<string, unknown> = {}
  const sections = {} as Record<SectionName, SerializedBody>
  const work: (() => void)[] = []
  for (const key of publication.keys) {
    const section = publication.sections[key as SectionName] as Publication['sections'][SectionName] | undefined
    if (!section) {
      const json = publication.other[key]
      if (json === undefined) throw new Error(`publication has no section or value for ${key}`)
      work.push(() => (pack[key] = JSON.parse(json)))
      continue
    }
    const body = Buffer.from(section.body.buffer, section.body.byteOffset, section.body.byteLength)
    sections[key as SectionName] = { body, etag: `"${section.hash}"` }
    const elements: unknown[] = []
    pack[key] = elements
    for (let i = 0; i < section.items.length; i += 2) {
      const [start, end] = [section.items[i], section.items[i + 1]]
      work.push(() => elements.push(JSON.parse(body.toString('utf8', start, end))))
    }
  }
  await runInSlices(work)
  return { pack: pack as ContentPack, sections }
}
