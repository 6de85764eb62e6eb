// Walks sample dates across every parameter of the real pack: from its first value on, exactly one
// value is in force each day (no gap, no overlap), and every self-check finds all its standards.
import { type ContentPack, type Parameter, amountOn, valueOn } from '../../src/domain'
import { RULE_REQUIREMENTS } from '../../src/domain/eligibility/requirements'
import bundled from '../../src/generated/bundled-content.json'
import { packWithNotice2023 } from '../fixtures/content/with-notice-2023'

/** Every 15 days from the first value to two years after the last, plus each change day and the day before it. */
function sampleDates(parameter: Parameter): string[] {
  const starts = parameter.values.map((v) => v.effectiveFrom).sort()
  const first = Date.parse(`${starts[0]}T00:00:00Z`)
  const end = Date.parse(`${starts.at(-1)}T00:00:00Z`) + 2 * 366 * 86_400_000
  const dates = new Set<string>()
  for (let t = first; t <= end; t += 15 * 86_400_000) dates.add(new Date(t).toISOString().slice(0, 10))
  for (const start of starts) {
    dates.add(start)
    dates.add(new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10))
  }
  return [...dates].filter((d) => d >= (starts[0] ?? '')).sort()
}

/** Independent of valueOn: the values whose [effectiveFrom, next effectiveFrom) holds the date. */
function inForce(parameter: Parameter, date: string) {
  const starts = [...new Set(parameter.values.map((v) => v.effectiveFrom))].sort()
  return parameter.values.filter((v) => {
    const next = starts.find((s) => s > v.effectiveFrom)
    return v.effectiveFrom <= date && (next === undefined || date < next)
  })
}

const packs: Array<[string, ContentPack]> = [
  ['the bundled pack', bundled.pack as ContentPack],
  ['the pack with a 2023 notice', packWithNotice2023()],
]

describe.each(packs)('%s', (_name, pack) => {
  it('has exactly one value in force on every sampled date, and valueOn returns it', () => {
    const faults: string[] = []
    for (const parameter of pack.parameters) {
      for (const date of sampleDates(parameter)) {
        const candidates = inForce(parameter, date)
        if (candidates.length !== 1) faults.push(`${parameter.id} ${date}: ${candidates.length === 0 ? '没有' : '多个'}数值`)
        const result = valueOn(parameter, date, pack.parameters)
        if (!result.ok || result.value.current !== candidates[0]) faults.push(`${parameter.id} ${date}: valueOn 与区间不符`)
      }
    }
    expect(faults).toEqual([])
  })

  it('gives every self-check all its standards on every date its base standard is in force', () => {
    const faults: string[] = []
    for (const requirement of RULE_REQUIREMENTS) {
      const [baseId, ...others] = requirement.parameterIds
      const base = pack.parameters.find((p) => p.id === baseId)
      if (!base) {
        faults.push(`${requirement.check}: 缺少 ${baseId}`)
        continue
      }
      for (const date of sampleDates(base)) {
        for (const id of others) if (!amountOn(pack.parameters, id, date).ok) faults.push(`${requirement.check} ${date}: ${id}`)
      }
    }
    expect(faults).toEqual([])
  })
})
