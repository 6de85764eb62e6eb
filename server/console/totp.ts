// TOTP second factor (RFC 6238) for reviewers and admins, via otpauth. A code is accepted once:
// the time step it matched is stored, and a code for that step or an earlier one is refused.
import { Secret, TOTP } from 'otpauth'

const ISSUER = '景德镇惠民通'

function totpFor(secret: string, name: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: name, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** otpauth://totp/… for an authenticator app (shown once, by the CLI). */
export function totpUri(secret: string, name: string): string {
  return totpFor(secret, name).toString()
}

/** The current code (tests and the e2e use it as an authenticator app would). */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() })
}

/** The time step the code matched (one step of clock drift either way), or null. */
export function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 })
  if (delta === null) return null
  const step = Math.floor(now.getTime() / 30_000) + delta
  if (lastStep !== null && step <= lastStep) return null
  return step
}
