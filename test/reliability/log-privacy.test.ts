// No household figure or personal detail reaches the server's logs: a real server process at
// LOG_LEVEL=debug (and an in-process app at trace) is sent many self-checks with distinctive figures,
// the same figures in query strings and in refused bodies, personal details in extra fields, and a
// request to every other endpoint; then the captured log is scanned with findHouseholdFiguresInLogs
// (test/reliability/log-scan.ts, which the e2e suite reuses for its own server's log).
import { Writable } from 'node:stream'
import { ADMIN_TOKEN, contentPack, createTestApp, createTestDatabase } from '../server/helpers'
import { findHouseholdFiguresInLogs } from './log-scan'
import { killLeftovers, knob, report, seededRandom, startServer, taggedPack } from './support'
import { at } from '../../harness/at'

const HOUSEHOLDS = knob('LOG_HOUSEHOLDS', 60)
jest.setTimeout(5 * 60_000)
afterAll(killLeftovers)

const NAME = '张秀英'
const ID_NUMBER = '360203195803127716'
const PHONE = '13979812345'
const PACK_MARKER = '隐私扫描标记Q7K9'

interface Household {
  body: Record<string, unknown>
  figures: number[]
}

/** Distinctive households: incomes with odd cents, and the same numbers nowhere else in a log. */
function households(n: number): Household[] {
  const random = seededRandom(20191)
  const out: Household[] = []
  for (let i = 0; i < n; i++) {
    const income = Math.round((1000 + random() * 90_000) * 100 + 1) / 100
    if (i % 2 === 0) {
      const size = 11 + (i % 10)
      out.push({
        body: { program: 'dibao', area: i % 4 ? 'urban' : 'rural', householdSize: size, monthlyIncome: income },
        figures: [income, size],
      })
    } else {
      const age = 61 + (i % 39)
      out.push({
        body: {
          program: 'tekun',
          area: 'rural',
          care: 'dispersed',
          age,
          canWork: false,
          monthlyIncome: income,
          hasCapableSupporter: false,
          selfCare: 'semi',
        },
        figures: [income, age],
      })
    }
  }
  return out
}

/** Everything a client can send, with the figures wherever a careless log line might pick them up. */
async function exercise(
  send: (method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>) => Promise<number>,
  list: Household[],
) {
  const statuses: Record<number, number> = {}
  const count = (s: number) => (statuses[s] = (statuses[s] ?? 0) + 1)
  for (const h of list) {
    const income = at(h.figures, 0)
    count(await send('POST', '/api/v1/assess', { ...h.body, name: NAME, idNumber: ID_NUMBER, phone: PHONE }))
    // the figures in a query string, in a refused body, and as numeric strings
    count(await send('POST', `/api/v1/assess?monthlyIncome=${income}&name=${encodeURIComponent(NAME)}`, h.body))
    count(await send('POST', '/api/v1/assess', { ...h.body, monthlyIncome: -income }))
    count(await send('POST', '/api/v1/assess', { ...h.body, monthlyIncome: String(income), householdSize: `${h.figures[1]}人` }))
    count(await send('GET', `/api/v1/search?q=${income}`))
  }
  const pack = taggedPack(contentPack(), 'privacy-1')
  at(pack.faq, 0).answer += PACK_MARKER
  const urls = [
    '/api/v1/health',
    '/api/v1/content/manifest',
    '/api/v1/content/parameters',
    '/api/v1/standards?on=2019-07-01',
    '/api/v1/standards/dibao-urban-standard',
    `/api/v1/policies?q=${encodeURIComponent(NAME)}`,
    `/api/v1/policies/${encodeURIComponent(ID_NUMBER)}`,
    '/api/v1/services',
    `/api/v1/services/${PHONE}`,
    `/api/v1/search?q=${ID_NUMBER}`,
    '/api/v1/nothing',
    '/api/openapi.json',
  ]
  for (const url of urls) count(await send('GET', url))
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }
  count(await send('GET', '/api/v1/admin/content/history', undefined, admin))
  count(await send('POST', '/api/v1/admin/content', pack, { ...admin, 'if-match': '"v1"' }))
  count(await send('POST', '/api/v1/admin/content/rollback', { version: 'v1' }, admin))
  count(await send('POST', '/api/v1/admin/content', { note: ID_NUMBER }, { authorization: `Bearer ${ID_NUMBER}` }))
  return statuses
}

