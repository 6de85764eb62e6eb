// The console's one way to call the server: same-origin JSON, the session cookie sent by the
// browser, and the CSRF token (from sign-in or /me) on every change of state.
export interface ApiProblem {
  field: string
  message: string
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiProblem[],
  ) {
    super(message)
  }
}

let csrfToken = ''
export const setCsrfToken = (token: string): void => {
  csrfToken = token
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: ApiProblem[] } }
  if (!res.ok) {
    const error = data.error ?? { code: 'http', message: `服务器返回 ${res.status}` }
    throw new ApiFailure(res.status, error.code, error.message, error.fields ?? [])
  }
  return data as T
}

export type Role = 'editor' | 'reviewer' | 'admin'
export interface Me {
  name: string
  role: Role
  csrfToken: string
}
export const ROLE_LABEL: Record<Role, string> = { editor: '编辑', reviewer: '审核', admin: '管理员' }

export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2).replace(/\.00$/, '')
export const toFen = (text: string): number | null => {
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null
}
export const when = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
