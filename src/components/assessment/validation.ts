// The domain's parse*Input stops at the first bad field. To show every problem next to its own field
// at once, re-run it with each faulty field replaced by a known-good value until it passes.
import type { Result } from '../../domain'

export interface FieldCheck<T> {
  /** the parsed input when every field is valid */
  value: T | null
  /** message per field name, in the order the form shows them */
  errors: Record<string, string>
  /** a problem not tied to a field */
  formError: string | null
}

export function collectFieldErrors<T>(
  parse: (raw: unknown) => Result<T>,
  raw: Record<string, unknown>,
  /** a valid stand-in value per field, used only to look past an error */
  fallbacks: Record<string, unknown>,
): FieldCheck<T> {
  const errors: Record<string, string> = {}
  const current: Record<string, unknown> = { ...raw }
  for (let i = 0; i <= Object.keys(fallbacks).length; i++) {
    const result = parse(current)
    if (result.ok) {
      return Object.keys(errors).length === 0 ? { value: result.value, errors, formError: null } : { value: null, errors, formError: null }
    }
    const field = result.error.field
    if (field === undefined || !(field in fallbacks) || field in errors) {
      return { value: null, errors, formError: result.error.message }
    }
    errors[field] = result.error.message
    current[field] = fallbacks[field]
  }
  return { value: null, errors, formError: null }
}
