// Invented notices (test/fixtures/notices), one or two phrasings or flags each, with what ingestion
// must make of them. Then properties over all of them: quotes are verbatim slices that contain their
// figure, and line breaks or spaces pasted anywhere in the body change nothing that is proposed.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { type IngestResult, ingestNotice, ingestResultSchema } from '../../../src/domain/ingest'
import { amountAt } from '../../../src/domain/ingest/figures'
import { normalise } from '../../../src/domain/ingest/normalise'
import { at } from '../../../harness/at'

const dir = join(__dirname, '../../fixtures/notices')
const read = (name: string) => readFileSync(join(dir, `${name}.txt`), 'utf8')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))

type Row = [
  parameterId: string,
  amountYuan: number,
  previousYuan: number | null,
  effectiveFrom: string | null,
  needsReview: boolean,
  note?: RegExp,
]
interface Expected {
  document?: Partial<IngestResult['document']>
  proposals: Row[]
  unmatched?: RegExp[]
}

const expected: Record<string, Expected> = {
  'n01-basic': {
    document: {
      docNumber: '景府办字〔2023〕12号',
      title: '景德镇市人民政府办公室关于提高2023年城乡困难群众救助标准的通知',
      issuer: '景德镇市人民政府办公室',
      issuedOn: '2023-02-20',
      effectiveFrom: '2023-01-01',
    },
    proposals: [
      ['dibao-urban-standard', 700, 660, '2023-01-01', false],
      ['dibao-rural-standard', 460, 400, '2023-01-01', false],
    ],
  },
  'n02-slash-month': {
    document: { docNumber: '景民字〔2023〕5号', issuer: '景德镇市民政局', issuedOn: '2023-03-10', effectiveFrom: '2023-04-01' },
    proposals: [['tekun-urban-support', 740, 685, '2023-04-01', false]],
  },
  'n03-floor': {
    document: { docNumber: null, title: '关于提高城市低保标准的通知', issuer: null, issuedOn: null, effectiveFrom: '2024-01-01' },
    proposals: [['dibao-urban-standard', 791, null, '2024-01-01', true, /不低于/]],
  },
  'n04-yearly': {
    document: { docNumber: '景民发〔2023〕9号', issuedOn: null, effectiveFrom: '2023-07-01' },
    proposals: [['dibao-rural-standard', 325, null, '2023-07-01', true, /每人每年3900元，已按12个月折算为每人每月325元/]],
  },
  'n05-unified': {
    document: { docNumber: '景府字〔2024〕3号', issuer: '景德镇市人民政府', issuedOn: '2023-12-28', effectiveFrom: '2024-01-01' },
    proposals: [
      ['dibao-urban-standard', 860, 780, '2024-01-01', true, /同一数额适用于多项标准/],
      ['dibao-rural-standard', 860, 700, '2024-01-01', true, /按书写顺序/],
    ],
  },
  'n06-increase-reach': {
    proposals: [['dibao-urban-average-topup', 410, null, '2021-01-01', false, /原标准为350元/]],
  },
  'n07-effective-apart': {
    document: { docNumber: '景府办字〔2020〕21号', issuedOn: '2020-03-15', effectiveFrom: '2020-01-01' },
    proposals: [
      ['dibao-urban-standard', 690, 660, '2020-01-01', false],
      ['dibao-rural-standard', 430, 400, '2020-07-01', false],
    ],
  },
  'n08-derived': {
    proposals: [
      ['dibao-urban-standard', 900, null, '2025-01-01', false],
      ['tekun-urban-support', 1170, null, '2025-01-01', true, /900元的1\.3倍推算为1170元/],
    ],
  },
  'n09-derived-no-base': { proposals: [], unmatched: [/1\.3倍.*没有写明农村居民最低生活保障标准/] },
  'n10-increase-only': {
    proposals: [['dibao-urban-standard', 750, 700, '2022-01-01', true, /只写明增加50元/]],
    unmatched: [/只写明增加40元/],
  },
  'n11-mismatch': {
    proposals: [['dibao-urban-standard', 670, 600, '2022-01-01', true, /为660元，与通知写明的新标准670元不一致/]],
  },
  'n12-traditional': {
    document: {
      docNumber: '景民字〔2023〕15号',
      title: '景德镇市民政局关于提高农村特困人员供养标准的通知',
      issuer: '景德镇市民政局',
      issuedOn: '2023-01-05',
    },
    proposals: [
      ['tekun-rural-centralized', 560, 505, '2023-01-01', false],
      ['tekun-rural-dispersed', 450, 400, '2023-01-01', false],
    ],
  },
  'n13-fullwidth': {
    document: { docNumber: '景民字〔2023〕18号', issuedOn: '2023-04-20', effectiveFrom: '2023-05-01' },
    proposals: [
      ['care-semi-disabled', 350, 300, '2023-05-01', false],
      ['care-fully-disabled', 1300, 1200, '2023-05-01', false],
    ],
  },
  'n14-chinese-numerals': {
    document: { issuedOn: '2023-03-10', effectiveFrom: '2023-01-01' },
    proposals: [
      ['jingjian-urban', 485, 455, '2023-01-01', false],
      ['jingjian-rural', 1050, 415, '2023-01-01', false],
    ],
  },
  'n15-bad-numeral': { proposals: [], unmatched: [/无法准确识别数字「六百六」/] },
  'n16-line-breaks': {
    document: {
      docNumber: '景府办字〔2023〕30号',
      title: '景德镇市人民政府办公室关于提高2023年城乡困难群众救助标准的通知',
      effectiveFrom: '2023-01-01',
    },
    proposals: [
      ['dibao-urban-standard', 750, 700, '2023-01-01', false],
      ['dibao-rural-standard', 500, 460, '2023-01-01', false],
    ],
  },
  'n17-care-synonyms': {
    proposals: [
      ['care-semi-disabled', 320, null, '2023-01-01', false],
      ['care-fully-disabled', 1250, null, '2023-01-01', false],
    ],
  },
  'n18-care-nursing': {
    proposals: [
      ['care-semi-disabled', 360, null, '2024-01-01', false],
      ['care-fully-disabled', 1300, null, '2024-01-01', false],
    ],
    unmatched: [/全自理.*没有对应的标准项目（100元）/],
  },
  'n19-rural-tekun-one': {
    proposals: [
      ['tekun-rural-centralized', 600, null, '2024-01-01', true, /同一数额适用于多项标准/],
      ['tekun-rural-dispersed', 600, null, '2024-01-01', true, /同一数额适用于多项标准/],
    ],
  },
  'n20-unplaceable': {
    proposals: [],
    unmatched: [/「10%」/, /没有对应的救助标准（1\.2亿元）/, /没有对应的救助标准（50元）/],
  },
  'n21-table': { document: { effectiveFrom: null }, proposals: [], unmatched: [/多个新数额（660元、700元）/] },
  'n22-respectively': {
    proposals: [
      ['dibao-urban-standard', 900, 860, '2024-01-01', false],
      ['dibao-rural-standard', 760, 700, '2024-01-01', false],
    ],
  },
  'n23-on-issue': {
    document: { docNumber: '景民字〔2023〕21号', issuedOn: '2023-08-08', effectiveFrom: '2023-08-08' },
    proposals: [['jingjian-rural', 450, null, '2023-08-08', false]],
  },
  'n24-no-area': { proposals: [], unmatched: [/没有写明是城市还是农村/] },
  'n25-yearly-slash': {
    proposals: [['tekun-rural-dispersed', 500, 450, '2023-01-01', true, /每人每年6000元/]],
  },
  'n26-tekun-both-kinds': {
    proposals: [
      ['tekun-rural-centralized', 620, null, '2024-01-01', false],
      ['tekun-urban-support', 980, null, '2024-01-01', false],
    ],
  },
  'n27-derived-each-area': {
    document: { docNumber: '景府办字〔2025〕8号', effectiveFrom: '2025-01-01' },
    proposals: [
      ['dibao-urban-standard', 920, null, '2025-01-01', false],
      ['dibao-rural-standard', 720, null, '2025-01-01', false],
      ['tekun-urban-support', 1196, null, '2025-01-01', true, /城市居民最低生活保障标准920元的1\.3倍推算为1196元/],
      ['tekun-rural-centralized', 936, null, '2025-01-01', true, /农村居民最低生活保障标准720元的1\.3倍推算为936元/],
      ['tekun-rural-dispersed', 936, null, '2025-01-01', true, /不低于/],
    ],
  },
  'n28-percent-beside': {
    proposals: [['dibao-urban-standard', 910, 860, '2024-07-01', false, /另写明「5\.8%」/]],
  },
  'n29-no-period': {
    proposals: [['dibao-urban-standard', 920, 860, '2025-01-01', true, /没有写明是每月还是每年/]],
  },
  'n30-past-year': {
    proposals: [['dibao-urban-standard', 750, null, '2023-01-01', false]],
    unmatched: [/句中提到「2022年」，无法确定「700元」是新标准还是以往的标准/],
  },
}

