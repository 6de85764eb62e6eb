// Every document number, date and figure the app shows must be traceable to the gazette (or to an
// external source the pack declares). Written without the validator, so a bug there cannot hide a
// figure that does not trace.
import fs from 'node:fs'
import path from 'node:path'
import { type ContentPack, contentPackSchema } from '../../src/domain'
import { readContentDir } from '../../server/content/pack-files'
import { captured } from '../../src/domain/captured'

const raw = fs.readFileSync(path.join(__dirname, '../../content/source/gazette-2019-06.txt'), 'utf8')
const squeeze = (text: string): string => text.replace(/\s+/g, '')
const gazette = squeeze(raw)
const CJK = /[\u4e00-\u9fa5]/

/** 2019-06-28 → 2019年6月28日 */
function chinese(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Walks back from `end` over Chinese characters: the issuer prefix of a document number. */
function prefixStart(text: string, end: number): number {
  let i = end
  while (i > 0 && CJK.test(text.charAt(i - 1))) i--
  return i
}

/** Document numbers in the raw gazette, each with its full issuer prefix (bounded by a non-Chinese character). */
function numbersIn(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/〔\s*\d{4}\s*〕\s*\d+\s*号/g)) {
    found.push(squeeze(text.slice(prefixStart(text, m.index), m.index + m[0].length)))
  }
  return found
}

const gazetteNumbers = new Set(numbersIn(raw))

function strings(value: unknown, at: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([at, value])
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out)
  return out
}

/** "660元" stated as a figure, not as the tail of "1660元". */
function statesFigure(text: string, figure: string): boolean {
  return new RegExp(`(^|[^\\d.])${figure.replace('.', '\\.')}`).test(squeeze(text))
}

const yuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))

const bundledPath = path.join(__dirname, '../../src/generated/bundled-content.json')
const packs: Array<[string, () => ContentPack]> = [
  ['the bundled pack', () => contentPackSchema.parse((JSON.parse(fs.readFileSync(bundledPath, 'utf8')) as { pack: unknown }).pack)],
  ['the content/ directory', () => contentPackSchema.parse(readContentDir())],
]

it('finds the document numbers of the gazette itself', () => {
  for (const n of ['景府办字〔2019〕35号', '景府字〔2019〕16号', '赣府发〔2019〕1号', '环办生态函〔2016〕109号'])
    expect(gazetteNumbers.has(n)).toBe(true)
  expect(gazetteNumbers.has('府办字〔2019〕35号')).toBe(false)
})

describe.each(packs)('%s', (_name, load) => {
  const pack = load()
  const sources = new Map(pack.sources.map((s) => [s.id, s]))
  const isGazette = (id: string): boolean => sources.get(id)?.kind === 'gazette'
  const external = pack.sources.filter((s) => s.kind === 'external').map((s) => squeeze(s.docNumber))

  it('mentions only document numbers printed or cited in the gazette, or declared as external sources', () => {
    const untraced: string[] = []
    let mentions = 0
    for (const [at, text] of strings(pack, '')) {
      const squeezed = squeeze(text)
      for (const m of squeezed.matchAll(/〔\d{4}〕\d+号/g)) {
        mentions++
        const mention = squeezed.slice(prefixStart(squeezed, m.index), m.index + m[0].length)
        const traced = [...gazetteNumbers, ...external].some((known) => mention.endsWith(known))
        if (!traced) untraced.push(`${at}: ${mention}`)
      }
    }
    expect(mentions).toBeGreaterThan(0)
    expect(untraced).toEqual([])
  })

  it('gives each gazette source the number and date printed at the head of the document', () => {
    const lines = new Set(raw.split('\n').map(squeeze))
    const wrong = pack.sources
      .filter((s) => s.kind === 'gazette')
      .filter((s) => !lines.has(squeeze(s.docNumber) + chinese(s.issuedOn)))
      .map((s) => `${s.id}: ${s.docNumber} ${chinese(s.issuedOn)}`)
    expect(wrong).toEqual([])
  })

  it('dates every gazette policy and every gazette-sourced value with a date the gazette prints', () => {
    const dates: Array<[string, string]> = [
      ...pack.policies.filter((p) => isGazette(p.sourceId)).map((p): [string, string] => [`${p.id}.issuedOn`, p.issuedOn]),
      ...pack.parameters.flatMap((p) =>
        p.values
          .filter((v) => isGazette(v.reference.sourceId))
          .map((v): [string, string] => [`${p.id}@${v.effectiveFrom}.publishedOn`, v.publishedOn]),
      ),
    ]
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.filter(([, iso]) => !gazette.includes(chinese(iso))).map(([at, iso]) => `${at}: ${chinese(iso)}`)).toEqual([])
  })

  it('states every figure in the gazette, or derives it from figures the gazette states', () => {
    const untraced: string[] = []
    let derivations = 0
    for (const p of pack.parameters) {
      for (const v of p.values) {
        const figure = `${yuan(v.amountFen)}元`
        const at = `${p.id}@${v.effectiveFrom}`
        if (!v.derivation) {
          if (!statesFigure(gazette, figure)) untraced.push(`${at}: ${figure} 不在公报中`)
          if (isGazette(v.reference.sourceId) && !statesFigure(v.reference.quote, figure)) untraced.push(`${at}: ${figure} 不在引文中`)
          continue
        }
        const explanation = v.derivation.explanation
        if (!explanation.includes(figure)) untraced.push(`${at}: 推算说明没有写出 ${figure}`)
        for (const m of squeeze(explanation).matchAll(/(?:^|[^\d.])(\d+(?:\.\d+)?元)/g)) {
          const used = captured(m, 1)
          if (used !== figure && !statesFigure(gazette, used)) untraced.push(`${at}: 推算所用的 ${used} 不在公报中`)
        }
        for (const [, a, op, b, c] of explanation.matchAll(/(\d+)\s*([−\-+＋])\s*(\d+)\s*[=＝]\s*(\d+)/g)) {
          derivations++
          const result = op === '+' || op === '＋' ? Number(a) + Number(b) : Number(a) - Number(b)
          if (result !== Number(c)) untraced.push(`${at}: 推算 ${a}${op}${b}=${c} 不成立`)
        }
      }
    }
    expect(derivations).toBeGreaterThan(0)
    expect(untraced).toEqual([])
  })
})
