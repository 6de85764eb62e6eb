import fc from 'fast-check'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack, Faq, Parameter, Policy, Service } from '../../src/domain/schema'
import { type SearchHit, type SearchablePack, buildSearchIndex, normalizeQuery, search } from '../../src/domain/search'
import { at } from '../../harness/at'

const realPack = bundled.pack as ContentPack
const realIndex = buildSearchIndex(realPack)

// Parts of the real pack are written alongside this module; those checks run once the content exists.
const hasPolicy = (id: string) => realPack.policies.some((p) => p.id === id)
const hasService = (id: string) => realPack.services.some((s) => s.id === id)
const itIf = (condition: boolean) => (condition ? it : it.skip)

function policy(id: string, fields: { title?: string; summary?: string; paragraphs?: string[]; heading?: string } = {}): Policy {
  return {
    id,
    sourceId: 'src',
    title: fields.title ?? `文件${id}`,
    docNumber: `测府字〔2019〕${id.length}号`,
    issuer: '某市人民政府',
    issuedOn: '2019-06-01',
    openness: '主动公开',
    topics: ['综合'],
    summary: fields.summary ?? '这是一份文件。',
    keyPoints: [{ kind: 'what', text: '要点。' }],
    milestones: [],
    sections: [{ id: 's1', heading: fields.heading ?? '正文', paragraphs: fields.paragraphs ?? ['正文内容。'], tables: [] }],
  }
}

function service(id: string, name: string, extra: Partial<Service> = {}): Service {
  return {
    id,
    name,
    department: '县民政局',
    mode: 'zhi-pao-yici',
    applicants: '居民',
    conditions: ['符合条件'],
    materials: [{ id: 'id-card', name: '身份证', copies: 1, form: 'copy' }],
    steps: [{ title: '申请', detail: '到窗口提交。' }],
    timeLimit: { statutory: '以办事大厅公布为准', promised: '以办事大厅公布为准' },
    fee: '不收费',
    channels: [{ kind: 'phone', name: '热线', detail: '拨打热线咨询。' }],
    legalBasis: ['某办法'],
    office: { name: '便民服务中心', address: '某地', hours: '工作日', phone: '12345' },
    relatedParameterIds: [],
    source: { description: '测试', verified: false },
    ...extra,
  }
}

function faq(id: string, question: string, answer: string): Faq {
  return { id, question, answer, basedOn: ['src'] }
}

function pack(parts: Partial<SearchablePack>): SearchablePack {
  return { policies: [], services: [], parameters: [] as Parameter[], faq: [], ...parts }
}

const ids = (hits: SearchHit[]) => hits.map((h) => `${h.kind}:${h.id}`)
const hitTexts = (hit: SearchHit) => hit.snippet.filter((s) => s.hit).map((s) => s.text)
const squeeze = (text: string) => text.replace(/\s+/g, '')

describe('normalizeQuery', () => {
  it('trims, collapses whitespace, folds full-width ASCII and case', () => {
    expect(normalizeQuery('  低保 \t\n  标准  ')).toBe('低保 标准')
    expect(normalizeQuery('ＡＢＣ１２３　３５号')).toBe('abc123 35号')
  })

  it('cuts a long query to 200 characters without splitting a character', () => {
    expect(Array.from(normalizeQuery('低'.repeat(1000)))).toHaveLength(200)
    const emoji = normalizeQuery('😀'.repeat(500))
    expect(Array.from(emoji)).toHaveLength(200)
    expect(emoji).toBe('😀'.repeat(200))
  })
})

