// The review page's logic: a draft applied to the published pack, the diff in words, the
// plausibility warnings, and the validator as the last word on quotes and derivations.
import { validatePack } from '../../src/domain/validate'
import {
  type DraftContent,
  applyDraft,
  derivationKey,
  describeChanges,
  draftContentSchema,
  plausibilityWarnings,
} from '../../src/domain/review'
import { readSourceTexts } from '../../server/content/pack-files'
import { contentPack } from '../server/helpers'
import { at } from '../../harness/at'

const NOTICE = [
  '景德镇市人民政府办公室关于提高2023年全市城乡困难群众救助标准的通知',
  '景府办字〔2023〕8号',
  '一、城市居民最低生活保障标准由每人每月660元提高到890元。',
  '二、农村居民最低生活保障标准由每人每月400元提高到300元。',
  '三、城镇特困人员基本生活标准提高到每人每月870元。',
  '以上标准自2023年1月1日起执行。',
].join('\n')

function draft(
  values: Array<{ parameterId: string; amountFen: number; quote: string; decision?: 'accepted' | 'corrected' | 'dropped' }>,
): DraftContent {
  return draftContentSchema.parse({
    notice: {
      text: NOTICE,
      sourceId: 'jfbz-2023-8',
      docNumber: '景府办字〔2023〕8号',
      title: '景德镇市人民政府办公室关于提高2023年全市城乡困难群众救助标准的通知',
      issuer: '景德镇市人民政府办公室',
      issuedOn: '2023-02-10',
      effectiveFrom: '2023-01-01',
      location: 'https://www.jdz.gov.cn/',
      values: values.map((v) => ({ decision: 'accepted', correctedBy: v.decision === 'corrected' ? 'lihua' : null, ...v })),
    },
  })
}

const urban = { parameterId: 'dibao-urban-standard', amountFen: 89000, quote: '城市居民最低生活保障标准由每人每月660元提高到890元。' }
const rural = { parameterId: 'dibao-rural-standard', amountFen: 30000, quote: '农村居民最低生活保障标准由每人每月400元提高到300元。' }
const tekun = { parameterId: 'tekun-urban-support', amountFen: 87000, quote: '城镇特困人员基本生活标准提高到每人每月870元。' }
const options = { today: '2026-12-01', version: 'test-1', reviewer: null, confirmed: new Set<string>() }
const texts = (extra: Record<string, string> = {}) => new Map([...readSourceTexts(), ...Object.entries(extra)])

test('the diff reads as a sentence, with the added source', () => {
  const base = contentPack()
  const { pack, problems } = applyDraft(base, draft([urban]), options)
  expect(problems).toEqual([])
  const changes = describeChanges(base, pack)
  expect(changes.map((c) => c.text)).toEqual([
    '城市低保 660 → 890 元/人/月，自2023年1月1日起',
    '新增来源：景府办字〔2023〕8号《景德镇市人民政府办公室关于提高2023年全市城乡困难群众救助标准的通知》（景德镇市人民政府办公室，2023年2月10日）',
  ])
  expect(at(changes, 0).quote).toBe(urban.quote)
  expect(validatePack(pack, texts({ 'jfbz-2023-8': NOTICE })).ok).toBe(true)
})

test('a rise over 30 %, a lower standard and 特困 below 低保 each need a confirmation', () => {
  const base = contentPack()
  const d = draft([urban, rural, tekun])
  const { pack } = applyDraft(base, d, options)
  const keys = plausibilityWarnings(base, pack, d).map((w) => w.key)
  expect(keys).toEqual(
    expect.arrayContaining([
      'change:dibao-urban-standard:2023-01-01',
      'lower:dibao-rural-standard:2023-01-01',
      'tekun:tekun-urban-support:2023-01-01',
    ]),
  )
  // a modest rise with 特困 above 低保 raises nothing
  const calm = draft([{ ...urban, amountFen: 70000, quote: '城市居民最低生活保障标准由每人每月660元提高到700元。' }])
  expect(plausibilityWarnings(base, applyDraft(base, calm, options).pack, calm)).toEqual([])
})

test('补差 above its standard is flagged', () => {
  const base = contentPack()
  const d = draft([
    { parameterId: 'dibao-urban-average-topup', amountFen: 70000, quote: '城市居民最低生活保障标准由每人每月660元提高到890元。' },
  ])
  const { pack } = applyDraft(base, d, options)
  expect(plausibilityWarnings(base, pack, d).map((w) => w.key)).toContain('topup:dibao-urban-average-topup:2023-01-01')
})

test('a corrected value keeps its quote and is published only with the reviewer confirming it', () => {
  const base = contentPack()
  const corrected = draft([{ ...urban, amountFen: 88000, decision: 'corrected' }])
  const key = derivationKey(urban)
  expect(plausibilityWarnings(base, applyDraft(base, corrected, options).pack, corrected).map((w) => w.key)).toContain(key)
  const unconfirmed = applyDraft(base, corrected, options).pack
  expect(validatePack(unconfirmed, texts({ 'jfbz-2023-8': NOTICE })).ok).toBe(false)
  const confirmed = applyDraft(base, corrected, { ...options, reviewer: 'wang', confirmed: new Set([key]) }).pack
  const value = confirmed.parameters.find((p) => p.id === urban.parameterId)?.values.at(-1)
  expect(value?.reference.quote).toBe(urban.quote)
  expect(value?.derivation?.confirmedBy).toBe('wang')
  expect(value?.derivation?.explanation).toContain('lihua')
  expect(validatePack(confirmed, texts({ 'jfbz-2023-8': NOTICE })).ok).toBe(true)
})

test('missing metadata is named field by field', () => {
  const d = draft([urban])
  if (!d.notice) throw new Error('no notice')
  d.notice.docNumber = ''
  d.notice.issuedOn = null
  const { problems } = applyDraft(contentPack(), d, options)
  expect(problems.map((p) => p.field)).toEqual(['notice.docNumber', 'notice.issuedOn'])
})

test('FAQ and policy-summary edits appear in the diff in words', () => {
  const base = contentPack()
  const faq = at(base.faq, 0)
  const d = draftContentSchema.parse({
    faq: [{ ...faq, answer: '新的回答。' }],
    policySummaries: [{ policyId: at(base.policies, 0).id, summary: '新的摘要。' }],
  })
  const texts = describeChanges(base, applyDraft(base, d, options).pack).map((c) => c.text)
  expect(texts).toEqual([`常见问题“${faq.question}”的回答改为：新的回答。`, `政策《${at(base.policies, 0).title}》的摘要改为：新的摘要。`])
})
