// A notice that sets 特困 as a multiple of 低保 without restating 低保: the held 低保 in force on the
// notice's effective date is the base, named in the note and flagged for review; with none held (or
// no lookup given) the sentence stays unmatched with the reason. Never a guess.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ContentPack } from '../../../src/domain'
import { heldValuesIn, ingestNotice } from '../../../src/domain/ingest'

const parameters = JSON.parse(readFileSync(join(__dirname, '../../../content/parameters.json'), 'utf8')) as ContentPack['parameters']
const held = { heldValue: heldValuesIn(parameters) }

const notice = (effective: string) => `景德镇市民政局关于调整特困人员基本生活标准的通知
景民字〔2023〕5号
各县（市、区）民政局：
经研究，决定自${effective}起，城市特困人员基本生活标准按当地城市低保标准的1.3倍确定，农村特困人员基本生活标准按不低于当地农村低保标准的1.3倍确定。
景德镇市民政局
2023年6月20日`

test('computes each multiple from the held 低保 in force on the effective date, names that base, and asks for review', () => {
  const result = ingestNotice(notice('2023年7月1日'), held)
  expect(result.unmatched).toEqual([])
  const byId = new Map(result.proposals.map((p) => [p.parameterId, p]))
  expect([...byId.keys()].sort()).toEqual(['tekun-rural-centralized', 'tekun-rural-dispersed', 'tekun-urban-support'])
  // 660 × 1.3 and 400 × 1.3 (景府办字〔2019〕35号, the values held for 2023-07-01)
  expect(byId.get('tekun-urban-support')?.amountFen).toBe(85_800)
  expect(byId.get('tekun-rural-centralized')?.amountFen).toBe(52_000)
  expect(byId.get('tekun-rural-dispersed')?.amountFen).toBe(52_000)
  for (const p of result.proposals) {
    expect(p.needsReview).toBe(true)
    expect(p.effectiveFrom).toBe('2023-07-01')
    expect(p.quote).toContain('1.3倍')
    expect(p.notes[0]).toContain('本通知没有写明')
    expect(p.notes[0]).toContain('景府办字〔2019〕35号，2019年1月1日起执行')
    expect(p.notes[0]).toContain('请核对2023年7月1日时这个基数是否仍然有效')
  }
  expect(byId.get('tekun-rural-dispersed')?.notes).toContain('「不低于」表示下限：推算的是最低标准，实际标准可能更高')
})

test('takes the base in force on the effective date, not the latest one', () => {
  const result = ingestNotice(notice('2018年7月1日'), held)
  // 2018: urban 低保 600 元 → 780 元
  expect(result.proposals.find((p) => p.parameterId === 'tekun-urban-support')?.amountFen).toBe(78_000)
})

test('a base the notice does not state and the system does not hold for that date stays unmatched, with the reason', () => {
  const result = ingestNotice(notice('2017年7月1日'), held)
  expect(result.proposals).toEqual([])
  expect(result.unmatched).toHaveLength(1)
  expect(result.unmatched[0]?.reason).toContain('本系统也没有2017年7月1日时的该项标准')
})

test('without held standards the extractor never guesses a base', () => {
  const result = ingestNotice(notice('2023年7月1日'))
  expect(result.proposals).toEqual([])
  expect(result.unmatched[0]?.reason).toContain('本通知没有写明城市居民最低生活保障标准')
})

test('a base stated in the same notice wins over the held one', () => {
  const text = notice('2023年7月1日').replace('经研究，', '经研究，城市低保标准由每人每月660元提高到700元。')
  const urban = ingestNotice(text, held).proposals.find((p) => p.parameterId === 'tekun-urban-support')
  expect(urban?.amountFen).toBe(91_000)
  expect(urban?.notes[0]).not.toContain('本系统已有')
})