describe('search on the real content pack', () => {
  it('returns nothing for an empty or blank query', () => {
    expect(search(realIndex, '')).toEqual([])
    expect(search(realIndex, '   \u3000\n')).toEqual([])
  })

  it('finds the 低保 standards for "低保"', () => {
    const found = ids(search(realIndex, '低保', { limit: 50 }))
    for (const id of ['dibao-urban-standard', 'dibao-rural-standard', 'dibao-urban-average-topup', 'dibao-rural-average-topup']) {
      expect(found).toContain(`parameter:${id}`)
    }
    expect(found).not.toContain('parameter:care-fully-disabled')
  })

  itIf(hasPolicy('relief-standards-2019'))('finds the relief standards notice for "低保"', () => {
    expect(ids(search(realIndex, '低保', { limit: 50 }))).toContain('policy:relief-standards-2019')
  })

  itIf(hasService('dibao-application'))('finds the 低保 services for "低保"', () => {
    const found = ids(search(realIndex, '低保', { limit: 50 }))
    expect(found).toContain('service:dibao-application')
    expect(found).toContain('service:household-change-report')
  })

  itIf(hasPolicy('fangguanfu-reform'))('puts the 放管服 document first among policies for "一次不跑"', () => {
    const hits = search(realIndex, '一次不跑', { limit: 50 })
    expect(hits.find((h) => h.kind === 'policy')?.id).toBe('fangguanfu-reform')
    expect(at(search(realIndex, '一次不跑', { kinds: ['policy'] }), 0).id).toBe('fangguanfu-reform')
  })

  it('marks exactly the matched characters', () => {
    const hits = search(realIndex, '低保', { limit: 50 })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hitTexts(hit).length).toBeGreaterThan(0)
      for (const text of hitTexts(hit)) expect(squeeze(text)).toBe('低保')
    }
  })

  it('ranks results by score', () => {
    const scores = search(realIndex, '农村特困人员', { limit: 50 }).map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('respects limit and kinds', () => {
    expect(search(realIndex, '低保', { limit: 2 })).toHaveLength(2)
    expect(search(realIndex, '低保', { limit: 0 })).toEqual([])
    expect(search(realIndex, '低保', { kinds: [] })).toEqual([])
    expect(search(realIndex, '低保', { kinds: ['parameter'] }).every((h) => h.kind === 'parameter')).toBe(true)
  })
})

describe('ranking', () => {
  it('puts the 放管服 document first among policies for "一次不跑"', () => {
    const index = buildSearchIndex(
      pack({
        policies: [
          policy('industry', { title: '产业发展实施方案', paragraphs: ['深入推进“只跑一次”“一次不跑”等改革，持续推进依法行政。'] }),
          policy('scattered', { title: '关于一次性补助的通知', summary: '不跑冤枉路，一次办好。' }),
          policy('fangguanfu-reform', {
            title: '关于深入推进“放管服”改革的通知',
            summary: '推行“一次不跑”“只跑一次”，让群众少跑腿。',
            paragraphs: ['凡法律法规没有规定必须到现场办理的事项一律做到“一次不跑”。'],
          }),
        ],
      }),
    )
    const policies = search(index, '一次不跑').filter((h) => h.kind === 'policy')
    expect(policies.map((h) => h.id)).toEqual(['fangguanfu-reform', 'industry', 'scattered'])
  })

  it('ranks an exact phrase above the same characters scattered, even in a title', () => {
    const index = buildSearchIndex(
      pack({
        policies: [
          policy('scattered', { title: '城市低收入家庭与低保对象' }),
          policy('phrase', { paragraphs: ['今年城市低保标准提高到660元。'] }),
        ],
      }),
    )
    expect(ids(search(index, '城市低保'))).toEqual(['policy:phrase', 'policy:scattered'])
  })

  it('ranks a title match above a summary match above a body match', () => {
    const index = buildSearchIndex(
      pack({
        policies: [
          policy('body', { paragraphs: ['遇到困难可以申请临时救助。'] }),
          policy('summary', { summary: '本文规定了临时救助的办法。' }),
          policy('title', { title: '临时救助办法' }),
        ],
      }),
    )
    expect(ids(search(index, '临时救助'))).toEqual(['policy:title', 'policy:summary', 'policy:body'])
  })

  it('returns one result per document with the section of its best passage', () => {
    const index = buildSearchIndex(
      pack({
        policies: [
          {
            ...policy('p'),
            sections: [
              { id: 'intro', heading: '总则', paragraphs: ['总则没有提到它。'], tables: [] },
              { id: 'care', heading: '照料', paragraphs: ['照料护理补助每人每月300元。', '照料护理补助按月发放。'], tables: [] },
            ],
          },
        ],
      }),
    )
    const hits = search(index, '照料护理补助')
    expect(hits).toHaveLength(1)
    expect(at(hits, 0).sectionId).toBe('care')
    expect(hitTexts(at(hits, 0))).toEqual(['照料护理补助'])
  })

  it('shows a service, a parameter and an answer by their own titles', () => {
    const index = buildSearchIndex(
      pack({
        services: [service('dibao-application', '最低生活保障（低保）申请')],
        parameters: [at(realPack.parameters, 0)],
        faq: [faq('q1', '低保标准是多少？', '城市每人每月660元。')],
      }),
    )
    const hits = search(index, '低保')
    expect(hits.map((h) => h.title).sort()).toEqual(['低保标准是多少？', '城市居民最低生活保障标准', '最低生活保障（低保）申请'])
  })
})

