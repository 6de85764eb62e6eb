// The domain's date helpers, the app's only ones: today and wall-clock times in Asia/Shanghai
// whatever the device's zone, day arithmetic across month, year and leap-day boundaries.
import fc from 'fast-check'
import { addDays, compareIsoDates, daysBetween, formatChineseDate, formatChineseDateTime, todayInShanghai } from '../../src/domain'

describe('todayInShanghai', () => {
  it('turns to the next day at midnight in Shanghai (16:00 UTC), not at the device’s midnight', () => {
    expect(todayInShanghai(new Date('2019-06-27T15:59:59.999Z'))).toBe('2019-06-27')
    expect(todayInShanghai(new Date('2019-06-27T16:00:00.000Z'))).toBe('2019-06-28')
    expect(todayInShanghai(new Date('2019-12-31T16:00:00.000Z'))).toBe('2020-01-01')
  })
})

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2019-03-01', -1)).toBe('2019-02-28')
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29')
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01')
    expect(addDays('2019-01-01', -1)).toBe('2018-12-31')
    expect(addDays('2019-06-28', 0)).toBe('2019-06-28')
  })

  it('is undone by daysBetween for any date and shift', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (from, days) => {
        const to = addDays(from, days)
        expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(daysBetween(from, to)).toBe(days)
      }),
    )
  })
})

describe('formatChineseDateTime', () => {
  it('shows the Shanghai wall clock, with the date as formatChineseDate writes it', () => {
    expect(formatChineseDateTime('2019-06-27T16:30:00.000Z')).toBe('2019年6月28日 00:30')
    expect(formatChineseDateTime(new Date('2019-06-28T01:05:09Z'))).toBe('2019年6月28日 09:05')
    expect(formatChineseDateTime('2019-06-28T09:05:00+08:00').startsWith(formatChineseDate('2019-06-28'))).toBe(true)
  })

  it('leaves an unreadable timestamp as it was', () => {
    expect(formatChineseDateTime('not a time')).toBe('not a time')
  })
})

describe('compareIsoDates', () => {
  it('orders dates as the calendar does, earliest first', () => {
    const dates = ['2019-07-01', '2018-01-01', '2019-06-30', '2020-01-01', '2019-07-01']
    expect([...dates].sort(compareIsoDates)).toEqual(['2018-01-01', '2019-06-30', '2019-07-01', '2019-07-01', '2020-01-01'])
  })

  it('agrees with day arithmetic for any two dates', () => {
    const day = fc.integer({ min: -40_000, max: 40_000 }).map((n) => addDays('2000-01-01', n))
    fc.assert(fc.property(day, day, (a, b) => Math.sign(compareIsoDates(a, b)) === Math.sign(daysBetween(b, a))))
  })
})
