// Long jobs on the event loop (a publish serializes, hashes and indexes megabytes) are cut into
// stretches with a turn of the loop between them, so requests waiting meanwhile are answered.
import { setImmediate } from 'node:timers/promises'

/** Let pending I/O and timers run before continuing. */
export function yieldToLoop(): Promise<void> {
  return setImmediate()
}

/** How long one stretch of sliced work may hold the event loop. */
const SLICE_MS = 5

/** Run small steps in order, with a turn of the event loop whenever a stretch has taken SLICE_MS. */
export async function runInSlices(steps: Iterable<() => void>): Promise<void> {
  let since = performance.now()
  for (const step of steps) {
    step()
    if (performance.now() - since >= SLICE_MS) {
      await yieldToLoop()
      since = performance.now()
    }
  }
}
