// wx storage with WeChat's limits: 1 MB for one key's value, 10 MB for the whole mini-program.
// Values are kept as their JSON text, as WeChat keeps them, so a test can plant a corrupt entry
// (text that is not JSON) and see what the app does with it.

export const ITEM_LIMIT_BYTES = 1024 * 1024
export const TOTAL_LIMIT_BYTES = 10 * 1024 * 1024

export class StorageFullError extends Error {}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8')

export class WxStorage {
  private readonly items = new Map<string, string>()
  /** the largest total this storage ever held, to check that no write went past the limit */
  peakBytes = 0
  /** refused writes, with WeChat's error message */
  readonly refusals: string[] = []
  /** when set, the total limit is this many bytes instead of 10 MB (to fill storage in a test) */
  limitBytes = TOTAL_LIMIT_BYTES

  /** Bytes used: each key and its JSON text. */
  usedBytes(): number {
    let total = 0
    for (const [key, json] of this.items) total += utf8(key) + utf8(json)
    return total
  }

  keys(): string[] {
    return [...this.items.keys()]
  }

  set(key: string, value: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be a non-empty string')
    const json = JSON.stringify(value === undefined ? null : value)
    const bytes = utf8(json)
    if (bytes > ITEM_LIMIT_BYTES) {
      this.refusals.push(`setStorageSync:fail exceed storage item max length (${key}: ${bytes} bytes)`)
      throw new StorageFullError('setStorageSync:fail exceed storage item max length')
    }
    const previous = this.items.get(key)
    const after = this.usedBytes() - (previous === undefined ? 0 : utf8(key) + utf8(previous)) + utf8(key) + bytes
    if (after > this.limitBytes) {
      this.refusals.push(`setStorageSync:fail exceed storage max size 10MB (${key})`)
      throw new StorageFullError('setStorageSync:fail exceed storage max size 10MB')
    }
    this.items.set(key, json)
    this.peakBytes = Math.max(this.peakBytes, after)
  }

  /** WeChat answers '' for a missing key, and for an entry it cannot read back. */
  get(key: string): unknown {
    const json = this.items.get(key)
    if (json === undefined) return ''
    try {
      return JSON.parse(json) as unknown
    } catch {
      return ''
    }
  }

  /** Test hook: store text as it is, valid JSON or not. */
  setRaw(key: string, text: string): void {
    this.items.set(key, text)
  }

  raw(key: string): string | undefined {
    return this.items.get(key)
  }

  remove(key: string): void {
    this.items.delete(key)
  }

  clear(): void {
    this.items.clear()
  }

  info() {
    return { keys: this.keys(), currentSize: Math.ceil(this.usedBytes() / 1024), limitSize: Math.floor(this.limitBytes / 1024) }
  }
}
