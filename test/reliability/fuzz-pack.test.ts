// Fuzzing the content-pack validation the CLI, the server and the build share: validatePack on
// garbage and on randomly damaged real packs never throws, answers "valid" only for a pack that stays
// valid, and otherwise lists problems with a path and Chinese words; the CLI, in process and as a
// real process, turns any file (broken JSON, invalid UTF-8, deep nesting, prototype keys) into exit
// code 0/1/2 with a message, never a stack trace.
//
//   FUZZ_RUNS   cases per property (default 300; CI 10000)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { validatePack } from '../../src/domain/validate'
import { EXIT, runCli } from '../../server/cli/index'
import { canonicalJson } from '../../server/content/hash'
import { readSourceTexts } from '../../server/content/pack-files'
import { ROOT, contentPack } from '../server/helpers'
import { jsonish, nastyNumber, nastyString } from './arbitraries'
import { knob, report } from './support'
import { at } from '../../harness/at'

const RUNS = knob('FUZZ_RUNS', 300)
jest.setTimeout(30 * 60_000)

const texts = readSourceTexts()
const PACK_JSON = JSON.stringify(contentPack())
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join()
const unpolluted = () =>
  Object.getOwnPropertyNames(Object.prototype).sort().join() === PROTOTYPE_KEYS && ({} as Record<string, unknown>).polluted === undefined

/** A real pack with 1–4 random edits at random depths: values replaced, keys dropped, prototype keys added. */
const damagedPack: fc.Arbitrary<unknown> = fc
  .array(
    fc.record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      action: fc.constantFrom('set', 'set', 'delete', 'proto', 'swap'),
      value: fc.oneof(jsonish, nastyNumber, nastyString),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    const root = JSON.parse(PACK_JSON) as Record<string, unknown>
    for (const edit of edits) {
      let node: unknown = root
      for (let depth = 0; depth < edit.path.length; depth++) {
        if (typeof node !== 'object' || node === null) break
        const record = node as Record<string, unknown>
        const keys = Object.keys(record)
        if (keys.length === 0) break
        const key = at(keys, at(edit.path, depth) % keys.length)
        const child = record[key]
        if (depth < edit.path.length - 1 && typeof child === 'object' && child !== null) {
          node = child
          continue
        }
        if (edit.action === 'set') record[key] = edit.value
        else if (edit.action === 'delete') delete record[key]
        // a string becomes a number, anything else its JSON text (String() of an object whose
        // toString and valueOf are not functions throws)
        else if (edit.action === 'swap') record[key] = typeof child === 'string' ? Number(child) : (JSON.stringify(child) ?? 'undefined')
        else Object.defineProperty(record, '__proto__', { value: edit.value, enumerable: true, writable: true, configurable: true })
        break
      }
    }
    return root
  })

function problemOf(result: ReturnType<typeof validatePack>): string | null {
  if (result.ok) return null
  if (result.problems.length === 0) return 'invalid without any problem listed'
  for (const p of result.problems) {
    if (typeof p.path !== 'string') return `path ${String(p.path)}`
    if (typeof p.message !== 'string' || !/[\u4e00-\u9fff]/.test(p.message)) return `message ${JSON.stringify(p.message)}`
  }
  return null
}

describe('validatePack', () => {
  const counts = { garbage: 0, damaged: 0, stillValid: 0, problemsListed: 0 }
  afterAll(() => report('fuzz validatePack', { runsPerProperty: RUNS, ...counts, prototypeClean: unpolluted() }))

  test('garbage of any shape: refused with problems, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          jsonish,
          fc.record(
            { meta: jsonish, sources: jsonish, parameters: jsonish, policies: jsonish, services: jsonish, faq: jsonish, news: jsonish },
            { requiredKeys: [] },
          ),
        ),
        (raw) => {
          counts.garbage++
          const result = validatePack(raw, texts)
          expect(result.ok).toBe(false)
          const problem = problemOf(result)
          if (problem) throw new Error(problem)
          if (!unpolluted()) throw new Error('Object.prototype was modified')
        },
      ),
      { numRuns: RUNS },
    )
  })

  test('damaged real packs: valid only if they stay valid, otherwise every problem listed', () => {
    fc.assert(
      fc.property(damagedPack, (raw) => {
        counts.damaged++
        // through JSON, as a file or a request body would bring it
        const result = validatePack(JSON.parse(JSON.stringify(raw)), texts)
        const problem = problemOf(result)
        if (problem) throw new Error(problem)
        if (result.ok) {
          counts.stillValid++
          const again = validatePack(JSON.parse(canonicalJson(result.pack)), texts)
          expect(again.ok).toBe(true)
          if (again.ok) expect(canonicalJson(again.pack)).toBe(canonicalJson(result.pack))
        } else {
          counts.problemsListed += result.problems.length
        }
        if (!unpolluted()) throw new Error('Object.prototype was modified')
      }),
      { numRuns: RUNS },
    )
  })
})

