// N editors publish at the same moment with the same If-Match, over real HTTP, split across two
// server processes on one database: exactly one wins, every other gets 412 in the error shape, the
// winner's edition is what both servers serve (no section from a loser), and history grows by one.
//
//   EDITORS         concurrent publishers per round (default 20)
//   EDITOR_ROUNDS   rounds per dialect (default 2; CI 10)
import { ADMIN_TOKEN, contentPack, createTestDatabase, testDialects } from '../server/helpers'
import { checkIntegrity } from '../../harness/integrity'
import { type ServerProcess, errorShapeProblem, killLeftovers, knob, report, startServer, tagOf, taggedPack, waitFor } from './support'
import { at } from '../../harness/at'

const EDITORS = knob('EDITORS', 20)
const ROUNDS = knob('EDITOR_ROUNDS', 2)
jest.setTimeout(30 * 60_000)
afterAll(killLeftovers)

const base = contentPack()

interface Answer {
  editor: number
  server: string
  status: number
  body: unknown
}

describe.each(testDialects())('concurrent editors over HTTP (%s)', (dialect) => {
  test(`${EDITORS} editors × ${ROUNDS} rounds with the same If-Match: one wins, the rest get 412, nothing lost or mixed`, async () => {
    const db = await createTestDatabase(dialect)
    // Each server learns of the other's publish by LISTEN/NOTIFY (PostgreSQL) or its periodic check.
    const env = { ...db.env, ADMIN_TOKEN, CONTENT_POLL_MS: '200', CONTENT_LISTEN: '1', RATE_LIMIT_ADMIN: '1000000' }
    const servers: ServerProcess[] = []
    const figures = {
      editors: EDITORS,
      rounds: ROUNDS,
      attempts: 0,
      won: 0,
      conflicts: 0,
      other: 0,
      lost: 0,
      mixed: 0,
      slowestMs: 0,
      winners: [] as string[],
    }
    try {
      servers.push(...(await Promise.all([startServer(env), startServer(env)])))
      for (let round = 0; round < ROUNDS; round++) {
        const before = (await checkIntegrity(db.database, null)).history.length
        const expected = ((await (await fetch(`${at(servers, 0).url}/api/v1/health`)).json()) as { version: string }).version
        const bodies = Array.from({ length: EDITORS }, (_v, i) => JSON.stringify(taggedPack(base, `e${round}-${i}`)))
        const started = Date.now()
        const answers: Answer[] = await Promise.all(
          bodies.map(async (body, editor) => {
            const server = at(servers, editor % servers.length)
            const res = await fetch(`${server.url}/api/v1/admin/content`, {
              method: 'POST',
              headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': `"${expected}"` },
              body,
            })
            return { editor, server: server.url, status: res.status, body: await res.json() }
          }),
        )
        figures.slowestMs = Math.max(figures.slowestMs, Date.now() - started)
        figures.attempts += answers.length
        const wins = answers.filter((a) => a.status === 201)
        const conflicts = answers.filter((a) => a.status === 412)
        figures.won += wins.length
        figures.conflicts += conflicts.length
        figures.other += answers.length - wins.length - conflicts.length
        expect(wins).toHaveLength(1)
        expect(conflicts).toHaveLength(EDITORS - 1)
        for (const c of conflicts) {
          expect(errorShapeProblem(c.body)).toBeNull()
          expect((c.body as { error: { code: string } }).error.code).toBe('version_conflict')
        }
        const winner = at(wins, 0)
        const winnerTag = `e${round}-${winner.editor}`
        const winnerVersion = (winner.body as { version: string }).version
        figures.winners.push(`${winnerVersion}=${winnerTag}`)

        // Both servers serve the winner, whole.
        for (const server of servers) {
          await waitFor(
            `${server.url} to serve ${winnerVersion}`,
            async () => {
              const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { version: string }
              return health.version === winnerVersion ? true : undefined
            },
            10_000,
          )
          const { history, current, served } = await checkIntegrity(db.database, server.url, { fromSeq: before })
          if (history.length !== before + 1) figures.lost++
          expect(history.length).toBe(before + 1)
          expect(current.packVersion).toBe(winnerTag)
          const tags = [tagOf(at(served.faq as { answer: string }[], 0).answer), tagOf(at(served.news as { title: string }[], 0).title)]
          if (tags.some((t) => t !== winnerTag)) figures.mixed++
          expect(tags).toEqual([winnerTag, winnerTag])
        }
      }
    } finally {
      report(`concurrent editors (${dialect})`, { ...figures, winners: figures.winners.join(',') })
      await Promise.all(servers.map((s) => s.stop()))
      await db.cleanup()
    }
  })
})
