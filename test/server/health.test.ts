// /health: the database probe is cached (at most one query a second, however many requests), and
// known problems make it say `degraded` with a list of what is wrong.
import { HealthMonitor, PROBE_INTERVAL_MS } from '../../server/lib/health'
import { type TestApp, createTestApp, testDialects } from './helpers'

describe.each(testDialects())('/health (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect)
  })
  afterAll(async () => {
    await t?.close()
  })

  test('a burst of 200 requests probes the database at most once per second', async () => {
    const probe = jest.spyOn(t.app.health, 'probeNow')
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.app.inject({ method: 'GET', url: '/api/v1/health' })))
    for (let i = 0; i < 100; i++) answers.push(await t.app.inject({ method: 'GET', url: '/api/v1/health' }))
    const seconds = Math.ceil((Date.now() - started) / PROBE_INTERVAL_MS)
    expect(answers.every((a) => a.statusCode === 200 && a.json().status === 'ok')).toBe(true)
    expect(probe.mock.calls.length).toBeLessThanOrEqual(seconds + 1)
    probe.mockRestore()
  })

  test('a known problem → degraded, listed by code; ok again once resolved', async () => {
    t.app.health.report('test_problem', '测试用的问题')
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'degraded', database: 'ok', problems: [{ code: 'test_problem', message: '测试用的问题' }] })
    t.app.health.resolve('test_problem')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok', problems: [] })
  })
})

describe('HealthMonitor', () => {
  test('probes once per interval, shares a probe in flight, and notices the database coming back', async () => {
    let now = 0
    let up = true
    let probes = 0
    const monitor = new HealthMonitor(
      async () => {
        probes++
        if (!up) throw new Error('down')
      },
      () => now,
    )
    expect(await Promise.all([monitor.databaseReachable(), monitor.databaseReachable()])).toEqual([true, true])
    expect(probes).toBe(1)
    up = false
    now = PROBE_INTERVAL_MS - 1
    expect(await monitor.databaseReachable()).toBe(true) // cached
    expect(probes).toBe(1)
    now = PROBE_INTERVAL_MS
    expect(await monitor.databaseReachable()).toBe(false)
    expect(probes).toBe(2)
    up = true
    now = 2 * PROBE_INTERVAL_MS
    expect(await monitor.databaseReachable()).toBe(true)
    expect(probes).toBe(3)
  })
})