describe('the CLI', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jdz-fuzz-cli-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  test('in process: any file content gives exit 0, 1 or 2 with a message', async () => {
    const file = path.join(tmp, 'pack.json')
    const codes = new Map<number, number>()
    const runs = Math.max(30, Math.ceil(RUNS / 5))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          damagedPack.map((p) => Buffer.from(JSON.stringify(p))),
          jsonish.map((v) => Buffer.from(JSON.stringify(v) ?? '')),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.tuple(fc.constant(PACK_JSON), fc.nat()).map(([json, cut]) => Buffer.from(json.slice(0, cut % json.length))),
        ),
        async (content) => {
          fs.writeFileSync(file, content)
          const out: string[] = []
          const err: string[] = []
          const code = await runCli(['validate', file], {}, { out: (l) => out.push(l), err: (l) => err.push(l) })
          codes.set(code, (codes.get(code) ?? 0) + 1)
          expect([EXIT.ok, EXIT.failed, EXIT.usage]).toContain(code)
          expect((code === EXIT.ok ? out : err).join('\n')).toMatch(/[\u4e00-\u9fff]/)
          expect(err.join('\n')).not.toMatch(/\n\s+at /)
        },
      ),
      { numRuns: runs },
    )
    report('fuzz CLI validate (in process)', { cases: runs, exitCodes: Object.fromEntries(codes) })
  })

  test('as a real process: hostile files and an invalid publish', async () => {
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(tmp, name)
      fs.writeFileSync(file, content)
      return file
    }
    const invalid = JSON.parse(PACK_JSON) as { meta: { asOf: string }; parameters: { values: { amountFen: unknown }[] }[] }
    invalid.meta.asOf = '2019-02-30'
    at(at(invalid.parameters, 0).values, 0).amountFen = -660
    const withProto = `{"__proto__":{"polluted":1},${PACK_JSON.slice(1, -1)},"constructor":{"prototype":{"polluted":1}}}`
    const database = `sqlite://${path.join(tmp, 'cli.sqlite')}`
    const cases: { name: string; args: string[]; expect: number[] }[] = [
      { name: 'the real pack', args: ['validate', write('good.json', PACK_JSON)], expect: [EXIT.ok] },
      { name: 'broken JSON', args: ['validate', write('broken.json', '{"meta":')], expect: [EXIT.failed] },
      {
        name: 'invalid UTF-8',
        args: ['validate', write('bytes.json', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
        expect: [EXIT.failed],
      },
      {
        name: 'nested 200,000 deep',
        args: ['validate', write('deep.json', '['.repeat(200_000) + ']'.repeat(200_000))],
        expect: [EXIT.failed],
      },
      { name: 'prototype keys', args: ['validate', write('proto.json', withProto)], expect: [EXIT.ok, EXIT.failed] },
      { name: 'an empty file', args: ['validate', write('empty.json', '')], expect: [EXIT.failed] },
      {
        name: 'a NUL in the version label',
        args: ['validate', write('nul.json', PACK_JSON.replace(/"version":"[^"]*"/, '"version":"v\\u0000"'))],
        expect: [EXIT.failed],
      },
      { name: 'a missing file', args: ['validate', path.join(tmp, 'missing.json')], expect: [EXIT.usage] },
      { name: 'publish of an invalid pack', args: ['publish', write('invalid.json', JSON.stringify(invalid))], expect: [EXIT.failed] },
      { name: 'export afterwards (nothing was published)', args: ['export', path.join(tmp, 'out.json')], expect: [EXIT.failed] },
    ]
    const results: Record<string, number | null> = {}
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const proc = spawn(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: database },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let output = ''
        proc.stdout.on('data', (d: Buffer) => (output += d.toString()))
        proc.stderr.on('data', (d: Buffer) => (output += d.toString()))
        proc.on('exit', (code) => resolve({ code, output }))
      })
    // three at a time (the machine has two cores), the publish/export pair in order
    const independent = cases.slice(0, -2)
    for (let i = 0; i < independent.length; i += 3) {
      await Promise.all(
        independent.slice(i, i + 3).map(async (c) => {
          const { code, output } = await run(c.args)
          results[c.name] = code
          expect({ name: c.name, expected: c.expect.includes(code ?? -1), stackTrace: /\n\s+at /.test(output) }).toEqual({
            name: c.name,
            expected: true,
            stackTrace: false,
          })
          expect(output).toMatch(/[\u4e00-\u9fff]/)
        }),
      )
    }
    for (const c of cases.slice(-2)) {
      const { code, output } = await run(c.args)
      results[c.name] = code
      expect(c.expect).toContain(code)
      expect(output).not.toMatch(/\n\s+at /)
    }
    report('fuzz CLI (real processes)', { runs: cases.length, exitCodes: results })
  })
})
