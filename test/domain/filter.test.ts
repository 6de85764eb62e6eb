// The list filter shared by the phone's policy and service pages and the API's list endpoints.
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack } from '../../src/domain/schema'
import { matchesAllTerms, policyFilterText, serviceFilterText } from '../../src/domain/search/filter'

const pack = bundled.pack as ContentPack

describe('matchesAllTerms', () => {
  const texts = ['最低生活保障（低保）申请', '民政局 ABC窗口', undefined]
  test.each([
    ['', true, 'a blank query keeps everything'],
    ['   ', true, 'whitespace only is blank'],
    ['低保', true, 'one term in the first text'],
    ['低保 民政局', true, 'terms from different texts'],
    ['低保 教育局', false, 'every term must appear'],
    ['abc', true, 'ASCII case is folded'],
    ['ＡＢＣ', true, 'full-width letters are folded'],
    ['低保\u3000民政局', true, 'the ideographic space separates terms'],
    ['低保申请', false, 'a term is matched as written, not as characters scattered in the text'],
    ['申请 民政', true, 'a term may be part of a word'],
    ['请民', false, 'texts are joined by a line break, so a term does not span two texts'],
  ])('%j → %s (%s)', (query, expected) => {
    expect(matchesAllTerms(query, texts)).toBe(expected)
  })
})

describe('what a list filters on (the real pack)', () => {
  const policy = pack.policies.find((p) => p.id === 'relief-standards-2019')
  const service = pack.services.find((s) => s.id === 'dibao-application')

  test('a policy is found by its issuer, document number, topic and key points', () => {
    if (!policy) throw new Error('relief-standards-2019 is missing from the pack')
    const text = policyFilterText(policy)
    expect(matchesAllTerms('景府办字〔2019〕35号', text)).toBe(true)
    expect(matchesAllTerms('特困供养 人民政府办公室', text)).toBe(true)
    expect(matchesAllTerms('660元', text)).toBe(true)
  })

  test('a service is found by its conditions as well as its name', () => {
    if (!service) throw new Error('dibao-application is missing from the pack')
    const text = serviceFilterText(service)
    expect(matchesAllTerms('户籍所在地', text)).toBe(true)
    expect(matchesAllTerms('低保 户籍所在地', text)).toBe(true)
    expect(matchesAllTerms('户籍所在地 二维码登录', text)).toBe(false)
  })
})
