// Writes a brotli (.br) and a gzip (.gz) copy next to every JS and CSS file of a built H5 app, so
// the server (@fastify/static's preCompressed) sends phones a third to a fifth of the bytes without
// compressing on every request. Part of scripts/after-build-h5.ts (package.json's build:h5).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { COMPRESS_MIN_BYTES, PRECOMPRESSED_FILE } from '../server/lib/compression'

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface PrecompressResult {
  files: number
  raw: number
  brotli: number
  gzip: number
}

export function precompressDir(dir: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, raw: 0, brotli: 0, gzip: 0 }
  for (const file of filesUnder(dir)) {
    if (!PRECOMPRESSED_FILE.test(file) || file.endsWith('.LICENSE.txt')) continue
    const body = fs.readFileSync(file)
    if (body.length < COMPRESS_MIN_BYTES) continue
    const brotli = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })
    const gzip = zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION })
    fs.writeFileSync(`${file}.br`, brotli)
    fs.writeFileSync(`${file}.gz`, gzip)
    result.files++
    result.raw += body.length
    result.brotli += brotli.length
    result.gzip += gzip.length
  }
  return result
}