const allFigures = (list: Household[]) => [...list.flatMap((h) => h.figures), NAME, ID_NUMBER, PHONE, PACK_MARKER]

describe('the scanner itself', () => {
  test('finds a planted figure in any of its forms, a field name, and nothing inside longer numbers', () => {
    const log = [
      '{"level":30,"time":1764398400123,"msg":"request completed","responseTime":14817.379}',
      '{"level":30,"msg":"oops","body":{"householdSize":3,"monthlyIncome":4817.37}}',
      '{"level":30,"msg":"in fen","amount":481737}',
      'GET /api/v1/assess?monthlyIncome=4817.37',
    ].join('\n')
    const findings = findHouseholdFiguresInLogs(log, [4817.37, 3])
    expect(findings.map((f) => `${f.line}:${f.kind}:${f.what}`).sort()).toEqual(
      [
        '2:field:householdSize',
        '2:field:monthlyIncome',
        '2:figure:4817.37',
        '3:figure:481737',
        '4:field:monthlyIncome',
        '4:figure:4817.37',
      ].sort(),
    )
    expect(findHouseholdFiguresInLogs('{"msg":"fine","time":1764398400123}', [4817.37, ID_NUMBER])).toEqual([])
  })
})

describe('no household data in the logs', () => {
  const list = households(HOUSEHOLDS)

  test(`a server process at LOG_LEVEL=debug, ${HOUSEHOLDS} households`, async () => {
    const db = await createTestDatabase('sqlite')
    const server = await startServer({
      ...db.env,
      ADMIN_TOKEN,
      LOG_LEVEL: 'debug',
      RATE_LIMIT_ASSESS: '1000000',
      RATE_LIMIT_ADMIN: '1000000',
    })
    try {
      const statuses = await exercise(async (method, url, body, headers = {}) => {
        const res = await fetch(`${server.url}${url}`, {
          method,
          headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        })
        await res.arrayBuffer()
        return res.status
      }, list)
      await server.stop()
      const log = server.output()
      const lines = log.split('\n').filter(Boolean)
      // the scan is not vacuous: requests are logged, just not what they carried
      expect(log).toContain('/api/v1/assess')
      expect(lines.length).toBeGreaterThan(HOUSEHOLDS * 5)
      const findings = findHouseholdFiguresInLogs(log, allFigures(list))
      report('log privacy (server process, debug)', {
        requests: Object.values(statuses).reduce((a, b) => a + b, 0),
        statuses,
        logLines: lines.length,
        figuresScanned: allFigures(list).length,
        findings: findings.length,
      })
      expect(findings).toEqual([])
    } finally {
      await server.stop()
      await db.cleanup()
    }
  })

  test('an in-process app at trace level', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString('utf8'))
        cb()
      },
    })
    const t = await createTestApp(
      'sqlite',
      { logLevel: 'trace', rateLimit: { assess: 1_000_000, admin: 1_000_000, windowMs: 60_000 } },
      { logStream: stream },
    )
    try {
      const statuses = await exercise(async (method, url, body, headers = {}) => {
        const res = await t.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) })
        return res.statusCode
      }, list)
      const log = lines.join('')
      expect(log).toContain('/api/v1/assess')
      const findings = findHouseholdFiguresInLogs(log, allFigures(list))
      report('log privacy (in process, trace)', {
        requests: Object.values(statuses).reduce((a, b) => a + b, 0),
        logLines: log.split('\n').length,
        findings: findings.length,
      })
      expect(findings).toEqual([])
    } finally {
      await t.close()
    }
  })
})
