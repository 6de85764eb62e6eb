// 长辈版 (elder mode), one setting for the whole app, kept in Taro storage (ELDER_KEY).
// On the first launch only (nothing stored yet) it follows WeChat's own font-size setting: a person
// who has made WeChat's text larger gets 长辈版 switched on, and is told so (they can switch it off).
import Taro from '@tarojs/taro'
import { readStored, writeStored } from './storage'
import { ELDER_KEY } from './storage-keys'

/**
 * WeChat reports its font size in px (「我-设置-通用-字体大小」); the standard setting is 16 on
 * Android and 17 on iOS, so 18 or more means the person chose larger text.
 */
export const LARGE_FONT_SETTING_PX = 18

export interface ElderState {
  elder: boolean
  /** who decided: the person, or the app following WeChat's large font on first launch */
  source: 'user' | 'system' | 'default'
}

interface StoredElder {
  on: boolean
  source: 'user' | 'system'
}

function parseStored(raw: unknown): StoredElder | null {
  if (!raw || typeof raw !== 'object') return null
  const { on, source } = raw as { on?: unknown; source?: unknown }
  if (typeof on !== 'boolean' || (source !== 'user' && source !== 'system')) return null
  return { on, source }
}

/** WeChat's font size setting in px, when the platform reports one. */
function systemFontSetting(): number | null {
  // only WeChat reports one; the constant condition also keeps Taro's system-info code out of H5's bundle
  return process.env.TARO_ENV === 'weapp' ? weappFontSetting() : null
}

function weappFontSetting(): number | null {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: unknown }
    return typeof info.fontSizeSetting === 'number' && Number.isFinite(info.fontSizeSetting) ? info.fontSizeSetting : null
  } catch {
    return null
  }
}

function initialState(): ElderState {
  const stored = parseStored(readStored(ELDER_KEY))
  if (stored) return { elder: stored.on, source: stored.source }
  const font = systemFontSetting()
  if (font !== null && font >= LARGE_FONT_SETTING_PX) {
    // remembered, so this happens on the first launch only
    writeStored(ELDER_KEY, { on: true, source: 'system' } satisfies StoredElder)
    return { elder: true, source: 'system' }
  }
  return { elder: false, source: 'default' }
}

let state: ElderState | null = null
const listeners = new Set<() => void>()

export function getElderState(): ElderState {
  if (!state) state = initialState()
  return state
}

export function subscribeElder(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function setElder(on: boolean): void {
  state = { elder: on, source: 'user' }
  writeStored(ELDER_KEY, { on, source: 'user' } satisfies StoredElder)
  for (const listener of [...listeners]) listener()
}

/** Tests only: read the setting from storage again on next use. */
export function resetElderStoreForTests(): void {
  state = null
}
