// SIGKILL the server at random moments while an editor publishes one new edition after another,
// restart it, and check after every kill: the current version is the last acknowledged one or the
// one in flight — whole, valid, served consistently (no section of one edition next to a section of
// another) — every acknowledged version is still there, and the sequence has no gaps. The database
// (one SQLite file or one PostgreSQL schema) carries over from round to round, so history grows.
//
//   KILL_ROUNDS      kills on SQLite (default 3; CI 20)
//   KILL_ROUNDS_PG   kills on PostgreSQL (default ceil(KILL_ROUNDS / 2))
//   KILL_SEED        replay the random moments of a run (printed)
import { ADMIN_TOKEN, contentPack, createTestDatabase, testDialects } from '../server/helpers'
import { checkIntegrity } from '../../harness/integrity'
import { type ServerProcess, killLeftovers, knob, report, seededRandom, sleep, startServer, tagOf, taggedPack } from './support'
import { at } from '../../harness/at'

const ROUNDS = knob('KILL_ROUNDS', 3)
const ROUNDS_PG = knob('KILL_ROUNDS_PG', Math.ceil(ROUNDS / 2))
const SEED = knob('KILL_SEED', Date.now() % 1_000_000)
jest.setTimeout(30 * 60_000)
afterAll(killLeftovers)

interface Ack {
  label: string
  tag: string
}

const base = contentPack()

describe.each(testDialects())('SIGKILL in the middle of publishing (%s)', (dialect) => {
  const rounds = dialect === 'sqlite' ? ROUNDS : ROUNDS_PG

  test(`${rounds} kills at random moments: old or new, never a mix; nothing acknowledged lost`, async () => {
    const random = seededRandom(SEED + (dialect === 'sqlite' ? 0 : 1))
    const db = await createTestDatabase(dialect)
    const env = { ...db.env, ADMIN_TOKEN, CONTENT_POLL_MS: '0', CONTENT_LISTEN: '0', RATE_LIMIT_ADMIN: '1000000' }
    /** every publish the database must keep: acknowledged ones, and any committed as the kill hit */
    const acknowledged: Ack[] = []
    const figures = {
      kills: 0,
      killedWithPublishInFlight: 0,
      inFlightCommitted: 0,
      inFlightRolledBack: 0,
      publishesAcknowledged: 0,
      lost: 0,
      delaysMs: [] as number[],
    }
    let server: ServerProcess | null = null
    let checkedUpTo = 1
    try {
      server = await startServer(env)
      for (let round = 0; round < rounds; round++) {
        const running: ServerProcess = server
        let current = ((await (await fetch(`${running.url}/api/v1/health`)).json()) as { version: string }).version
        let inFlight: string | null = null
        let stopping = false
        const publishing = (async () => {
          for (let i = 0; !stopping; i++) {
            const tag = `k${round}-${i}`
            const body = JSON.stringify(taggedPack(base, tag))
            inFlight = tag
            try {
              const res = await fetch(`${running.url}/api/v1/admin/content`, {
                method: 'POST',
                headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': `"${current}"` },
                body,
              })
              if (res.status !== 201) throw new Error(`publish answered ${res.status}: ${await res.text()}`)
              current = ((await res.json()) as { version: string }).version
              acknowledged.push({ label: current, tag })
              figures.publishesAcknowledged++
              inFlight = null
            } catch (error) {
              if (stopping) return // the request the kill cut short
              throw error
            }
          }
        })()
        // a random moment: sometimes before the first publish lands, mostly somewhere in the stream
        const delay = Math.round(50 + random() * 1450)
        figures.delaysMs.push(delay)
        await sleep(delay)
        stopping = true
        const cutShort: string | null = inFlight
        running.proc.kill('SIGKILL')
        await Promise.all([running.exited, publishing])
        figures.kills++
        if (cutShort) figures.killedWithPublishInFlight++

        server = await startServer(env)
        // versions stored before the previous check were verified then (and are immutable)
        const { history, current: now, served } = await checkIntegrity(db.database, server.url, { fromSeq: checkedUpTo })
        checkedUpTo = history.length
        // Every acknowledged version is there, with its own content.
        const byLabel = new Map(history.map((v) => [v.version, v]))
        for (const ack of acknowledged) {
          if (byLabel.get(ack.label)?.packVersion !== ack.tag) figures.lost++
        }
        // Old or new: the last acknowledged edition, or the one cut short (committed before the kill).
        const last = acknowledged[acknowledged.length - 1]
        const allowed = [last?.tag ?? base.meta.version, ...(cutShort ? [cutShort] : [])]
        expect(allowed).toContain(now.packVersion)
        if (cutShort && now.packVersion === cutShort) figures.inFlightCommitted++
        else if (cutShort) figures.inFlightRolledBack++
        // Committed though not acknowledged before the kill: from now on it is part of the history to
        // keep. The 201 may still have arrived after the kill (the response was on the wire), in which
        // case the publisher has already recorded it — count each edition once.
        if (now.packVersion === cutShort && !acknowledged.some((ack) => ack.tag === cutShort)) {
          acknowledged.push({ label: now.version, tag: cutShort })
        }
        // Nothing else crept in: history = seed + every acknowledged (or committed) publish.
        expect(history.length).toBe(1 + acknowledged.length)
        // Served consistently: both tagged sections carry the current edition's tag.
        const faq = served.faq as { answer: string }[]
        const news = served.news as { title: string }[]
        const expectedTag = now.packVersion === base.meta.version ? null : now.packVersion
        expect(tagOf(at(faq, 0).answer)).toBe(expectedTag)
        expect(tagOf(at(news, 0).title)).toBe(expectedTag)
      }
      expect(figures.lost).toBe(0)
    } finally {
      report(`SIGKILL mid-publish (${dialect})`, { seed: SEED, ...figures, delaysMs: figures.delaysMs.join('/') })
      await server?.stop()
      await db.cleanup()
    }
  })
})
