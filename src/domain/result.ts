// Domain functions return typed results instead of throwing, so callers (a page, a route) must
// decide what a person sees for every failure.
export type DomainErrorCode = 'invalid_input' | 'before_first_value' | 'unknown_parameter'

export interface DomainError {
  code: DomainErrorCode
  /** the input field at fault, when there is one */
  field?: string
  /** a sentence in Chinese a person can act on */
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: DomainErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
})
