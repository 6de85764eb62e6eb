import { createHash } from 'node:crypto'

/** The first 128 bits of sha256, in hex: content hashes, ETags and pack hashes all use this one form. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32)
}
