// A pack as given to publish: either a bare ContentPack or the `{manifest, pack}` form that export
// and the app's bundled copy use. The manifest part is ignored: hashes are recomputed from the pack.
export function unwrapPack(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>
    if ('pack' in r && 'manifest' in r && !('meta' in r)) return r.pack
  }
  return raw
}
