// Requests whose socket is already gone by the time a hook runs (the client sent garbage after the
// request, or a body longer than its Content-Length, and Node's parser closed the connection): the
// rate limiter must still find a key (request.ip is then undefined), and the request must end
// quietly, without a 500 or an error-level log line.
import net from 'node:net'
import { Writable } from 'node:stream'
import { type TestApp, createTestApp, testDialects } from './helpers'

/** Send raw bytes and wait until the server closes the connection (or 1 s passes). */
function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('latin1'))
    }
    const timer = setTimeout(done, 1000)
    socket.on('data', (d: Buffer) => chunks.push(d))
    socket.on('close', done)
    socket.on('error', done)
    socket.write(Buffer.from(bytes, 'latin1'))
  })
}

describe.each(testDialects())('requests whose socket is gone (%s)', (dialect) => {
  let t: TestApp
  let port = 0
  const lines: { level: number; msg?: string }[] = []
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line))
        cb()
      },
    })
    t = await createTestApp(dialect, { logLevel: 'info' }, { logStream: stream })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    port = (t.app.server.address() as net.AddressInfo).port
  })
  afterAll(async () => {
    await t?.close()
  })

  const cases: [string, string][] = [
    ['garbage after an admin request', 'GET /api/v1/admin/content/history HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\x01\r\n\r\n'],
    [
      'a body longer than its Content-Length on /assess',
      'POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n' +
        '{"program":"dibao","area":"urban","householdSize":1,"monthlyIncome":0}\x01\r\n\r\n',
    ],
    [
      'a complete short body then garbage on /assess',
      'POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}GARBAGE\x01\r\n\r\n',
    ],
  ]

  test.each(cases)('%s ends quietly', async (_label, bytes) => {
    lines.length = 0
    for (let i = 0; i < 5; i++) {
      const answer = await sendRaw(port, bytes)
      expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d/m)
    }
    // let any handler still running on the dead socket finish and log
    await new Promise((resolve) => setTimeout(resolve, 200))
    const errors = lines.filter((l) => l.level >= 50)
    expect(errors).toEqual([])
    expect(lines.filter((l) => /statusCode":5/.test(JSON.stringify(l)))).toEqual([])
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
    expect(health.status).toBe(200)
  })
})
