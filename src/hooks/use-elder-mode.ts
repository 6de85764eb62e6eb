// 长辈版 (elder mode): larger text, larger tap targets, higher contrast, on every page.
// (Interim implementation in component state; the persisted setting replaces its internals.)
import { useState } from 'react'

export interface UseElderMode {
  elder: boolean
  setElder: (on: boolean) => void
}

export function useElderMode(): UseElderMode {
  const [elder, setElder] = useState(false)
  return { elder, setElder }
}
