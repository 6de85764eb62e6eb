import { useEffect, useRef } from 'react'

/**
 * Runs once, after the page's first render: for what a shared link asks on arrival (scroll to the
 * section it names). Later renders and taps must not repeat it, so it never re-runs on new values.
 */
export function useOnArrival(arrive: () => void): void {
  const first = useRef(arrive)
  useEffect(() => first.current(), [])
}
