// A counting pass-through reverse proxy in front of each server, so "reached the server" is counted
// where it happens, whatever the browser's caches or a service worker did.
import http from 'node:http'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** One request that reached the server, with what the server sent back. */
export interface Hit {
  gen: number
  method: string
  path: string
  status: number
  /** response body bytes as sent on the wire (after any content-encoding) */
  bodyBytes: number
  contentType: string
  encoding: string | null
  conditional: boolean
  startedAt: number
  headersAt: number | null
  endedAt: number | null
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'])

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {}
  for (const [key, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(key)) out[key] = value
  return out
}

/**
 * A pass-through reverse proxy in front of one server, counting every request that reaches it and
 * the body bytes it sends back. The browser loads the app from the proxy's origin.
 */
export class CountingProxy {
  readonly hits: Hit[] = []
  url = ''
  private gen = 0
  private inflight = 0
  private lastActivity = Date.now()
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
  private readonly server: http.Server
  private readonly upstream: URL

  constructor(upstream: string) {
    this.upstream = new URL(upstream)
    this.server = http.createServer((req, res) => this.forward(req, res))
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }

  /** Start a new count: hits from before (even those still running) are not in current(). */
  reset(): void {
    this.gen++
  }

  current(): Hit[] {
    return this.hits.filter((h) => h.gen === this.gen)
  }

  /** Wait until nothing has been in flight for `quietMs` (at most `timeoutMs`). */
  async idle(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.inflight === 0 && Date.now() - this.lastActivity >= quietMs) return
      await sleep(50)
    }
  }

  async close(): Promise<void> {
    this.agent.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const headers = req.headers
    const hit: Hit = {
      gen: this.gen,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      bodyBytes: 0,
      contentType: '',
      encoding: null,
      conditional: headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined,
      startedAt: Date.now(),
      headersAt: null,
      endedAt: null,
    }
    this.hits.push(hit)
    this.inflight++
    this.lastActivity = Date.now()
    let done = false
    const finish = () => {
      if (done) return
      done = true
      hit.endedAt = Date.now()
      this.inflight--
      this.lastActivity = Date.now()
    }
    const upstream = http.request(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        path: req.url,
        method: req.method,
        headers: endToEnd(headers),
        agent: this.agent,
      },
      (upRes) => {
        hit.status = upRes.statusCode ?? 0
        hit.headersAt = Date.now()
        hit.contentType = String(upRes.headers['content-type'] ?? '')
        const encoding = upRes.headers['content-encoding']
        hit.encoding = typeof encoding === 'string' ? encoding : null
        res.writeHead(upRes.statusCode ?? 502, endToEnd(upRes.headers))
        upRes.on('data', (chunk: Buffer) => {
          hit.bodyBytes += chunk.length
        })
        upRes.on('end', finish)
        upRes.on('error', finish)
        upRes.pipe(res)
      },
    )
    upstream.on('error', () => {
      hit.status = 502
      if (!res.headersSent) res.writeHead(502)
      res.end()
      finish()
    })
    res.on('close', finish)
    req.pipe(upstream)
  }
}

export const isApi = (p: string) => p.startsWith('/api/')
