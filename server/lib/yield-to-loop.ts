// Long jobs on the event loop (a publish serializes, hashes and indexes megabytes) are cut into
// stretches with a turn of the loop between them, so requests waiting meanwhile are answered.
import { setImmediate } from 'node:timers/promises'

/** Let pending I/O and timers run before continuing. */
export function yieldToLoop(): Promise<void> {
  return setImmediate()
}
