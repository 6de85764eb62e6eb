// Taro storage that never throws into the app. Every key is declared in ./storage-keys.ts; reads return
// `undefined` for a missing, unreadable or corrupted entry and the caller shape-checks the rest.
import Taro from '@tarojs/taro'

/** The stored value, or undefined when absent or unreadable. */
export function readStored(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(key)
    // both platforms answer '' for a missing key
    return value === '' || value === null ? undefined : value
  } catch {
    return undefined
  }
}

/** Store a value; false when the platform refused (quota, serialisation). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    /* already gone or storage unavailable: nothing to do */
  }
}

/** Every stored key with this prefix. */
export function storedKeys(prefix: string): string[] {
  try {
    const info = Taro.getStorageInfoSync()
    return (info.keys ?? []).filter((key) => typeof key === 'string' && key.startsWith(prefix))
  } catch {
    return []
  }
}

/** UTF-8 size of a string: WeChat's storage limits (1 MB a key, 10 MB in all) count bytes. */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4 // a surrogate pair is one 4-byte character
      i++
    } else bytes += 3
  }
  return bytes
}

/** Approximate bytes an entry takes: its JSON size plus its key. */
export function storedBytes(key: string): number {
  const value = readStored(key)
  if (value === undefined) return 0
  try {
    return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '')
  } catch {
    return 0
  }
}
