// The app's only HTTP client. Pages and the content store never see a thrown network error: every
// call resolves to a typed result, and every body is validated before anyone uses it.
import Taro from '@tarojs/taro'
import * as z from 'zod/mini'
import { apiBase } from './api-config'

export type ApiErrorKind = 'offline' | 'timeout' | 'http' | 'invalid'

export type ApiResult<T> =
  | { ok: true; status: 200; data: T; etag: string | null }
  /** If-None-Match matched: the copy the caller has is current */
  | { ok: true; status: 304; etag: string | null }
  | { ok: false; kind: ApiErrorKind; status: number | null; message: string }

export interface GetOptions {
  /** the ETag of the copy we hold, sent as If-None-Match */
  etag?: string | null
}

export interface ApiClientOptions {
  base?: string
  timeoutMs?: number
  /** delay before the single retry of a GET; doubled by nothing, there is only one retry */
  retryDelayMs?: number
}

const DEFAULT_TIMEOUT_MS = 8000
const DEFAULT_RETRY_DELAY_MS = 800

interface Attempt<T> {
  result: ApiResult<T>
  retryable: boolean
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function headerValue(header: unknown, name: string): string | null {
  if (!header || typeof header !== 'object') return null
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(header as Record<string, unknown>)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value
  }
  return null
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown }
    if (typeof errMsg === 'string') return errMsg
    if (typeof message === 'string') return message
  }
  return String(error)
}

export interface ApiClient {
  get<S extends z.core.$ZodType>(path: string, schema: S, options?: GetOptions): Promise<ApiResult<z.output<S>>>
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS

  async function attempt<S extends z.core.$ZodType>(
    url: string,
    schema: S,
    etag: string | null | undefined,
  ): Promise<Attempt<z.output<S>>> {
    const header: Record<string, string> = { Accept: 'application/json' }
    if (etag) header['If-None-Match'] = etag
    let timer: ReturnType<typeof setTimeout> | undefined
    let task: ReturnType<typeof Taro.request> | undefined
    // Our own timer, so a timeout is reported as one on every platform (h5's fetch only says "aborted").
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    try {
      task = Taro.request({ url, method: 'GET', header, dataType: 'json', timeout: timeoutMs + 1000 })
      const response = await Promise.race([Promise.resolve(task), timedOut])
      if (response === 'timeout') {
        try {
          task?.abort?.()
        } catch {
          /* already settled */
        }
        return { result: { ok: false, kind: 'timeout', status: null, message: '网络响应超时' }, retryable: true }
      }
      if (!response || typeof response !== 'object') {
        return { result: { ok: false, kind: 'invalid', status: null, message: '服务器没有返回内容' }, retryable: false }
      }
      const status = response.statusCode
      const responseEtag = headerValue(response.header, 'etag')
      if (status === 304) return { result: { ok: true, status: 304, etag: responseEtag ?? etag ?? null }, retryable: false }
      if (status < 200 || status >= 300) {
        return {
          result: { ok: false, kind: 'http', status, message: `服务器暂时无法提供内容（${status}）` },
          retryable: status >= 500 || status === 429,
        }
      }
      const parsed = z.safeParse(schema, response.data)
      if (!parsed.success) {
        // an HTML error page, a proxy's login page, or data of the wrong shape
        return { result: { ok: false, kind: 'invalid', status, message: '服务器返回的内容格式不正确' }, retryable: false }
      }
      return { result: { ok: true, status: 200, data: parsed.data, etag: responseEtag }, retryable: false }
    } catch (error) {
      const text = errorText(error)
      if (/timeout|超时/i.test(text))
        return { result: { ok: false, kind: 'timeout', status: null, message: '网络响应超时' }, retryable: true }
      return { result: { ok: false, kind: 'offline', status: null, message: '无法连接网络' }, retryable: true }
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  return {
    async get(path, schema, getOptions = {}) {
      const url = `${options.base ?? apiBase()}${path}`
      let outcome = await attempt(url, schema, getOptions.etag)
      if (outcome.retryable) {
        // one retry with a pause: a weak mobile signal often recovers within a second
        await sleep(retryDelayMs)
        outcome = await attempt(url, schema, getOptions.etag)
      }
      return outcome.result
    },
  }
}
