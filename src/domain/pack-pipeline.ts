// The one way a content pack is prepared for use, wherever it comes from (content/, a file, the
// admin API, the editor console, first-start seeding): unwrap, validate against the source texts,
// check the version label, and word the problems for a person.
import type { ContentPack } from './schema'
import { type Problem, type SourceTexts, validatePack } from './validate'

export type Preparation = { ok: true; pack: ContentPack } | { ok: false; problems: Problem[] }

/**
 * What a pack travels as: a bare ContentPack, or `{ manifest, pack }` as exported and bundled into
 * the app, optionally with `sourceTexts` (full texts by id) for sources the receiver may not hold
 * yet. The manifest is ignored: hashes are always recomputed from the pack.
 */
export interface PackInput {
  pack: unknown
  sourceTexts: ReadonlyMap<string, string>
}

export function unwrapPack(raw: unknown): PackInput {
  if (!isRecord(raw) || 'meta' in raw || !('pack' in raw)) return { pack: raw, sourceTexts: new Map() }
  const texts = new Map<string, string>()
  if (isRecord(raw.sourceTexts)) {
    for (const [id, text] of Object.entries(raw.sourceTexts)) if (typeof text === 'string') texts.set(id, text)
  }
  return { pack: raw.pack, sourceTexts: texts }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * meta.version is stored in a column of its own, not only inside the JSON: PostgreSQL refuses text
 * holding a NUL byte, and a lone UTF-16 surrogate would be stored as U+FFFD, so the label in the
 * history would no longer match the pack. Neither belongs in a version label.
 */
export function versionLabelProblem(version: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(version)) return '版本号不能包含控制字符（如换行、制表符或 NUL）'
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(version)) return '版本号含有无效的字符'
  return null
}

/** Texts held by the receiver, plus any the input brings (a text id, once stored, never changes). */
export function withTexts(held: SourceTexts, extra: ReadonlyMap<string, string>): SourceTexts {
  if (extra.size === 0) return held
  const merged = new Map(held)
  for (const [id, text] of extra) if (!merged.has(id)) merged.set(id, text)
  return merged
}

export function preparePack(raw: unknown, texts: SourceTexts): Preparation {
  const validation = validatePack(raw, texts)
  if (!validation.ok) return validation
  const problem = versionLabelProblem(validation.pack.meta.version)
  return problem ? { ok: false, problems: [{ path: 'meta.version', message: problem }] } : validation
}

/** "内容包有 3 个问题：" followed by one line per problem (the first `limit`). */
export function formatProblems(problems: readonly Problem[], limit = Infinity): string[] {
  const shown = problems.slice(0, limit).map((p) => `  - ${p.path || '(根)'}: ${p.message}`)
  if (problems.length > shown.length) shown.push(`  …另有 ${problems.length - shown.length} 个问题`)
  return [`内容包有 ${problems.length} 个问题：`, ...shown]
}
