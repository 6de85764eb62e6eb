// One broken fixture per rule: each mutates a copy of a small valid pack and expects the validator
// to name the place and the problem. The real content pack must pass as it stands.
import fs from 'node:fs'
import path from 'node:path'
import { type ContentPack, type DatedValue, type Milestone, type Service, contentPackSchema } from '../../src/domain'
import { type Problem, validatePack } from '../../src/domain/validate'
import { readContentDir, readSourceTexts } from '../../server/content/pack-files'
import { at } from '../../harness/at'

const texts = readSourceTexts()
const fixture: ContentPack = contentPackSchema.parse(
  JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/content/small-pack.json'), 'utf8')),
)

function copy(): ContentPack {
  return JSON.parse(JSON.stringify(fixture)) as ContentPack
}

function problemsAfter(mutate: (pack: ContentPack) => void): Problem[] {
  const pack = copy()
  mutate(pack)
  const result = validatePack(pack, texts)
  return result.ok ? [] : result.problems
}

const value = (pack: ContentPack, p: number, v: number): DatedValue => at(at(pack.parameters, p).values, v)
const section = (pack: ContentPack, s: number) => at(at(pack.policies, 0).sections, s)

it('accepts the small valid pack', () => {
  expect(validatePack(copy(), texts)).toMatchObject({ ok: true })
})

type Case = [name: string, mutate: (pack: ContentPack) => void, path: string, message: RegExp]

