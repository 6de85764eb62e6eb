// Ingesting 景府办字〔2019〕35号 as printed in the gazette gives back exactly the 2019 values of
// content/parameters.json: the same parameters, amounts, effective dates and (where the notice states
// them) previous amounts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingestNotice, ingestResultSchema } from '../../../src/domain/ingest'
import { normalise } from '../../../src/domain/ingest/normalise'
import type { ContentPack } from '../../../src/domain'

const root = join(__dirname, '../../..')
const gazette = readFileSync(join(root, 'content/source/gazette-2019-06.txt'), 'utf8')
const parameters = JSON.parse(readFileSync(join(root, 'content/parameters.json'), 'utf8')) as ContentPack['parameters']

/** The notice as printed: from its title to 「（此件主动公开）」. */
function notice35(): string {
  const start = gazette.indexOf('景德镇市人民政府办公室关于 提高2019年城乡困难群众救助标准的通知\n')
  const end = gazette.indexOf('（此件主动公开）', start)
  if (start < 0 || end < 0) throw new Error('the gazette no longer holds 景府办字〔2019〕35号 between these markers')
  return gazette.slice(start, end + '（此件主动公开）'.length)
}

const text = notice35()
const result = ingestNotice(text)

it('reads the document: number, title, issuer, issue date and the separately stated effective date', () => {
  expect(result.document).toEqual({
    docNumber: '景府办字〔2019〕35号',
    title: '景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知',
    issuer: '景德镇市人民政府办公室',
    issuedOn: '2019-06-28',
    effectiveFrom: '2019-01-01',
  })
})

it('proposes exactly the 2019 values of content/parameters.json', () => {
  const expected = parameters
    .map((p) => {
      const current = p.values.find((v) => v.effectiveFrom.startsWith('2019'))
      const before = p.values.find((v) => v.effectiveFrom.startsWith('2018'))
      // A previous amount the notice states (not one derived from 增加…达到…, which it does not state).
      const previous = before && !before.derivation ? before.amountFen : null
      return (
        current && { parameterId: p.id, amountFen: current.amountFen, effectiveFrom: current.effectiveFrom, previousAmountFen: previous }
      )
    })
    .filter((v) => v !== undefined)
  expect(expected).toHaveLength(11)
  const got = result.proposals.map(({ parameterId, amountFen, effectiveFrom, previousAmountFen }) => ({
    parameterId,
    amountFen,
    effectiveFrom,
    previousAmountFen,
  }))
  expect(got).toEqual(expected)
  expect(result.unmatched).toEqual([])
  expect(result.proposals.every((p) => !p.needsReview)).toBe(true)
})

it('quotes verbatim from the input, including the line break inside 「增加50\\n\\n元」', () => {
  expect(ingestResultSchema.parse(result)).toEqual(result)
  for (const p of result.proposals) {
    expect(text.slice(p.quoteStart, p.quoteEnd)).toBe(p.quote)
    const cited = parameters.find((q) => q.id === p.parameterId)?.values.find((v) => v.effectiveFrom.startsWith('2019'))
    // The pack's quote is the same sentence with the printer's line break closed up.
    expect(normalise(cited?.reference.quote ?? '').text).toContain(normalise(p.quote).text)
  }
  const dispersed = result.proposals.find((p) => p.parameterId === 'tekun-rural-dispersed')
  expect(dispersed?.quote).toContain('增加50\n\n元')
})

it('notes the previous 补差 level the increase implies, without claiming the notice states it', () => {
  const topup = result.proposals.find((p) => p.parameterId === 'dibao-urban-average-topup')
  expect(topup).toMatchObject({ previousAmountFen: null, notes: ['通知没有写明原标准；按增加额推算，原标准为380元'] })
})
