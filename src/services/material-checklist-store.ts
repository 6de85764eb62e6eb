// Which materials a person has ticked as ready, per service, on this device only
// (checklistKey in storage-keys.ts). A damaged entry reads as "nothing ticked".
import * as z from 'zod/mini'
import { readStored, removeStored, writeStored } from './storage'
import { checklistKey } from './storage-keys'

const ticked = z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))

export function loadTicked(serviceId: string): string[] {
  const parsed = ticked.safeParse(readStored(checklistKey(serviceId)))
  return parsed.success ? parsed.data : []
}

export function saveTicked(serviceId: string, ids: readonly string[]): void {
  // a failed write only loses the ticks for next time; they still show for this visit
  if (ids.length === 0) removeStored(checklistKey(serviceId))
  else writeStored(checklistKey(serviceId), [...ids])
}
