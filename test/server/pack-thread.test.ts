// The pack worker receives a request body as bytes it owns: a small body that Node keeps in a slice
// of its shared pool must arrive as exactly its own bytes (handing over a view of the pool sent
// 8 KB of unrelated memory and every small publish read as invalid JSON).
import { preparePublicationOffThread } from '../../server/content/pack-thread'

test('a small pooled Buffer reaches the worker as its own bytes', async () => {
  const pooled = Buffer.from('[1,2,3]')
  expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength)
  const prepared = await preparePublicationOffThread({ kind: 'bytes', body: pooled }, new Map())
  expect(prepared).toMatchObject({ ok: false, reason: 'invalid_pack' })
  // the caller's buffer is untouched (copied, not transferred)
  expect(pooled.toString()).toBe('[1,2,3]')
})

test('bytes that are not JSON are still refused as such', async () => {
  expect(await preparePublicationOffThread({ kind: 'bytes', body: Buffer.from('{"a":') }, new Map())).toEqual({
    ok: false,
    reason: 'invalid_json',
    empty: false,
  })
})
