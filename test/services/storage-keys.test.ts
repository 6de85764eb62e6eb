// The storage table (src/services/storage-keys.ts): every key is declared there and nowhere else, and
// clearing personal data removes exactly the entries it marks as personal.
import fs from 'node:fs'
import path from 'node:path'
import Taro from '@tarojs/taro'
import { STORED } from '../../src/services/storage-keys'
import { clearPersonalData } from '../../src/services/personal-data'

const SRC = path.join(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full)
    return /\.(ts|tsx)$/.test(e.name) ? [full] : []
  })
}

beforeEach(() => localStorage.clear())

it('no key is spelt out anywhere but the table', () => {
  const elsewhere = sourceFiles(SRC)
    .filter((f) => !f.endsWith(path.join('services', 'storage-keys.ts')))
    // code, not comments: a quoted or templated string that starts a jdz: key
    .filter((f) => /['"`]jdz:/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, f))
  expect(elsewhere).toEqual([])
})

it('keys and prefixes are distinct: none falls under another entry’s prefix', () => {
  const entries = Object.values(STORED)
  for (const a of entries) {
    const name = 'key' in a ? a.key : a.prefix
    expect(name.startsWith('jdz:')).toBe(true)
    const clashes = entries.filter((b) => b !== a && 'prefix' in b && name.startsWith(b.prefix))
    expect([name, clashes]).toEqual([name, []])
  }
})

it('clearing personal data removes every personal entry and keeps the others', () => {
  const written: Record<string, boolean> = {}
  for (const entry of Object.values(STORED)) {
    const key = 'key' in entry ? entry.key : `${entry.prefix}sample`
    Taro.setStorageSync(key, ['x'])
    written[key] = entry.personal
  }
  clearPersonalData()
  for (const [key, personal] of Object.entries(written)) {
    expect([key, Taro.getStorageSync(key) === '' ? 'removed' : 'kept']).toEqual([key, personal ? 'removed' : 'kept'])
  }
})