const cases: Case[] = [
  // parameters and their references
  [
    'value without a reference (schema)',
    (p) => {
      delete (value(p, 0, 1) as Partial<DatedValue>).reference
    },
    'parameters[0].values[1].reference',
    /缺少这一项/,
  ],
  [
    'reference to an unknown source',
    (p) => {
      value(p, 0, 1).reference.sourceId = 'jfbz-2019-99'
    },
    'parameters[0].values[1].reference.sourceId',
    /来源“jfbz-2019-99”不在 sources 中/,
  ],
  [
    'reference docNumber differs from its source',
    (p) => {
      value(p, 0, 1).reference.docNumber = '景府办字〔2019〕34号'
    },
    'parameters[0].values[1].reference.docNumber',
    /文号“景府办字〔2019〕34号”与来源“jfbz-2019-35”的文号“景府办字〔2019〕35号”不一致/,
  ],
  [
    'values out of order',
    (p) => {
      at(p.parameters, 0).values.reverse()
    },
    'parameters[0].values[1].effectiveFrom',
    /2018年1月1日早于上一条的2019年1月1日/,
  ],
  [
    'values overlapping on the same day',
    (p) => {
      value(p, 0, 0).effectiveFrom = '2019-01-01'
    },
    'parameters[0].values[1].effectiveFrom',
    /与上一条相同.*重叠/,
  ],
  [
    'assumed effective date without a note',
    (p) => {
      delete value(p, 0, 0).effectiveNote
    },
    'parameters[0].values[0].effectiveNote',
    /推定.*effectiveNote/,
  ],
  [
    'assumed effective date with a blank note',
    (p) => {
      value(p, 0, 0).effectiveNote = '  '
    },
    'parameters[0].values[0].effectiveNote',
    /推定/,
  ],
  [
    'quote not in the gazette',
    (p) => {
      value(p, 0, 1).reference.quote = '城市居民最低生活保障标准提高到680元。'
    },
    'parameters[0].values[1].reference.quote',
    /引文“城市居民最低生活保障标准提高到680元。”在原文中找不到/,
  ],
  [
    'quote from another document of the gazette',
    (p) => {
      value(p, 0, 1).reference.quote = '现将《深入推进“放管服”改革加快政府职能转变若干措施》印发给你们'
    },
    'parameters[0].values[1].reference.quote',
    /出现在原文中，但不在景府办字〔2019〕35号的正文里/,
  ],
  [
    'quote of only whitespace',
    (p) => {
      value(p, 0, 1).reference.quote = ' \n '
    },
    'parameters[0].values[1].reference.quote',
    /不能只有空白/,
  ],
  [
    'meeting not stated by the source',
    (p) => {
      value(p, 0, 1).reference.approvedBy = '2019年6月3日市政府第50次常务会议'
    },
    'parameters[0].values[1].reference.approvedBy',
    /审议会议.*找不到|审议会议.*不在/,
  ],
  [
    'figure not in the quote',
    (p) => {
      value(p, 0, 1).amountFen = 68000
    },
    'parameters[0].values[1].amountFen',
    /金额“680元”在引文中找不到/,
  ],
  [
    'figure that is only the tail of a larger one (200元 in 1200元)',
    (p) => {
      value(p, 2, 0).amountFen = 20000
    },
    'parameters[2].values[0].amountFen',
    /金额“200元”在引文中找不到/,
  ],
  [
    'derived figure without its derivation',
    (p) => {
      delete value(p, 1, 0).derivation
    },
    'parameters[1].values[0].amountFen',
    /金额“380元”.*derivation/,
  ],
  [
    'published on a date the document does not state',
    (p) => {
      value(p, 0, 1).publishedOn = '2019-07-01'
    },
    'parameters[0].values[1].publishedOn',
    /公布日期“2019年7月1日”在原文中找不到/,
  ],
  [
    'published on the date of another document',
    (p) => {
      value(p, 0, 1).publishedOn = '2019-06-06'
    },
    'parameters[0].values[1].publishedOn',
    /公布日期“2019年6月6日”不在景府办字〔2019〕35号的正文里/,
  ],

  // sources
  [
    'gazette source whose number is not in the gazette',
    (p) => {
      at(p.sources, 0).docNumber = '景府办字〔2019〕36号'
    },
    'sources[0].docNumber',
    /文号“景府办字〔2019〕36号”在全文“gazette-2019-06”中找不到/,
  ],
  [
    'gazette source with the wrong date',
    (p) => {
      at(p.sources, 0).issuedOn = '2019-06-21'
    },
    'sources[0].issuedOn',
    /发文日期“2019年6月21日”与公报不符：公报中景府办字〔2019〕35号的发文日期是2019年6月28日/,
  ],
  [
    'gazette source the gazette only cites',
    (p) => {
      at(p.sources, 0).docNumber = '赣府发〔2019〕1号'
    },
    'sources[0].kind',
    /只引用了“赣府发〔2019〕1号”.*external/,
  ],

  // policies
  [
    'policy docNumber differs from its source',
    (p) => {
      at(p.policies, 0).docNumber = '景府字〔2019〕15号'
    },
    'policies[0].docNumber',
    /文号“景府字〔2019〕15号”与来源“jfz-2019-16”的文号“景府字〔2019〕16号”不一致/,
  ],
  [
    'policy date differs from its source',
    (p) => {
      at(p.policies, 0).issuedOn = '2019-06-01'
    },
    'policies[0].issuedOn',
    /发文日期 2019-06-01 与来源“jfz-2019-16”的发文日期 2019-06-06 不一致/,
  ],
  [
    'policy with an unknown source',
    (p) => {
      at(p.policies, 0).sourceId = 'nowhere'
    },
    'policies[0].sourceId',
    /来源“nowhere”不在 sources 中/,
  ],
  [
    'milestone without a date (schema)',
    (p) => {
      delete (at(p.policies, 0).milestones[0] as Partial<Milestone>).date
    },
    'policies[0].milestones[0].date',
    /缺少这一项/,
  ],
  [
    'milestone whose quote is not in the source',
    (p) => {
      at(at(p.policies, 0).milestones, 0).quote = '2019年底前，网上可办率达到100%'
    },
    'policies[0].milestones[0].quote',
    /时间节点的原文“2019年底前，网上可办率达到100%”在原文中找不到/,
  ],
  [
    'section paragraph reworded',
    (p) => {
      section(p, 0).paragraphs[1] = '（一）完善四级政务服务网络，2019年全覆盖。'
    },
    'policies[0].sections[0].paragraphs[1]',
    /原文段落.*找不到/,
  ],
  [
    'section paragraph taken from another document',
    (p) => {
      section(p, 1).paragraphs.push('（三）城镇特困人员供养标准增加50元，由去年的每人每月800元提高到850元。')
    },
    'policies[0].sections[1].paragraphs[1]',
    /不在景府字〔2019〕16号的正文里/,
  ],
  [
    'table cell not in the source',
    (p) => {
      at(at(section(p, 0).tables, 0).rows, 0)[1] = '2021年底'
    },
    'policies[0].sections[0].tables[0].rows[0][1]',
    /表格内容“2021年底”在原文中找不到/,
  ],

  // services and faq
  [
    'service without a source (schema)',
    (p) => {
      delete (p.services[0] as Partial<Service>).source
    },
    'services[0].source',
    /缺少这一项/,
  ],
  [
    'service related to an unknown parameter',
    (p) => {
      at(p.services, 0).relatedParameterIds.push('dibao-city-standard')
    },
    'services[0].relatedParameterIds[1]',
    /相关标准“dibao-city-standard”不在 parameters 中/,
  ],
  [
    'faq based on an unknown id',
    (p) => {
      at(p.faq, 0).basedOn.push('dibao-2020')
    },
    'faq[0].basedOn[4]',
    /依据“dibao-2020”不是已有的标准、政策文件、来源或办事指南的编号/,
  ],
  [
    'document number in free text that traces nowhere',
    (p) => {
      at(p.faq, 0).answer = '按景府办字〔2019〕36号，城市低保标准为每人每月660元。'
    },
    'faq[0].answer',
    /文号“按景府办字〔2019〕36号”在各来源全文中找不到/,
  ],
  [
    'document number with the issuer prefix cut short',
    (p) => {
      at(p.services, 0).source.reformRef = '府字〔2019〕16号'
    },
    'services[0].source.reformRef',
    /文号“府字〔2019〕16号”/,
  ],

  // duplicates
  [
    'duplicate source id',
    (p) => {
      p.sources.push(at(p.sources, 0))
    },
    'sources[3].id',
    /编号“jfbz-2019-35”重复：与 sources\[0\] 相同/,
  ],
  [
    'duplicate parameter id',
    (p) => {
      at(p.parameters, 1).id = at(p.parameters, 0).id
    },
    'parameters[1].id',
    /编号“dibao-urban-standard”重复：与 parameters\[0\] 相同/,
  ],
  [
    'duplicate policy id',
    (p) => {
      p.policies.push(at(p.policies, 0))
    },
    'policies[1].id',
    /重复：与 policies\[0\] 相同/,
  ],
  [
    'duplicate service id',
    (p) => {
      p.services.push(at(p.services, 0))
    },
    'services[1].id',
    /重复：与 services\[0\] 相同/,
  ],
  [
    'duplicate faq id',
    (p) => {
      p.faq.push(at(p.faq, 0))
    },
    'faq[1].id',
    /重复：与 faq\[0\] 相同/,
  ],
  [
    'duplicate news id',
    (p) => {
      p.news.push(at(p.news, 0))
    },
    'news[1].id',
    /重复：与 news\[0\] 相同/,
  ],
  [
    'duplicate section id in a policy',
    (p) => {
      section(p, 1).id = section(p, 0).id
    },
    'policies[0].sections[1].id',
    /编号“yiwang-tongban”重复：与 policies\[0\]\.sections\[0\] 相同/,
  ],
  [
    'duplicate material id in a service',
    (p) => {
      at(at(p.services, 0).materials, 1).id = 'application'
    },
    'services[0].materials[1].id',
    /编号“application”重复：与 services\[0\]\.materials\[0\] 相同/,
  ],
]

