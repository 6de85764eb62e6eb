// The 低保 / 特困 rules under random households: no amount is ever negative, NaN, fractional 分 or
// infinite; the 低保 allowance never exceeds standard × household size; and the phone (the form's
// answers through collectFieldErrors + parse*Input + assess*, over the bundled pack) and the server
// (POST /api/v1/assess, amounts in 元) give identical results, 元 × 100 = 分 exactly.
//
//   FUZZ_RUNS   households per property (default 300; the pure-domain properties run 5× as many)
import fc from 'fast-check'
import bundledJson from '../../src/generated/bundled-content.json'
import {
  type ContentPack,
  type DibaoAssessment,
  type Result,
  type TekunAssessment,
  assessDibao,
  assessTekun,
  parseDibaoInput,
  parseTekunInput,
  todayInShanghai,
} from '../../src/domain'
import { collectFieldErrors } from '../../src/components/assessment/validation'
import { type TestApp, createTestApp } from '../server/helpers'
import { nastyNumber, nastyString } from './arbitraries'
import { knob, report } from './support'

const RUNS = knob('FUZZ_RUNS', 300)
const DOMAIN_RUNS = RUNS * 5
jest.setTimeout(30 * 60_000)

/** What the phone renders from: the pack bundled into the app. */
const phonePack = (bundledJson as unknown as { pack: ContentPack }).pack

const isFen = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

const isoDay = fc
  .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

function dibaoProblem(a: DibaoAssessment): string | null {
  for (const [k, v] of Object.entries({
    standardFen: a.standardFen,
    perCapitaIncomeFen: a.perCapitaIncomeFen,
    monthlyAllowanceFen: a.monthlyAllowanceFen,
    monthlyIncomeFen: a.monthlyIncomeFen,
  })) {
    if (!isFen(v)) return `${k} = ${v}`
  }
  if (a.monthlyAllowanceFen > a.standardFen * a.householdSize) return 'allowance above standard × household size'
  if (a.meetsIncomeTest !== a.monthlyIncomeFen < a.standardFen * a.householdSize) return 'income test disagrees with the totals'
  const expected = a.meetsIncomeTest ? a.standardFen * a.householdSize - a.monthlyIncomeFen : 0
  if (a.monthlyAllowanceFen !== expected) return `allowance ${a.monthlyAllowanceFen} ≠ ${expected}`
  for (const s of a.steps) if (s.amountFen !== undefined && !isFen(s.amountFen)) return `step ${s.id} amount ${s.amountFen}`
  return null
}

function tekunProblem(a: TekunAssessment): string | null {
  for (const [k, v] of Object.entries({
    supportStandardFen: a.supportStandardFen,
    careStandardFen: a.careStandardFen,
    monthlySupportFen: a.monthlySupportFen,
    careAllowanceFen: a.careAllowanceFen,
    monthlyTotalFen: a.monthlyTotalFen,
  })) {
    if (!isFen(v)) return `${k} = ${v}`
  }
  if (a.monthlyTotalFen !== a.monthlySupportFen + a.careAllowanceFen) return 'total ≠ support + care'
  if (a.monthlyTotalFen > a.supportStandardFen + a.careStandardFen) return 'total above the standards'
  if (a.monthlySupportFen !== (a.meetsCriteria ? a.supportStandardFen : 0)) return 'support does not follow the criteria'
  if (a.careAllowanceFen !== (a.meetsCriteria ? a.careStandardFen : 0)) return 'care allowance does not follow the criteria'
  for (const s of a.steps) if (s.amountFen !== undefined && !isFen(s.amountFen)) return `step ${s.id} amount ${s.amountFen}`
  return null
}

/** A result is either computed (and sane) or refused with a code, a field and Chinese words. */
function resultProblem<T>(result: Result<T>, check: (value: T) => string | null): string | null {
  if (result.ok) return check(result.value)
  const { code, message } = result.error
  if (!['invalid_input', 'before_first_value'].includes(code)) return `unexpected error code ${code}`
  return /[\u4e00-\u9fff]/.test(message) ? null : `message without Chinese: ${message}`
}

const fen = fc.integer({ min: 0, max: 100_000_000 })
const area = fc.constantFrom('urban', 'rural')

