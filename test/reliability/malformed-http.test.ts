// What app.inject cannot send: malformed HTTP on a real socket (control characters and raw non-ASCII
// bytes in the request line, NUL in a header, oversized headers, garbage). Node's parser rejects
// these before Fastify sees them; the answer must still be the one JSON error shape (never Fastify's
// or Node's own), never a 5xx, and the server must go on serving.
//
//   FUZZ_RUNS   the raw requests are FUZZ_RUNS / 10 (at least 30)
import net from 'node:net'
import fc from 'fast-check'
import { type TestApp, createTestApp } from '../server/helpers'
import { errorShapeProblem, knob, report } from './support'

const RUNS = Math.max(30, Math.ceil(knob('FUZZ_RUNS', 300) / 10))
jest.setTimeout(10 * 60_000)

let t: TestApp
let port = 0
beforeAll(async () => {
  t = await createTestApp('sqlite')
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  port = (t.app.server.address() as net.AddressInfo).port
})
afterAll(async () => {
  await t?.close()
})

/** Send raw bytes, collect whatever comes back until the server closes or goes quiet. */
function raw(bytes: Buffer): Promise<string> {
  // an answer to HEAD announces a Content-Length but carries no body
  const isHead = bytes.subarray(0, 5).toString('latin1') === 'HEAD '
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    const timer = setTimeout(done, 1000)
    socket.on('data', (d: Buffer) => {
      chunks.push(d)
      // one answer is all we want: stop once its body is complete
      const text = Buffer.concat(chunks).toString('utf8')
      const length = /content-length:\s*(\d+)/i.exec(text)
      const head = text.indexOf('\r\n\r\n')
      if (head >= 0 && (isHead || (length && Buffer.byteLength(text.slice(head + 4)) >= Number(length[1])))) done()
    })
    socket.on('close', done)
    socket.on('error', done)
    socket.write(bytes)
  })
}

/** The status and, for an error, the problem with its body (null when it is in the error shape). */
function judge(response: string, isHead = false): { status: number | null; problem: string | null } {
  if (response === '') return { status: null, problem: null } // closed without an answer: acceptable
  const m = /^HTTP\/1\.1 (\d{3})/.exec(response)
  if (!m) return { status: null, problem: `not an HTTP answer: ${response.slice(0, 80)}` }
  const status = Number(m[1])
  if (status >= 500) return { status, problem: `status ${status}` }
  const head = response.slice(0, response.indexOf('\r\n\r\n'))
  if (!/x-content-type-options: nosniff/i.test(head)) return { status, problem: 'no nosniff' }
  if (status < 400 || isHead) return { status, problem: null }
  if (!/content-type: application\/json/i.test(head)) return { status, problem: `error not JSON: ${head}` }
  try {
    return { status, problem: errorShapeProblem(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))) }
  } catch {
    return { status, problem: 'error body is not JSON' }
  }
}

test('known malformed requests are answered in the error shape', async () => {
  const cases: [string, Buffer, number][] = [
    ['a control character in the path', Buffer.from('GET /api/v1/health\x01 HTTP/1.1\r\nHost: x\r\n\r\n'), 400],
    [
      'raw UTF-8 in the path',
      Buffer.concat([Buffer.from('GET /api/v1/policies/'), Buffer.from('低保'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
      400,
    ],
    ['a NUL in a header', Buffer.from('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n'), 400],
    ['20 KB of header', Buffer.from(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431],
    ['not HTTP at all', Buffer.from('HELLO THERE\r\n\r\n'), 400],
    [
      'a body longer than its Content-Length says',
      Buffer.from(
        'POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}',
      ),
      400,
    ],
    ['a bad %-escape (routed, not parsed)', Buffer.from('GET /api/v1/policies/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n'), 400],
  ]
  for (const [label, bytes, expected] of cases) {
    const { status, problem } = judge(await raw(bytes))
    expect({ label, status, problem }).toEqual({ label, status: expected, problem: null })
  }
})

test('property: random bytes in the request line and headers', async () => {
  const statuses: Record<string, number> = {}
  const byte = fc.integer({ min: 0, max: 255 })
  const line = fc.oneof(
    fc.array(byte, { maxLength: 60 }).map((b) => Buffer.from(b)),
    fc
      .tuple(fc.constantFrom('GET', 'POST', 'HEAD', 'G\u0000T', 'OPTIONS'), fc.array(byte, { maxLength: 40 }))
      .map(([m, b]) => Buffer.concat([Buffer.from(`${m} /api/v1/`), Buffer.from(b), Buffer.from(' HTTP/1.1')])),
  )
  const header = fc.array(byte, { maxLength: 80 }).map((b) => Buffer.concat([Buffer.from('X-F: '), Buffer.from(b)]))
  await fc.assert(
    fc.asyncProperty(line, fc.array(header, { maxLength: 3 }), async (requestLine, headers) => {
      const bytes = Buffer.concat([
        requestLine,
        Buffer.from('\r\nHost: x\r\n'),
        ...headers.map((h) => Buffer.concat([h, Buffer.from('\r\n')])),
        Buffer.from('\r\n'),
      ])
      const { status, problem } = judge(await raw(bytes), bytes.subarray(0, 5).toString('latin1') === 'HEAD ')
      const key = String(status ?? 'closed')
      statuses[key] = (statuses[key] ?? 0) + 1
      if (problem) throw new Error(`${JSON.stringify(bytes.toString('latin1')).slice(0, 200)} → ${problem}`)
    }),
    { numRuns: RUNS },
  )
  const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
  expect(health.status).toBe(200)
  report('malformed HTTP on a socket', { cases: RUNS, statuses, healthyAfter: health.status === 200 })
})
