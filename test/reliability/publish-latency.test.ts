// A large publish must not stall reads. Publishing serializes, hashes, stores and re-parses the whole
// pack; done in one synchronous stretch, a 5 MB pack froze every request (reads are served from
// memory) for seconds. Reads are fired on a fixed schedule while a ~5 MB pack is published, and each
// read's latency is counted from when it was due, so a frozen event loop shows up in full.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { ContentPack } from '../../src/domain'
import { ADMIN_TOKEN, type TestApp, contentPack, createTestApp } from '../server/helpers'
import { at } from '../../harness/at'

const TARGET_BYTES = 4.6 * 1024 * 1024
const READ_EVERY_MS = 5
/**
 * The target. Parsing, validating and serializing run in the pack worker, SQLite in a worker
 * of its own, and what stays on the event loop (turning the worker's bytes back into the pack, the
 * search index) runs in slices of a few milliseconds: p99 went from ~1.9 s to ~0.26 s (slices) to
 * well under this (workers). docs/RELIABILITY.md has the figures.
 */
// 50 ms held alone (p99 22–37 ms) but not inside the full suite on a 2-core machine, where the worker's
// validation and the reads compete for both cores (p99 125 ms, event loop never stalled over 64 ms, on
// 2026-12-02). 150 ms still fails the regressions this guards against: ~1.9 s (one synchronous publish)
// and ~0.26 s (slices on the event loop).
const P99_BUDGET_MS = 150

/** The real pack, padded with copies of its news items (unique ids) to about `bytes` of JSON. */
function bigPack(bytes: number): ContentPack {
  const pack = contentPack()
  pack.meta.version = '2019.6-big'
  const originals = pack.news.slice()
  const itemBytes = Buffer.byteLength(JSON.stringify(originals))
  const copies = Math.floor((bytes - Buffer.byteLength(JSON.stringify(pack))) / itemBytes)
  for (let i = 0; i < copies; i++) for (const item of originals) pack.news.push({ ...item, id: `${item.id}-copy-${i}` })
  return pack
}

function percentile(sorted: number[], p: number): number {
  return at(sorted, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))
}

describe('reads during a large publish (sqlite)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('sqlite')
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  test('a ~5 MB publish keeps read p99 within budget', async () => {
    // bytes, as a client sends them (encoding a 5 MB string is the client's work, not the server's)
    const payload = Buffer.from(JSON.stringify(bigPack(TARGET_BYTES)))
    expect(payload.length).toBeGreaterThan(4 * 1024 * 1024)
    expect(payload.length).toBeLessThan(5 * 1024 * 1024)
    // Warm the publish path, as the read path below: the pack worker starts on the first publish,
    // and from the sources (tests, development) esbuild first bundles it, synchronously, unless an
    // earlier process left the bundle cached. That one-off half second is not what this measures (the
    // built server ships the worker prebuilt). A refused publish starts the worker and stores nothing.
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/content',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': '"v1"', 'content-type': 'application/json' },
      payload: '{}',
    })
    expect(refused.statusCode).toBe(422)
    // warm the read path, so the first reads do not pay for route compilation
    for (let i = 0; i < 20; i++) expect((await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).statusCode).toBe(200)

    const latencies: number[] = []
    const pending: Promise<unknown>[] = []
    let publishing = true
    const start = performance.now()
    let fired = 0
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    // A timer can only fire when the loop is free, so each read's clock starts when it was due: a
    // client sends its request then, whether or not the server is free to read it.
    const fireDue = (until: number) => {
      while (start + fired * READ_EVERY_MS <= until) {
        const due = start + fired * READ_EVERY_MS
        fired++
        pending.push(
          t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' }).then((res) => {
            latencies.push(performance.now() - due)
            return res.statusCode
          }),
        )
      }
    }
    const timer = setInterval(() => {
      if (publishing) fireDue(performance.now())
    }, 1)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/content',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': '"v1"', 'content-type': 'application/json' },
      payload,
    })
    const publishMs = performance.now() - start
    // the reads that fell due while the loop was busy (none were sent if it never came free)
    fireDue(start + publishMs)
    publishing = false
    clearInterval(timer)
    delay.disable()
    expect(new Set(await Promise.all(pending))).toEqual(new Set([200]))
    expect(res.statusCode).toBe(201)
    expect(res.json().version).toBe('v2')

    latencies.sort((a, b) => a - b)
    const summary = {
      publishMs: Math.round(publishMs),
      reads: latencies.length,
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
      max: Math.round(at(latencies, latencies.length - 1)),
      loopMaxMs: Math.round(delay.max / 1e6),
    }
    // the reads overlapped the publish: one due every 5 ms over its whole length
    expect(summary.reads).toBeGreaterThanOrEqual(Math.floor(publishMs / READ_EVERY_MS))
    expect(summary.reads).toBeGreaterThan(40)
    // the summary is in the failure message, to show how far off a failing run was
    if (process.env.PUBLISH_LATENCY_LOG) console.log(summary)
    expect(summary.p99 < P99_BUDGET_MS ? summary.p99 : summary).toBeLessThan(P99_BUDGET_MS)
    // and the new version is what is served afterwards
    const manifest = await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })
    expect(manifest.json().version).toBe('v2')
  }, 120_000)
})
