// Bearer token check in constant time. Both sides are hashed first so the comparison always runs
// over 32 bytes: a token of a different length takes the same time and leaks nothing.
import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** `Bearer abc` → abc; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  return m?.[1] ?? null
}

/** The shortest ADMIN_TOKEN accepted (openssl rand -hex 32 gives 64). */
const MIN_TOKEN_LENGTH = 24
/** Fewer different characters than this is a pattern (16 × a, abab…), not a secret. */
const MIN_DISTINCT_CHARACTERS = 8

/**
 * Why a configured admin token must be refused, or null when it is acceptable. A token with a space
 * or a non-ASCII character can never authenticate (the Authorization header carries one run of
 * visible ASCII, see bearerToken), and a short or repetitive one is guessed quickly.
 */
export function adminTokenProblem(token: string): string | null {
  if (/\s/.test(token)) return 'ADMIN_TOKEN 含有空格或换行（包括首尾）：这样的令牌永远无法通过验证，请去掉空白'
  if (!/^[\x21-\x7e]+$/.test(token)) return 'ADMIN_TOKEN 只能由可见的 ASCII 字符组成（不能有中文、全角或控制字符）'
  if (token.length < MIN_TOKEN_LENGTH) return `ADMIN_TOKEN 至少要 ${MIN_TOKEN_LENGTH} 个字符（建议用 openssl rand -hex 32 生成）`
  if (new Set(token).size < MIN_DISTINCT_CHARACTERS) {
    return `ADMIN_TOKEN 太容易猜到（只用了 ${new Set(token).size} 种字符）：请用 openssl rand -hex 32 生成`
  }
  return null
}
