// Inference must not be stated as fact (issue 13): each case below is a sentence the app once wrote
// that the gazette (content/source/gazette-2019-06.txt) does not say, held against the gazette's own
// words. Checked on content/ and on the pack bundled into the app, which must say the same.
import fs from 'node:fs'
import path from 'node:path'
import {
  type ContentPack,
  type Policy,
  TEKUN_RULE_VERSIONS,
  assessDibao,
  assessTekun,
  contentPackSchema,
  standardsHeading,
  tekunRulesOn,
} from '../../src/domain'
import { validatePack } from '../../src/domain/validate'
import { readContentDir, readSourceTexts } from '../../server/content/pack-files'
import { at } from '../../harness/at'

const squeeze = (text: string): string => text.replace(/\s+/g, '')
const gazetteRaw = fs.readFileSync(path.join(__dirname, '../../content/source/gazette-2019-06.txt'), 'utf8')
const gazette = squeeze(gazetteRaw)
const inGazette = (text: string): boolean => gazette.includes(squeeze(text))

const bundledPath = path.join(__dirname, '../../src/generated/bundled-content.json')
const packs: Array<[string, ContentPack]> = [
  ['content/', contentPackSchema.parse(readContentDir())],
  ['the bundled pack', contentPackSchema.parse((JSON.parse(fs.readFileSync(bundledPath, 'utf8')) as { pack: unknown }).pack)],
]

/** Every string of a value with where it is, e.g. faq[3].answer. */
function strings(value: unknown, at: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([at, value])
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out)
  return out
}

/** The app's own words: everything but the documents' reproduced text (sections) and verbatim quotes. */
function ownWords(pack: ContentPack): Array<[string, string]> {
  return strings({ ...pack, policies: pack.policies.map((p) => ({ ...p, sections: [] })) }, '').filter(([at]) => !/\.quote$/.test(at))
}

const policy = (pack: ContentPack, id: string): Policy => {
  const found = pack.policies.find((p) => p.id === id)
  if (!found) throw new Error(`no policy ${id}`)
  return found
}
const faq = (pack: ContentPack, id: string): string => {
  const found = pack.faq.find((f) => f.id === id)
  if (!found) throw new Error(`no faq ${id}`)
  return `${found.question}${found.answer}`
}
const keyPoints = (p: Policy): string => p.keyPoints.map((k) => k.text).join('\n')

