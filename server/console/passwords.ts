// Password hashing with argon2id. The parameters are pinned here (not left to the library's
// defaults, which could change under us) at OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane
// (Password Storage Cheat Sheet). A test asserts them, and the stored hash carries them, so a later
// raise applies to new passwords while old hashes still verify.
import { hash, parseOptions, verify } from '@node-rs/argon2'

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which a transpiler cannot inline from a .d.ts). */
const ARGON2ID = 2

export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 128

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...ARGON2_PARAMS, algorithm: ARGON2ID })
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** The parameters a stored hash was made with (for the test, and to spot hashes due a rehash). */
export function hashParameters(stored: string): { algorithm: number; memoryCost: number; timeCost: number; parallelism: number } {
  const { algorithm, memoryCost, timeCost, parallelism } = parseOptions(stored)
  return { algorithm, memoryCost, timeCost, parallelism }
}

export const isArgon2id = (algorithm: number): boolean => algorithm === ARGON2ID

/** A password someone can type: length within bounds (ASVS 2.1.1/2.1.2); no composition rules. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少要 ${MIN_PASSWORD_LENGTH} 个字符`
  if ([...password].length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`
  return null
}
