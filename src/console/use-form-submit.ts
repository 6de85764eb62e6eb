import { type FormEvent, useState } from 'react'
import { ApiFailure } from './api'

/**
 * A form's submit handler with its busy flag and error text: the server's message when it answered,
 * `unreachable` when it could not be reached.
 */
export function useFormSubmit(work: () => Promise<void>, unreachable: string) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      await work()
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : unreachable)
    } finally {
      setBusy(false)
    }
  }
  return { submit, busy, error }
}
