// A bounded soak on loopback (see harness/soak.ts): mixed reads with publishes every few seconds, on
// both dialects. No request may fail (the only non-2xx answers are the deliberate stale publishes'
// 412s), the history stays whole, and the server's memory after a forced GC grows by less than the
// bound between the start and the end.
//
//   SOAK_SECONDS       measured seconds per dialect (default 10; CI 60)
//   SOAK_CONNECTIONS   concurrent connections (default 8)
//   SOAK_PUBLISH_MS    pause between publishes (default 2000)
import { testDialects } from '../server/helpers'
import { describeSoak, runSoak } from '../../harness/soak'
import { killLeftovers, knob, report } from './support'

const SECONDS = knob('SOAK_SECONDS', 10)
const CONNECTIONS = knob('SOAK_CONNECTIONS', 8)
const PUBLISH_MS = knob('SOAK_PUBLISH_MS', 2000)
/** Growth allowed between the samples (RSS; the heap, after a GC, gets half). */
const RSS_BOUND_MB = 64
jest.setTimeout((SECONDS + 90) * 1000)
afterAll(killLeftovers)

describe.each(testDialects())('soak (%s)', (dialect) => {
  test(`${SECONDS} s of mixed reads at ${CONNECTIONS} connections, a publish every ${PUBLISH_MS} ms`, async () => {
    const r = await runSoak({ dialect, seconds: SECONDS, connections: CONNECTIONS, publishEveryMs: PUBLISH_MS })
    report(`soak (${dialect})`, { ...describeSoak(r), rssBoundMb: RSS_BOUND_MB })
    expect(r.requests).toBeGreaterThan(0)
    expect({ non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, unexpected: r.publishes.unexpected }).toEqual({
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      unexpected: 0,
    })
    expect(r.publishes.published).toBeGreaterThanOrEqual(Math.floor((SECONDS * 1000) / PUBLISH_MS / 2))
    expect(r.publishes.deliberate412).toBe(r.publishes.published)
    expect(r.historyIntact).toBe(true)
    expect(r.growthMb.rss).toBeLessThan(RSS_BOUND_MB)
    expect(r.growthMb.heapUsed).toBeLessThan(RSS_BOUND_MB / 2)
    expect(r.exitCode).toBe(0)
  })
})