describe('the rules on their own', () => {
  const counts = { dibao: 0, tekun: 0, computed: 0, refused: 0, hostile: 0 }
  afterAll(() => report('domain rules', { runsPerProperty: DOMAIN_RUNS, ...counts }))

  test('低保: random households on random dates', () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 1, max: 20 }), fen, isoDay, (a, size, incomeFen, on) => {
        const input = parseDibaoInput({ area: a, householdSize: size, monthlyIncome: incomeFen / 100, on }, on)
        if (!input.ok) throw new Error(`valid input refused: ${input.error.message}`)
        expect(input.value.monthlyIncomeFen).toBe(incomeFen)
        const result = assessDibao(phonePack, input.value)
        counts.dibao++
        if (result.ok) counts.computed++
        else counts.refused++
        const problem = resultProblem(result, dibaoProblem)
        if (problem) throw new Error(problem)
      }),
      { numRuns: DOMAIN_RUNS },
    )
  })

  test('特困: random people on random dates', () => {
    fc.assert(
      fc.property(
        area,
        fc.constantFrom('centralized', 'dispersed'),
        fc.integer({ min: 0, max: 130 }),
        fc.boolean(),
        fen,
        fc.boolean(),
        fc.constantFrom('self', 'semi', 'full'),
        isoDay,
        (a, care, age, canWork, incomeFen, supporter, selfCare, on) => {
          const raw = {
            area: a,
            care: a === 'rural' ? care : undefined,
            age,
            canWork,
            monthlyIncome: incomeFen / 100,
            hasCapableSupporter: supporter,
            selfCare,
            on,
          }
          const input = parseTekunInput(raw, on)
          if (!input.ok) throw new Error(`valid input refused: ${input.error.message}`)
          const result = assessTekun(phonePack, input.value)
          counts.tekun++
          if (result.ok) counts.computed++
          else counts.refused++
          const problem = resultProblem(result, tekunProblem)
          if (problem) throw new Error(problem)
        },
      ),
      { numRuns: DOMAIN_RUNS },
    )
  })

  test('hostile answers are refused with a field and a message, or computed sanely; never thrown', () => {
    const field = fc.oneof(nastyNumber, nastyString, fc.constant(undefined))
    fc.assert(
      fc.property(
        fc.record({
          program: fc.constantFrom('dibao', 'tekun'),
          area: fc.oneof(area, field),
          householdSize: field,
          monthlyIncome: field,
          on: fc.oneof(isoDay, field),
          care: field,
          age: field,
          canWork: field,
          hasCapableSupporter: field,
          selfCare: field,
        }),
        (raw) => {
          counts.hostile++
          const today = '2019-07-01'
          const problem =
            raw.program === 'dibao'
              ? resultProblem(parseDibaoInput(raw, today), (input) => resultProblem(assessDibao(phonePack, input), dibaoProblem))
              : resultProblem(parseTekunInput(raw, today), (input) => resultProblem(assessTekun(phonePack, input), tekunProblem))
          if (problem) throw new Error(problem)
        },
      ),
      { numRuns: DOMAIN_RUNS },
    )
  })
})

