// Properties of ingestNotice over generated text: notices assembled from real phrasings, hostile
// strings and line breaks in random places. It never throws, its answer always fits the schema, every
// quote is the input's own text at its offsets, and every proposal's figure is in its quote.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingestNotice, ingestResultSchema } from '../../../src/domain/ingest'
import { amountAt } from '../../../src/domain/ingest/figures'
import { normalise } from '../../../src/domain/ingest/normalise'

const PIECES = [
  '景德镇市民政局关于提高低保标准的通知\n',
  '景民字〔2023〕5号\n',
  '自2023年1月1日起执行，',
  '决定从二〇二三年七月一日起，',
  '（一）',
  '城市居民最低生活保障标准',
  '农村',
  '城乡',
  '特困人员供养标准',
  '集中供养标准',
  '分散供养标准',
  '半失能',
  '全護理',
  '照料护理补助标准',
  '精简退职职工救济标准',
  '月人均补差水平',
  '增加60元，',
  '由去年的每人每月600元提高到660元',
  '由每人685元/月提高到740元/月',
  '提高到每人每月不低于791元',
  '每人每年3900元',
  '由每人每月780元、700元统一调整为860元',
  '……达到410元',
  '按不低于当地低保标准的1.3倍确定',
  '分别',
  '六百六十元',
  '六百六元',
  '１２００元',
  '增长6%',
  '。',
  '；',
  '，',
  '\n',
]

const gap = fc.constantFrom('', '', '', '\n', ' ', '\r\n', '\u3000')
const notice = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, fc.string({ maxLength: 6 })), gap), { maxLength: 30 })
  .map((parts) => parts.map(([piece, g]) => piece + g).join(''))

const figuresIn = (quote: string): Set<number> => {
  const text = normalise(quote).text
  const found = new Set<number>()
  for (let i = 0; i < text.length; i++) {
    const fen = amountAt(text, i)?.fen
    if (fen) found.add(fen)
  }
  return found
}

it('never throws, fits the schema, quotes verbatim, and keeps each figure in its quote', () => {
  fc.assert(
    fc.property(notice, (text) => {
      const result = ingestNotice(text)
      expect(ingestResultSchema.parse(result)).toEqual(result)
      for (const item of [...result.proposals, ...result.unmatched]) {
        expect(text.slice(item.quoteStart, item.quoteEnd)).toBe(item.quote)
        expect(item.quoteEnd).toBeGreaterThan(item.quoteStart)
      }
      for (const p of result.proposals) {
        if (!figuresIn(p.quote).has(p.amountFen)) expect(p.needsReview && p.notes.some((n) => /折算|推算|算得/.test(n))).toBe(true)
      }
    }),
    { numRuns: 400 },
  )
})

it('reads 景府办字〔2019〕35号 the same with line breaks and spaces pasted anywhere in its body', () => {
  const gazette = readFileSync(join(__dirname, '../../../content/source/gazette-2019-06.txt'), 'utf8')
  const start = gazette.indexOf('各县（市、区）人民政府', gazette.indexOf('景府办字〔2019〕35号 2019年6月28日'))
  const text = gazette.slice(start, gazette.indexOf('（此件主动公开）', start))
  const project = (t: string) =>
    ingestNotice(t).proposals.map((p) => [p.parameterId, p.amountFen, p.previousAmountFen, p.effectiveFrom, p.needsReview])
  const expected = project(text)
  expect(expected).toHaveLength(11)
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: text.length }), gap), { minLength: 1, maxLength: 40 }), (cuts) => {
      let mangled = text
      for (const [at, g] of [...cuts].sort((a, b) => b[0] - a[0])) mangled = mangled.slice(0, at) + (g || '\n') + mangled.slice(at)
      expect(project(mangled)).toEqual(expected)
    }),
    { numRuns: 60 },
  )
})
