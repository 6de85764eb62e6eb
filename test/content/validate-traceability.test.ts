// The rules that keep a figure from reaching the public untraced: derivations are recomputed or
// confirmed, amounts stay within plausible bounds, every standard cites a text we hold, and the
// self-checks find every standard they need on every date.
import fs from 'node:fs'
import path from 'node:path'
import { type ContentPack, type DatedValue, contentPackSchema, findParameter } from '../../src/domain'
import { type Problem, validatePack } from '../../src/domain/validate'
import { preparePack, unwrapPack } from '../../src/domain/pack-pipeline'
import { readSourceTexts } from '../../server/content/pack-files'

const texts = readSourceTexts()
const fixture: ContentPack = contentPackSchema.parse(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/content/small-pack.json'), 'utf8')),
)

function problemsAfter(mutate: (pack: ContentPack) => void): Problem[] {
  const pack = JSON.parse(JSON.stringify(fixture)) as ContentPack
  mutate(pack)
  const result = validatePack(pack, texts)
  return result.ok ? [] : result.problems
}

function valueOf(pack: ContentPack, id: string, index: number): DatedValue {
  const value = findParameter(pack.parameters, id)?.values[index]
  if (!value) throw new Error(`fixture has no ${id} value ${index}`)
  return value
}

type Case = [name: string, mutate: (pack: ContentPack) => void, path: RegExp, message: RegExp]

const cases: Case[] = [
  [
    'a figure changed under a free-text derivation (660 → 660000)',
    (p) => {
      const v = valueOf(p, 'dibao-urban-standard', 1)
      v.amountFen = 66_000_000
      v.derivation = { explanation: '按原文推算' }
    },
    /^parameters\[0\]\.values\[1\]\.(amountFen|derivation)$/,
    /合理范围|须写明算式/,
  ],
  [
    'a derivation whose arithmetic does not add up',
    (p) => {
      const v = valueOf(p, 'dibao-urban-average-topup', 0)
      v.derivation = { explanation: '410−30', terms: [41000, -2000] }
    },
    /^parameters\[1\]\.values\[0\]\.derivation\.(terms|terms\[1\])$/,
    /算式之和为 390 元|“20元”在引文中找不到/,
  ],
  [
    'a derivation using a figure its quote does not state',
    (p) => {
      const v = valueOf(p, 'dibao-urban-average-topup', 0)
      v.amountFen = 37000
      v.derivation = { explanation: '410−40', terms: [41000, -4000] }
    },
    /^parameters\[1\]\.values\[0\]\.derivation\.terms\[1\]$/,
    /“40元”在引文中找不到/,
  ],
  [
    'a monthly standard beyond plausible bounds',
    (p) => {
      valueOf(p, 'tekun-urban-support', 0).amountFen = 850
    },
    /^parameters\[\d\]\.values\[0\]\.amountFen$/,
    /超出城镇特困供养的合理范围/,
  ],
  [
    'checked before it was published',
    (p) => {
      valueOf(p, 'dibao-urban-standard', 1).lastVerifiedOn = '2019-01-01'
    },
    /^parameters\[0\]\.values\[1\]\.lastVerifiedOn$/,
    /早于公布日期/,
  ],
  [
    'a standard citing only an external source',
    (p) => {
      const v = valueOf(p, 'dibao-urban-standard', 1)
      v.reference.sourceId = 'shjz-zxbf'
      v.reference.docNumber = '国务院令第649号'
    },
    /^parameters\[0\]\.values\[1\]\.reference\.sourceId$/,
    /不能只引外部来源/,
  ],
  [
    'a gazette source without its text id',
    (p) => {
      const source = p.sources.find((s) => s.kind === 'gazette')
      if (source) delete source.textId
    },
    /^sources\[\d\]\.textId$/,
    /须写明全文的编号/,
  ],
  [
    'a source text that is not held',
    (p) => {
      const source = p.sources.find((s) => s.kind === 'gazette')
      if (source) source.textId = 'gazette-2031-01'
    },
    /^sources\[\d\]\.textId$/,
    /找不到全文“gazette-2031-01”/,
  ],
  [
    'a standard a self-check needs is missing (/assess would answer 503)',
    (p) => {
      p.parameters = p.parameters.filter((x) => x.id !== 'tekun-rural-dispersed')
    },
    /^parameters$/,
    /缺少“tekun-rural-dispersed”：农村特困（分散供养）自测需要它/,
  ],
  [
    'a standard a self-check needs starts later than the check',
    (p) => {
      const dibao = findParameter(p.parameters, 'dibao-urban-standard')
      if (dibao) dibao.values = dibao.values.filter((v) => v.effectiveFrom === '2019-01-01')
      const tekun = findParameter(p.parameters, 'tekun-urban-support')
      const first = tekun?.values[0]
      if (first) first.effectiveFrom = '2018-06-01'
    },
    /^parameters\[0\]\.values\[0\]\.effectiveFrom$/,
    /从2019年1月1日起才有数值，但城镇特困自测从2018年6月1日起就要用到它/,
  ],
]

describe.each(cases)('refuses %s', (_name, mutate, pathPattern, message) => {
  it('naming the place and the problem', () => {
    const problems = problemsAfter(mutate)
    expect(problems.some((p) => pathPattern.test(p.path) && message.test(p.message))).toBe(true)
  })
})

it('accepts a derivation the arithmetic cannot express once a reviewer confirmed it', () => {
  expect(
    problemsAfter((p) => {
      valueOf(p, 'dibao-urban-average-topup', 0).derivation = { explanation: '按年标准÷12 折算', confirmedBy: 'reviewer-li' }
    }),
  ).toEqual([])
})

describe('the one pack pipeline', () => {
  it('unwraps {manifest, pack, sourceTexts} and refuses a control character in the version label', () => {
    const input = unwrapPack({ manifest: {}, pack: fixture, sourceTexts: { x: 'text', y: 3 } })
    expect(input.pack).toBe(fixture)
    expect([...input.sourceTexts.keys()]).toEqual(['x'])
    const bad = preparePack({ ...fixture, meta: { ...fixture.meta, version: 'v1\n' } }, texts)
    expect(bad).toEqual({ ok: false, problems: [{ path: 'meta.version', message: expect.stringMatching(/控制字符/) }] })
    expect(preparePack(fixture, texts)).toMatchObject({ ok: true })
  })
})
