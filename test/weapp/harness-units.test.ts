// The harness's own stand-ins, checked against WeChat's documented behaviour (no build needed).
import { applySetData, parsePath, setDataBytes } from '../../harness/weapp/set-data'
import { ITEM_LIMIT_BYTES, WxStorage } from '../../harness/weapp/wx-storage'

describe('setData paths', () => {
  it('parses WeChat paths and Taro’s `cn.[0]` form alike', () => {
    expect(parsePath('a.b[2].c')).toEqual(['a', 'b', 2, 'c'])
    expect(parsePath('root.cn.[0].cn.[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v'])
    expect(parsePath('list[0][1]')).toEqual(['list', 0, 1])
    expect(() => parsePath('a..b')).toThrow()
    expect(() => parsePath('')).toThrow()
  })

  it('sets the value at the path, creating what is missing, and copies it', () => {
    const data: Record<string, unknown> = { a: { b: [{ c: 1 }, { c: 2 }, { c: 3 }] }, keep: true }
    const value = { deep: [1] }
    applySetData(data, { 'a.b[2].c': 30, 'x.y[1]': 'new', z: value, skipped: undefined })
    expect(data).toEqual({ a: { b: [{ c: 1 }, { c: 2 }, { c: 30 }] }, keep: true, x: { y: [undefined, 'new'] }, z: { deep: [1] } })
    expect(data.z).not.toBe(value)
    expect('skipped' in data).toBe(false)
  })

  it('counts the UTF-8 bytes of the JSON sent', () => {
    expect(setDataBytes({ v: '低保' })).toBe('{"v":""}'.length + 6)
  })
})

describe('wx storage', () => {
  it('refuses a value over 1 MB, and writes past 10 MB in all', () => {
    const storage = new WxStorage()
    expect(() => storage.set('big', 'x'.repeat(ITEM_LIMIT_BYTES))).toThrow('exceed storage item max length')
    const piece = 'y'.repeat(ITEM_LIMIT_BYTES - 100)
    for (let i = 0; i < 10; i++) storage.set(`k${i}`, piece)
    expect(() => storage.set('k10', piece)).toThrow('exceed storage max size 10MB')
    expect(storage.refusals).toHaveLength(2)
    expect(storage.peakBytes).toBeLessThanOrEqual(10 * 1024 * 1024)
    // replacing a key counts only its new size
    expect(() => storage.set('k0', 'small')).not.toThrow()
  })

  it('answers "" for a missing key and for text that is not JSON', () => {
    const storage = new WxStorage()
    expect(storage.get('none')).toBe('')
    storage.setRaw('cut', '{"v":1,')
    expect(storage.get('cut')).toBe('')
    storage.set('ok', { v: 1 })
    expect(storage.get('ok')).toEqual({ v: 1 })
    expect(storage.info().keys).toEqual(['cut', 'ok'])
  })
})
