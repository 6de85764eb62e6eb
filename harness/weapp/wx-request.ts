// wx.request over real HTTP: requests for the app's API address go to the local server a test
// started; anything else fails as it would for a domain outside the mini-program's 合法域名.
import http from 'node:http'

export interface RequestOptions {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
  dataType?: string
  timeout?: number
  success?: (res: { statusCode: number; data: unknown; header: Record<string, string> }) => void
  fail?: (err: { errMsg: string }) => void
  complete?: (res: unknown) => void
}

export interface RequestLogEntry {
  url: string
  status: number | 'fail'
}

export interface RequestRoute {
  /** the API base compiled into the app, e.g. https://huimintong.example.com/api */
  from: string
  /** where it is served in this test, e.g. http://127.0.0.1:40123/api; null: the request fails */
  to: string | null
}

export class WxRequest {
  readonly log: RequestLogEntry[] = []
  inFlight = 0
  /** no network: every request fails at once, as WeChat's does */
  offline = false

  constructor(private readonly route: RequestRoute) {}

  request(options: RequestOptions) {
    let aborted = false
    let settled = false
    let req: http.ClientRequest | null = null
    const finish = (ok: boolean, payload: unknown) => {
      if (settled) return
      settled = true
      this.inFlight--
      setTimeout(() => {
        if (ok) options.success?.(payload as never)
        else options.fail?.(payload as never)
        options.complete?.(payload)
      }, 0)
    }
    this.inFlight++
    const fail = (why: string) => {
      this.log.push({ url: options.url, status: 'fail' })
      finish(false, { errMsg: `request:fail ${why}` })
    }
    const target =
      options.url.startsWith(this.route.from) && this.route.to !== null ? this.route.to + options.url.slice(this.route.from.length) : null
    if (this.offline) fail('net::ERR_INTERNET_DISCONNECTED')
    else if (!target) fail(`url not in domain list: ${options.url}`)
    else {
      const url = new URL(target)
      req = http.request(
        url,
        { method: options.method ?? 'GET', headers: options.header ?? {}, timeout: options.timeout ?? 60_000 },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            if (aborted) return
            const text = Buffer.concat(chunks).toString('utf8')
            let data: unknown = text
            if ((options.dataType ?? 'json') === 'json' && text !== '') {
              try {
                data = JSON.parse(text)
              } catch {
                data = text
              }
            }
            const header: Record<string, string> = {}
            for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string') header[key] = value
            this.log.push({ url: options.url, status: res.statusCode ?? 0 })
            finish(true, { statusCode: res.statusCode ?? 0, data, header, errMsg: 'request:ok' })
          })
        },
      )
      req.on('timeout', () => req?.destroy(new Error('timeout')))
      req.on('error', (error) => {
        if (!aborted) fail(error.message)
      })
      req.end()
    }
    return {
      abort: () => {
        if (aborted || settled || !req) return
        aborted = true
        req.destroy()
        fail('abort')
      },
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
    }
  }
}