describe('phone and server agree', () => {
  let t: TestApp
  const counts = { compared: 0, computed: 0, refused: 0 }
  beforeAll(async () => {
    t = await createTestApp('sqlite', { rateLimit: { assess: 1_000_000, admin: 1000, windowMs: 60_000 } })
  })
  afterAll(async () => {
    report('phone vs server', { runs: RUNS * 2, ...counts })
    await t?.close()
  })

  /** What a person types into a number box: digits mostly, and whatever else a keyboard allows. */
  const typed = (valid: fc.Arbitrary<number>) =>
    fc.oneof(
      { weight: 6, arbitrary: valid.map(String) },
      { weight: 1, arbitrary: valid.map((n) => ` ${n} `) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', '-1', '0', '1e2', '2.5', '3.999', '１', 'abc', '1,000', 'NaN', 'Infinity', '1000000.01', '99999999'),
      },
    )
  const yuanTyped = typed(fc.integer({ min: 0, max: 500_000 }).map((f) => f / 100))

  /** The server is asked with numbers where the form holds numbers (as a client would send them). */
  const asJson = (answers: Record<string, unknown>, numbers: boolean) =>
    Object.fromEntries(
      Object.entries(answers).map(([k, v]) => [
        k,
        numbers && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v,
      ]),
    )

  async function serverSays(body: Record<string, unknown>) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/assess', payload: body })
    if (res.statusCode >= 500) throw new Error(`server answered ${res.statusCode}`)
    return {
      status: res.statusCode,
      body: res.json() as Record<string, unknown> & {
        error?: { code: string; message: string; fields?: { field: string; message: string }[] }
      },
    }
  }

  const yuan = (value: unknown, fenValue: number, what: string) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${what}: ${String(value)}`)
    if (Math.round(value * 100) !== fenValue || value !== fenValue / 100) throw new Error(`${what}: ${value} 元 ≠ ${fenValue} 分`)
  }

  /** The form stops at the first bad field too; the server names that same field with the same words. */
  function compareRefusal(errors: Record<string, string>, formError: string | null, server: Awaited<ReturnType<typeof serverSays>>) {
    counts.refused++
    expect(server.status).toBe(400)
    const first = Object.entries(errors)[0]
    if (first) {
      expect(server.body.error?.fields?.[0]).toEqual({ field: first[0], message: first[1] })
    } else {
      expect(server.body.error?.message).toBe(formError)
    }
  }

  test('低保', async () => {
    const FALLBACKS = { area: 'urban', householdSize: 1, monthlyIncome: 0 }
    await fc.assert(
      fc.asyncProperty(area, typed(fc.integer({ min: 1, max: 20 })), yuanTyped, fc.boolean(), async (a, size, income, numbers) => {
        const answers = { area: a, householdSize: size, monthlyIncome: income }
        const today = todayInShanghai()
        const phone = collectFieldErrors((raw) => parseDibaoInput(raw, today), { ...answers }, FALLBACKS)
        const server = await serverSays({ program: 'dibao', ...asJson(answers, numbers) })
        counts.compared++
        if (!phone.value) return compareRefusal(phone.errors, phone.formError, server)
        const result = assessDibao(phonePack, phone.value)
        if (!result.ok) throw new Error(result.error.message)
        const problem = dibaoProblem(result.value)
        if (problem) throw new Error(problem)
        counts.computed++
        expect(server.status).toBe(200)
        const b = server.body
        yuan(b.standard, result.value.standardFen, 'standard')
        yuan(b.perCapitaIncome, result.value.perCapitaIncomeFen, 'perCapitaIncome')
        yuan(b.monthlyIncome, result.value.monthlyIncomeFen, 'monthlyIncome')
        yuan(b.monthlyAllowance, result.value.monthlyAllowanceFen, 'monthlyAllowance')
        expect(b.meetsIncomeTest).toBe(result.value.meetsIncomeTest)
        expect(b.householdSize).toBe(result.value.householdSize)
        expect((b.steps as { id: string; text: string; amount: number | null }[]).map((s) => [s.id, s.text, s.amount])).toEqual(
          result.value.steps.map((s) => [s.id, s.text, s.amountFen === undefined ? null : s.amountFen / 100]),
        )
        // the API keeps the outdated-standard note first among the caveats for older clients
        const { outdatedNote, caveats } = result.value
        expect(b.outdatedNote).toBe(outdatedNote)
        expect(b.caveats).toEqual(outdatedNote ? [outdatedNote, ...caveats] : caveats)
      }),
      { numRuns: RUNS },
    )
  })

  test('特困', async () => {
    const FALLBACKS = {
      area: 'urban',
      care: 'dispersed',
      age: 70,
      canWork: false,
      monthlyIncome: 0,
      hasCapableSupporter: false,
      selfCare: 'self',
    }
    await fc.assert(
      fc.asyncProperty(
        area,
        fc.constantFrom('centralized', 'dispersed'),
        typed(fc.integer({ min: 0, max: 130 })),
        fc.boolean(),
        yuanTyped,
        fc.boolean(),
        fc.constantFrom('self', 'semi', 'full'),
        fc.boolean(),
        async (a, care, age, canWork, income, supporter, selfCare, numbers) => {
          // as the form builds it (src/subpackages/assess/tekun: toRaw)
          const answers: Record<string, unknown> = {
            area: a,
            care: a === 'rural' ? care : undefined,
            age,
            canWork,
            monthlyIncome: income,
            hasCapableSupporter: supporter,
            selfCare,
          }
          const today = todayInShanghai()
          const phone = collectFieldErrors((raw) => parseTekunInput(raw, today), { ...answers }, FALLBACKS)
          const server = await serverSays({ program: 'tekun', ...asJson(answers, numbers) })
          counts.compared++
          if (!phone.value) return compareRefusal(phone.errors, phone.formError, server)
          const result = assessTekun(phonePack, phone.value)
          if (!result.ok) throw new Error(result.error.message)
          const problem = tekunProblem(result.value)
          if (problem) throw new Error(problem)
          counts.computed++
          expect(server.status).toBe(200)
          const b = server.body
          yuan(b.supportStandard, result.value.supportStandardFen, 'supportStandard')
          yuan(b.careStandard, result.value.careStandardFen, 'careStandard')
          yuan(b.monthlySupport, result.value.monthlySupportFen, 'monthlySupport')
          yuan(b.careAllowance, result.value.careAllowanceFen, 'careAllowance')
          yuan(b.monthlyTotal, result.value.monthlyTotalFen, 'monthlyTotal')
          expect(b.meetsCriteria).toBe(result.value.meetsCriteria)
          expect(b.criteria).toEqual(result.value.criteria)
          expect((b.steps as { id: string; text: string; amount: number | null }[]).map((s) => [s.id, s.text, s.amount])).toEqual(
            result.value.steps.map((s) => [s.id, s.text, s.amountFen === undefined ? null : s.amountFen / 100]),
          )
        },
      ),
      { numRuns: RUNS },
    )
  })
})