it('has an expectation for every fixture, and at least 20 of them', () => {
  expect(Object.keys(expected).sort()).toEqual(files.sort())
  expect(files.length).toBeGreaterThanOrEqual(20)
})

describe.each(files)('%s', (name) => {
  const text = read(name)
  const result = ingestNotice(text)
  const want = expected[name]
  if (!want) throw new Error(`test/fixtures has ${name} but no expected values for it`)

  it('reads the document', () => {
    expect(result.document).toMatchObject(want.document ?? {})
  })

  it('proposes exactly the expected values', () => {
    const got = result.proposals.map((p) => [
      p.parameterId,
      p.amountFen / 100,
      p.previousAmountFen === null ? null : p.previousAmountFen / 100,
      p.effectiveFrom,
      p.needsReview,
    ])
    expect(got).toEqual(want.proposals.map((row) => row.slice(0, 5)))
    want.proposals.forEach((row, k) => {
      const note = row[5]
      if (note) expect(at(result.proposals, k).notes.join('\n')).toMatch(note)
      // A flag always comes with a note saying why.
      if (row[4]) expect(at(result.proposals, k).notes.length).toBeGreaterThan(0)
    })
  })

  it('sends what it cannot place to unmatched, with the reason', () => {
    const reasons = result.unmatched.map((u) => u.reason)
    expect(reasons).toHaveLength((want.unmatched ?? []).length)
    ;(want.unmatched ?? []).forEach((pattern, k) => expect(reasons[k]).toMatch(pattern))
  })

  it('quotes verbatim slices of the input that contain the figure', () => {
    expect(ingestResultSchema.parse(result)).toEqual(result)
    for (const item of [...result.proposals, ...result.unmatched]) expect(text.slice(item.quoteStart, item.quoteEnd)).toBe(item.quote)
    for (const p of result.proposals) {
      const matched = normalise(p.quote).text
      const figures = new Set<number>()
      for (let i = 0; i < matched.length; i++) {
        const amount = amountAt(matched, i)
        if (amount?.fen) figures.add(amount.fen)
      }
      // A value taken as written is in its quote; one converted or derived is flagged and says how.
      if (!figures.has(p.amountFen)) expect(p.needsReview && p.notes.some((n) => /折算|推算|算得/.test(n))).toBe(true)
      if (p.previousAmountFen !== null && !figures.has(p.previousAmountFen)) expect(p.notes.join()).toMatch(/折算/)
    }
  })
})

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const projection = (r: IngestResult) => ({
  proposals: r.proposals.map(({ parameterId, amountFen, previousAmountFen, effectiveFrom, needsReview }) => ({
    parameterId,
    amountFen,
    previousAmountFen,
    effectiveFrom,
    needsReview,
  })),
  unmatched: r.unmatched.map((u) => u.reason),
})