describe('tokens', () => {
  const index = buildSearchIndex(
    pack({
      policies: [
        policy('p35', { title: '景府办字〔2019〕35号通知', paragraphs: ['2019 年底前完成。'] }),
        policy('p135', { title: '第135号通知' }),
      ],
      services: [service('hotline', '热线咨询', { steps: [{ title: '咨询', detail: '拨打12345为民服务热线。' }] })],
      faq: [faq('q1', 'App 怎么用？', '在赣服通 APP 里搜索。')],
    }),
  )

  it('finds a one-character query', () => {
    const hits = search(index, '线')
    expect(ids(hits)).toContain('service:hotline')
    for (const hit of hits) for (const text of hitTexts(hit)) expect(text).toBe('线')
  })

  it('matches digits as whole numbers: "35号" does not find "135号"', () => {
    expect(ids(search(index, '35号'))).toEqual(['policy:p35'])
    expect(ids(search(index, '３５号'))).toEqual(['policy:p35'])
  })

  it('finds a number being typed by its beginning, and whole numbers exactly', () => {
    expect(ids(search(index, '12345'))).toEqual(['service:hotline'])
    const typing = search(index, '123')
    expect(ids(typing)).toEqual(['service:hotline'])
    expect(hitTexts(at(typing, 0))).toEqual(['123'])
  })

  it('ignores case in ASCII words', () => {
    const hits = search(index, 'APP')
    expect(ids(hits)).toEqual(['faq:q1'])
    expect(hitTexts(at(hits, 0))).toEqual(['APP'])
  })

  it('matches across stray spaces in the text', () => {
    const hits = search(index, '2019年底')
    expect(at(hits, 0).id).toBe('p35')
    expect(hitTexts(at(hits, 0)).map(squeeze)).toEqual(['2019年底'])
  })
})

describe('snippets', () => {
  const long = '前言'.repeat(60) + '特困人员照料护理补助标准每人每月300元' + '附则'.repeat(60)
  const index = buildSearchIndex(pack({ policies: [policy('long', { paragraphs: [long] })] }))

  it('shows about 60 characters around the hit, with ellipses where cut', () => {
    const hit = at(search(index, '照料护理'), 0)
    const text = hit.snippet.map((s) => s.text).join('')
    expect(text.startsWith('…')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(text.length).toBeLessThanOrEqual(64)
    expect(hitTexts(hit)).toEqual(['照料护理'])
  })

  it('never splits a character outside the basic plane', () => {
    const emojiText = '😀'.repeat(80) + '低保' + '😀'.repeat(80)
    const emojiIndex = buildSearchIndex(pack({ policies: [policy('emoji', { paragraphs: [emojiText] })] }))
    const text = at(search(emojiIndex, '低保'), 0)
      .snippet.map((s) => s.text)
      .join('')
    expect(text.replace(/😀|低保|…/g, '')).toBe('')
  })
})

describe('odd input', () => {
  const odd = [
    '😀',
    '<script>alert(1)</script>',
    '\ud800低保\udc00',
    '\udfff',
    '%%%',
    '\u0000\u0007',
    '低'.repeat(10_000),
    '一次不跑 '.repeat(100),
    '（）〔〕“”',
  ]

  it.each(odd.map((q) => [q.slice(0, 20), q]))('does not throw on %j', (_label, query) => {
    expect(() => search(realIndex, query)).not.toThrow()
  })

  it('treats markup as plain text', () => {
    const index = buildSearchIndex(pack({ faq: [faq('x', '<b>低保</b>', '<script>alert(1)</script>')] }))
    const hits = search(index, '<script>')
    expect(ids(hits)).toEqual(['faq:x'])
    expect(hitTexts(at(hits, 0))).toEqual(['<script>'])
    expect(
      at(hits, 0)
        .snippet.map((s) => s.text)
        .join(''),
    ).toBe('<script>alert(1)</script>')
  })

  it('never throws and always returns well-formed hits for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (query) => {
        for (const hit of search(realIndex, query)) {
          expect(hit.snippet.length).toBeGreaterThan(0)
          expect(hit.snippet.every((s) => s.text.length > 0)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
