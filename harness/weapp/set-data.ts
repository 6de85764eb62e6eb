// setData as WeChat applies it: each key is a data path (`a.b[2].c`, and Taro's `root.cn.[0]`), the
// value crosses to the view as JSON (so it is copied, and its size is what WeChat's audit counts).

export type PathToken = string | number

/** WeChat's audit flags a setData call whose JSON is over 256 KB. */
export const SET_DATA_CALL_LIMIT_BYTES = 256 * 1024
/** Over this, WeChat does not deliver the call at all. */
export const SET_DATA_HARD_LIMIT_BYTES = 1024 * 1024

/** `root.cn.[0].cn[2].v` → ['root', 'cn', 0, 'cn', 2, 'v'] */
export function parsePath(path: string): PathToken[] {
  const tokens: PathToken[] = []
  const pattern = /\[(\d+)\]|([^.[\]]+)/g
  let match: RegExpExecArray | null
  let consumed = 0
  while ((match = pattern.exec(path)) !== null) {
    const between = path.slice(consumed, match.index)
    if (between !== '' && between !== '.') throw new Error(`setData: bad path "${path}"`)
    tokens.push(match[1] !== undefined ? Number(match[1]) : (match[2] as string))
    consumed = pattern.lastIndex
  }
  if (consumed !== path.length || tokens.length === 0) throw new Error(`setData: bad path "${path}"`)
  return tokens
}

type Container = Record<string | number, unknown>

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null

/** UTF-8 bytes of the JSON WeChat sends for this setData call. */
export function setDataBytes(data: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8')
}

/** Apply one setData payload to `target` in place. */
export function applySetData(target: Container, data: Record<string, unknown>): void {
  for (const [path, raw] of Object.entries(data)) {
    if (raw === undefined) continue // WeChat warns and skips undefined values
    const value: unknown = JSON.parse(JSON.stringify(raw))
    const tokens = parsePath(path)
    let node: Container = target
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i] as PathToken
      const next = node[token]
      if (!isContainer(next)) node[token] = typeof tokens[i + 1] === 'number' ? [] : {}
      node = node[token] as Container
    }
    node[tokens[tokens.length - 1] as PathToken] = value
  }
}