it.each(files)('%s: line breaks and spaces pasted anywhere in the body change nothing proposed', (name) => {
  const text = read(name)
  const original = projection(ingestNotice(text))
  // The body: after the first line, before the signature (issuer and date lines) if there is one.
  const trimmed = text.trimEnd()
  const lines = trimmed.split('\n')
  const signed = /年.*日$/.test(at(lines, lines.length - 1)) && !/[。，]/.test(at(lines, lines.length - 1))
  const bodyStart = at(lines, 0).length + 1
  const bodyEnd = signed ? trimmed.length - lines.slice(-2).join('\n').length : trimmed.length
  expect(bodyEnd - bodyStart).toBeGreaterThan(10)
  const next = random(name.length * 7919)
  for (let round = 0; round < 4; round++) {
    let mangled = text
    for (let k = 0; k < 12; k++) {
      const offset = bodyStart + Math.floor(next() * (bodyEnd - bodyStart))
      const gap = at(['\n', ' ', '\r\n', '\n\n', '\u3000'], Math.floor(next() * 5))
      mangled = mangled.slice(0, offset) + gap + mangled.slice(offset)
    }
    const result = ingestNotice(mangled)
    expect(projection(result)).toEqual(original)
    for (const p of result.proposals) expect(mangled.slice(p.quoteStart, p.quoteEnd)).toBe(p.quote)
  }
})