describe.each(cases)('rejects: %s', (_name, mutate, expectedPath, message) => {
  it(`at ${expectedPath}`, () => {
    const problems = problemsAfter(mutate)
    expect(problems).toContainEqual({ path: expectedPath, message: expect.stringMatching(message) })
  })
})

it('compares quotes with all whitespace removed, as the gazette breaks lines mid-sentence', () => {
  // In the gazette this sentence is split after 增加50 by a blank line.
  const problems = problemsAfter((p) => {
    value(p, 2, 0).reference.quote = '（四）农村特困人员集中供养标准增加50\n\n元，由去年的每人每月455元提高到505元；'
    value(p, 2, 0).amountFen = 50500
  })
  expect(problems).toEqual([])
})

it('lets a figure absent from the quote through when a derivation explains it', () => {
  expect(
    problemsAfter((p) => {
      value(p, 1, 0).amountFen = 38000
    }),
  ).toEqual([])
})

it('accepts document numbers the gazette only cites, and those of external sources', () => {
  const problems = problemsAfter((p) => {
    at(p.faq, 0).answer = '依据赣府发〔2019〕1号精神，经景府办字〔2019〕35号确定。'
    at(p.services, 0).legalBasis = ['《社会救助暂行办法》（国务院令第649号）', '《特困人员认定办法》（民发〔2016〕178号）']
    p.sources.push({
      id: 'tkry-rdbf',
      docNumber: '民发〔2016〕178号',
      title: '民政部关于印发《特困人员认定办法》的通知',
      issuer: '民政部',
      issuedOn: '2016-10-10',
      kind: 'external',
      location: '民政部网站',
      url: 'https://www.mca.gov.cn/',
    })
  })
  expect(problems).toEqual([])
})

it('reports every problem, not just the first', () => {
  const problems = problemsAfter((p) => {
    at(p.sources, 0).issuedOn = '2019-06-21'
    value(p, 0, 1).amountFen = 68000
    at(p.services, 0).relatedParameterIds.push('nope')
    at(p.faq, 0).basedOn.push('nope')
  })
  expect(problems.map((x) => x.path)).toEqual(
    expect.arrayContaining([
      'sources[0].issuedOn',
      'parameters[0].values[1].amountFen',
      'services[0].relatedParameterIds[1]',
      'faq[0].basedOn[4]',
    ]),
  )
  for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/)
})

it('reports schema problems in Chinese with their paths', () => {
  const result = validatePack({ ...copy(), meta: { version: '', title: '测试', asOf: '2019-02-30' } }, texts)
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.problems).toContainEqual({ path: 'meta.version', message: '不能为空' })
    expect(result.problems).toContainEqual({ path: 'meta.asOf', message: '不是一个存在的日期' })
  }
})

it('rejects something that is not a pack at all', () => {
  const result = validatePack([], texts)
  expect(result).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/类型不对/) }] })
})

// The content/ directory as other contributors left it: if this fails, the listed problems are real.
it('accepts the real content pack', () => {
  const result = validatePack(readContentDir(), texts)
  expect(result.ok ? [] : result.problems).toEqual([])
})

it('accepts the pack bundled into the app', () => {
  const bundled = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/generated/bundled-content.json'), 'utf8')) as { pack: unknown }
  const result = validatePack(bundled.pack, texts)
  expect(result.ok ? [] : result.problems).toEqual([])
})
