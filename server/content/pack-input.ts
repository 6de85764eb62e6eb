// A pack as given to publish: either a bare ContentPack or the `{manifest, pack}` form that export
// and the app's bundled copy use. The manifest part is ignored: hashes are recomputed from the pack.
export function unwrapPack(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>
    if ('pack' in r && 'manifest' in r && !('meta' in r)) return r.pack
  }
  return raw
}

/**
 * meta.version is stored in a column of its own (pack_version), not only inside the JSON: PostgreSQL
 * refuses text holding a NUL byte, and a lone UTF-16 surrogate would be stored as U+FFFD, so the
 * label in the history would no longer match the pack. Neither belongs in a version label,
 * so both are reported as a problem with the pack (the rest of the pack travels as escaped JSON text
 * and is unaffected).
 */
export function packVersionProblem(version: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(version)) return '版本号不能包含控制字符（如换行、制表符或 NUL）'
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(version)) return '版本号含有无效的字符'
  return null
}
