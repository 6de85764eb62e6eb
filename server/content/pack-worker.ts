// The pack worker: prepares a publication (publication.ts) off the main thread.
import { parentPort } from 'node:worker_threads'
import type { SourceTexts } from '../../src/domain/validate'
import { serveRequests } from '../lib/worker-thread'
import { type PackSource, preparePublication, transferables } from './publication'

if (parentPort) {
  serveRequests(parentPort, async (request: { source: PackSource; held: SourceTexts }) => {
    const prepared = preparePublication(request.source, request.held)
    return { value: prepared, transfer: prepared.ok ? transferables(prepared.publication) : [] }
  })
}
