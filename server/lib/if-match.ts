// If-Match for writes (RFC 9110 §13.1.1). A publish must name the version it was based on, and the
// comparison is strong: a weak tag (W/"v3") says "roughly this", and the wildcard (*) says "whatever
// is current", and neither protects an editor from overwriting someone else's edit. A bare label
// (v3, without quotes) is accepted too: it names a version just as clearly.
import { ApiError } from './errors'
import { captured } from '../../src/domain/captured'

export type IfMatch =
  | { kind: 'missing' }
  | { kind: 'wildcard' }
  | { kind: 'version'; version: string }
  /** weak, a list, or not an entity-tag at all */
  | { kind: 'invalid'; reason: 'weak' | 'list' | 'malformed' }

const QUOTED = /^"([\x21\x23-\x7e]*)"$/
const BARE = /^[\x21\x23-\x2b\x2d-\x7e]+$/

export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (header === undefined) return { kind: 'missing' }
  const text = (Array.isArray(header) ? header.join(', ') : header).trim()
  if (text === '') return { kind: 'missing' }
  if (text === '*') return { kind: 'wildcard' }
  if (text.includes(',')) return { kind: 'invalid', reason: 'list' }
  if (text.startsWith('W/')) return { kind: 'invalid', reason: 'weak' }
  const quoted = QUOTED.exec(text)
  if (quoted) {
    const version = captured(quoted, 1)
    return version === '' ? { kind: 'invalid', reason: 'malformed' } : { kind: 'version', version }
  }
  return BARE.test(text) ? { kind: 'version', version: text } : { kind: 'invalid', reason: 'malformed' }
}

/** Why a header that is present does not name one version, in words an editor can act on. */
export function ifMatchProblem(parsed: Exclude<IfMatch, { kind: 'version' } | { kind: 'missing' }>): string {
  if (parsed.kind === 'wildcard') return 'If-Match 不能用 *：请写明您所依据的版本，如 "v3"，以免覆盖他人的修改'
  if (parsed.reason === 'weak') return 'If-Match 不能用弱校验（W/"…"）：请写明您所依据的版本，如 "v3"'
  if (parsed.reason === 'list') return 'If-Match 只能写一个版本，如 "v3"'
  return 'If-Match 应为一个版本号，如 "v3"'
}

/** Publish: the version the edit was based on, named and compared strongly (428 missing, 412 otherwise). */
export function requireIfMatch(header: string | string[] | undefined): string {
  const parsed = parseIfMatch(header)
  if (parsed.kind === 'version') return parsed.version
  if (parsed.kind === 'missing') {
    const message = '请在 If-Match 头中带上您所依据的当前内容版本（可从 /api/v1/content/manifest 或发布历史获取），以免覆盖他人的修改'
    throw new ApiError(428, 'precondition_required', message, [{ field: 'If-Match', message }])
  }
  const message = ifMatchProblem(parsed)
  throw new ApiError(412, 'if_match_invalid', message, [{ field: 'If-Match', message }])
}
