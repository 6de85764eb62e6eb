// 长辈版 (elder mode): larger text, larger tap targets, higher contrast, on every page.
// One persisted setting shared by every page (src/services/elder-store.ts).
import { useSyncExternalStore } from 'react'
import { getElderState, setElder, subscribeElder } from '../services/elder-store'

export interface UseElderMode {
  elder: boolean
  setElder: (on: boolean) => void
  /** true when 长辈版 was switched on because WeChat's font is set large (first launch), not by the person */
  fromSystemFont: boolean
}

export function useElderMode(): UseElderMode {
  const state = useSyncExternalStore(subscribeElder, getElderState, getElderState)
  return { elder: state.elder, setElder, fromSystemFont: state.source === 'system' }
}