describe.each(packs)('%s', (_name, pack) => {
  const own = ownWords(pack)

  it.each([
    ['policy fangguanfu-reform, key points', (p: ContentPack) => keyPoints(policy(p, 'fangguanfu-reform'))],
    ['FAQ yici-bupao', (p: ContentPack) => faq(p, 'yici-bupao')],
  ])('%s keep the exception 除有特殊要求的外 to 一次不跑', (_where, text) => {
    expect(inGazette('除有特殊要求的外，凡法律法规没有规定必须到现场办理的事项一律做到“一次不跑”')).toBe(true)
    expect(text(pack)).toContain('除有特殊要求的外，凡法律法规没有规定必须到现场办理的事项')
  })

  it('never restates the 一次不跑 rule without its exception', () => {
    const dropped = own.filter(([, t]) => t.includes('没有规定必须到现场办理') && !t.includes('除有特殊要求的外'))
    expect(dropped).toEqual([])
  })

  it('never says back pay (补发) is due: the notice does not say so', () => {
    expect(gazette).not.toContain('补发')
    const claims = own.filter(([, t]) => t.includes('补发') && !/没有写明[^。]*是否补发/.test(t))
    expect(claims).toEqual([])
    const notes = pack.parameters.flatMap((p) =>
      p.values.filter((v) => v.effectiveFromBasis === 'stated').map((v) => v.effectiveNote ?? ''),
    )
    expect(notes.length).toBeGreaterThan(0)
    for (const note of notes) expect(note).toMatch(/没有写明[^。]*是否补发/)
  })

  it('names the meeting only for the figures it approved (the 2019 increase, not the 2018 figures)', () => {
    const attributed = pack.parameters.flatMap((p) =>
      p.values
        .filter((v) => v.reference.approvedBy !== undefined)
        .map((v) => ({ id: p.id, from: v.effectiveFrom, basis: v.effectiveFromBasis })),
    )
    expect(attributed.length).toBeGreaterThan(0)
    expect(attributed.filter((a) => a.from < '2019-01-01' || a.basis !== 'stated')).toEqual([])
  })

  it.each([
    ['低保', (p: ContentPack) => assessDibao(p, { area: 'urban', householdSize: 2, monthlyIncomeFen: 50000, on: '2018-06-01' })],
    [
      '特困',
      (p: ContentPack) =>
        assessTekun(p, {
          area: 'urban',
          care: null,
          age: 70,
          canWork: false,
          monthlyIncomeFen: 0,
          hasCapableSupporter: false,
          selfCare: 'self',
          on: '2018-06-01',
        }),
    ],
  ])('the %s self-check says the 2018 start date is assumed', (_program, assess) => {
    const result = assess(pack)
    if (!result.ok) throw new Error(result.error.message)
    const dated = result.value.steps.filter((s) => s.text.includes('2018年1月1日起'))
    expect(dated.length).toBeGreaterThan(0)
    for (const step of dated) expect(step.text).toContain('2018年1月1日起（起始日期为推定，文件未写明）')
  })

  it.each(['此前没有这一项', '另发', '供养金之外', '新设', '去年没有', '新开展'])(
    'does not say of the care subsidy what the notice does not: 「%s」',
    (phrase) => {
      expect(inGazette('（五）开展城乡特困人员照料护理服务工作。')).toBe(true)
      expect(own.filter(([, t]) => t.includes(phrase))).toEqual([])
      const result = assessTekun(pack, {
        area: 'urban',
        care: null,
        age: 70,
        canWork: false,
        monthlyIncomeFen: 0,
        hasCapableSupporter: false,
        selfCare: 'semi',
        on: '2018-06-01',
      })
      if (!result.ok) throw new Error(result.error.message)
      const said = [...result.value.steps.map((s) => s.text), ...result.value.caveats]
      expect(said.filter((t) => t.includes(phrase) || t.includes('开展）'))).toEqual([])
    },
  )

  it.each([
    ['2019-07-01', '民发〔2016〕178号', ['第五条', '第六条', '第八条'], '一、二级智力、精神残疾，一级肢体残疾', '一至三级'],
    ['2021-06-30', '民发〔2016〕178号', ['第五条', '第六条', '第八条'], '一、二级智力、精神残疾，一级肢体残疾', '一至三级'],
    [
      '2021-07-01',
      '民发〔2021〕43号',
      ['关于无劳动能力的规定', '关于无生活来源的规定', '关于无履行义务能力的规定'],
      '一至三级智力、精神残疾',
      '一级肢体残疾，',
    ],
  ])('on %s the 特困 self-check cites 《特困人员认定办法》 %s, articles %j', (on, docNumber, articles, grades, notGrades) => {
    const result = assessTekun(pack, {
      area: 'urban',
      care: null,
      age: 40,
      canWork: false,
      monthlyIncomeFen: 0,
      hasCapableSupporter: false,
      selfCare: 'self',
      on,
    })
    if (!result.ok) throw new Error(result.error.message)
    const cited = ['no-work-capacity', 'no-livelihood', 'no-capable-supporter'].map(
      (id) => result.value.steps.find((s) => s.id === id)?.citation,
    )
    expect(cited.map((c) => c?.docNumber)).toEqual([docNumber, docNumber, docNumber])
    expect(cited.map((c) => c?.article)).toEqual(articles)
    // each says which copy its article number was read from, and that it is not the original
    for (const c of cited) expect(c?.note).toMatch(/未持有.*原文/)
    for (const c of cited) expect(pack.sources.map((s) => s.id)).toContain(c?.sourceId)
    const caveat = result.value.caveats.find((c) => c.includes('无劳动能力')) ?? ''
    expect(caveat).toContain(grades)
    expect(caveat).toContain(docNumber)
    expect(caveat).not.toContain(notGrades)
  })

  it('marks the 2021 version’s effective date as unverified, in the rules and in its source', () => {
    const v2021 = TEKUN_RULE_VERSIONS.find((v) => v.noWorkCapacity.docNumber === '民发〔2021〕43号')
    expect(v2021?.fromVerified).toBe(false)
    expect(tekunRulesOn('2021-06-30').noWorkCapacity.docNumber).toBe('民发〔2016〕178号')
    expect(pack.sources.find((s) => s.docNumber === '民发〔2021〕43号')?.location).toMatch(/施行日期.*未经核对/)
  })

  it('calls the 2019 figures the latest the app holds, not today’s, once a newer notice may exist', () => {
    expect(standardsHeading(pack.parameters, '2026-12-02', '2026-12-02')).toBe('本应用收录的最新标准（2019年1月1日起执行）')
    expect(standardsHeading(pack.parameters, '2019-07-01', '2019-07-01')).toBe('今天（2019年7月1日）执行的标准')
    const answer = faq(pack, 'dibao-standard')
    expect(answer).not.toMatch(/现在|今天|目前|现行/)
    expect(answer).toContain('本应用收录的最新标准是2019年1月1日起执行的')
  })

  describe('river-chief-2019', () => {
    const tasks = gazetteRaw.slice(gazetteRaw.indexOf('1. 完善组织体系'), gazetteRaw.indexOf('附件：2019年河（湖）长制工作考核项目'))
    /** the numbered tasks of 工作要点 (each starts a line, 1. to 25.), each with the lines that follow it */
    const leads = new Map<number, string>()
    let current = 0
    for (const line of tasks.split('\n')) {
      const start = /^(\d{1,2})\.\s*/.exec(line.trim())
      if (start) current = Number(start[1])
      if (current) leads.set(current, `${leads.get(current) ?? ''}${squeeze(line)}`)
    }
    const ledByOffice = [...leads].filter(([, text]) => /牵头单位[:：][^；;]*市河长办/.test(text)).map(([n]) => n)

    it('finds 25 tasks in the gazette, 8 of them led (alone or jointly) by 市河长办', () => {
      expect([...leads.keys()]).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
      expect(ledByOffice).toEqual([1, 2, 3, 4, 6, 7, 8, 18])
    })

    it('says 市河长办 leads 8 of the 25 tasks, not most of them', () => {
      const text = keyPoints(policy(pack, 'river-chief-2019'))
      expect(text).not.toContain('大部分任务')
      expect(text).toContain(`25项任务中，市河长办牵头${ledByOffice.length}项（第1至4、6至8、18项`)
    })

    it('states the 河长湖长 and 公示牌 as a task, not as done', () => {
      const p = policy(pack, 'river-chief-2019')
      expect(`${p.summary}${keyPoints(p)}`).not.toMatch(/都有明确的河长湖长|都有.*公示牌/)
      expect(p.summary).toContain('要求逐条（个）河湖明确河长湖长、完善公示牌设置')
    })
  })

  it('commerce-statistics: 宣传 the support policies (not 落实), without the app’s opinion of who is affected', () => {
    const p = policy(pack, 'commerce-statistics')
    const said = `${p.summary}${keyPoints(p)}`
    expect(inGazette('宣传本地政府在税收、供电、供水、员工培训等方面的扶持政策')).toBe(true)
    expect(said).toContain('宣传本地政府在税收、供电、供水、员工培训等方面的扶持政策')
    expect(said).not.toMatch(/落实税收|影响不大/)
  })

  it('water-pollution: 「超过」2万平方米, as the gazette says', () => {
    const titles = policy(pack, 'water-pollution-2019').milestones.map((m) => m.title)
    expect(inGazette('单体建筑面积超过2万平方米的新建公共建筑')).toBe(true)
    expect(titles.filter((t) => t.includes('2万平方米'))).toEqual(['单体建筑面积超过2万平方米的新建公共建筑安装建筑中水设施'])
  })

  it('relief-standards-2019: the 51st meeting decided, not the 市政府办公室', () => {
    const summary = policy(pack, 'relief-standards-2019').summary
    expect(inGazette('经2019年6月21日市政府第51次常务会议研究，决定从2019年1月1日起')).toBe(true)
    expect(summary.startsWith('经2019年6月21日市政府第51次常务会议研究，决定从2019年1月1日起')).toBe(true)
    expect(summary).not.toContain('市政府办公室决定')
  })

  it('industry-2-6-n: counts 42 distinct projects in the 46 numbered rows and names the repeats', () => {
    const p = policy(pack, 'industry-2-6-n')
    const rows = p.sections.flatMap((s) => s.tables.flatMap((t) => t.rows)).filter((r) => /^\d+$/.test(at(r, 0)) && r.length === 6)
    expect(rows).toHaveLength(46)
    const byProject = new Map<string, string[]>()
    for (const r of rows) {
      const key = r.slice(1).join('|')
      byProject.set(key, [...(byProject.get(key) ?? []), at(r, 0)])
    }
    const repeats = [...byProject.values()].filter((numbers) => numbers.length > 1).map((n) => n.join('与'))
    expect(byProject.size).toBe(42)
    expect(repeats).toEqual(['7与24', '23与28', '25与39', '26与40'])
    expect(p.summary).not.toContain('46个重点项目')
    expect(p.summary).toContain(`不同的项目共${byProject.size}个`)
    for (const pair of repeats) expect(p.summary).toContain(`第${pair}项`)
  })

  describe('misprints of the gazette are shown as printed, with a visible note', () => {
    const reproduced = pack.policies.flatMap((p) => strings(p.sections, `${p.id}.sections`).filter(([at]) => /paragraphs|rows/.test(at)))

    it.each([
      ['the stray English 「and」', /[\u4e00-\u9fa5]\s*and\s*[\u4e00-\u9fa5]/, /and〔原文如此，应为“和”〕/, 2],
      ['the section number 「二一」', /^二一/, /^二一〔原文如此，应为“二”〕$/, 1],
    ])('%s', (_what, printed, marked, count) => {
      // the gazette prints it …
      expect(gazetteRaw.split('\n').some((line) => printed.test(line.trim()))).toBe(true)
      // … and wherever the app reproduces it, it is marked, never corrected or kept silently
      const found = reproduced.filter(([, t]) => printed.test(t.replace(/〔原文如此[^〕]*〕/g, '')))
      expect(found).toHaveLength(count)
      for (const [at, t] of found) expect([at, marked.test(t)]).toEqual([at, true])
    })
  })

  it('lists the State Council documents the service guides cite as their legal basis', () => {
    const byNumber = new Map(pack.sources.map((s) => [s.docNumber, s]))
    const cited = pack.services.flatMap((s) =>
      s.legalBasis.filter((b) => /《国务院关于/.test(b)).map((b) => ({ basis: b, number: /（(国发〔\d{4}〕\d+号)）/.exec(b)?.[1] })),
    )
    expect(cited.map((c) => c.number).sort()).toEqual(['国发〔2014〕47号', '国发〔2016〕14号', '国发〔2016〕14号'])
    for (const { basis, number } of cited) {
      const source = number ? byNumber.get(number) : undefined
      expect(basis).toContain(`《${source?.title}》`)
      expect(source?.location).toContain('未与原文核对')
    }
    expect(byNumber.get('国发〔2014〕47号')?.title).toBe('国务院关于全面建立临时救助制度的通知')
    expect(byNumber.get('国发〔2016〕14号')?.title).toBe('国务院关于进一步健全特困人员救助供养制度的意见')
  })

  it.each(pack.services.map((s) => [s.id, s.fee]))('the fee of %s is marked as unverified', (_id, fee) => {
    expect(fee).toContain('未能核实')
  })

  it('marks the name 《江西省社会救助申请及核对授权书》 as unverified wherever it is given', () => {
    const form = '江西省社会救助申请及核对授权书'
    const services = pack.services.filter((s) => s.materials.some((m) => m.name.includes(form)))
    expect(services.length).toBeGreaterThan(0)
    for (const s of services) {
      expect(s.source.verified).toBe(false)
      expect(s.materials.find((m) => m.name.includes(form))?.note).toContain('未经景德镇市核实')
    }
    const elsewhere = own.filter(([at, t]) => t.includes(form) && !/\.materials\[\d+\]\.name$/.test(at))
    for (const [at, t] of elsewhere) expect([at, t.includes('未经景德镇市核实')]).toEqual([at, true])
    const result = assessDibao(pack, { area: 'urban', householdSize: 1, monthlyIncomeFen: 0, on: '2019-07-01' })
    if (!result.ok) throw new Error(result.error.message)
    for (const c of result.value.caveats.filter((c) => c.includes(form))) expect(c).toContain('未经景德镇市核实')
  })
})

describe('editorial notes in the verbatim check', () => {
  const texts = readSourceTexts()
  const base = contentPackSchema.parse(readContentDir())
  const withParagraph = (from: string, to: string): ContentPack => {
    const pack = JSON.parse(JSON.stringify(base)) as ContentPack
    const section = policy(pack, 'fangguanfu-reform').sections.find((s) => s.paragraphs.some((p) => p.includes(from)))
    if (!section) throw new Error(`no paragraph with ${from}`)
    section.paragraphs = section.paragraphs.map((p) => p.replace(from, to))
    return pack
  }

  it('accepts the printed words with a note', () => {
    expect(validatePack(base, texts)).toMatchObject({ ok: true })
  })

  it('refuses a correction made under a note: the words outside it must still be the printed ones', () => {
    const result = validatePack(withParagraph('企业 and〔原文如此，应为“和”〕 群众', '企业和〔原文如此〕群众'), texts)
    expect(result.ok).toBe(false)
  })
})
