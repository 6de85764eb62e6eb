// Numbers as notices write them: 660, 1,200, 1.2万, 六百六十, 壹仟贰佰, 二〇二三. Chinese numerals are
// decoded by nzh and then re-encoded: only a numeral that nzh writes back exactly the same way is
// accepted, so a malformed or colloquial one (六百六 means 660 but nzh reads 606) is refused, never guessed.
import nzh from 'nzh/cn'
import { captured } from '../captured'

/** Characters of ordinary (小写) and financial (大写) Chinese numerals. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟'
const FINANCIAL = /[壹贰叁肆伍陆柒捌玖拾佰仟]/
const DIGIT_BY_DIGIT = '〇一二三四五六七八九'

/** A Chinese integer numeral, or null when it is not one nzh reads and writes back identically. */
export function chineseInteger(numeral: string): number | null {
  if (numeral === '' || !/^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+$/.test(numeral)) return null
  // 两 is the ordinary spoken form of 二 before a unit (两千); nzh knows only 二.
  const plain = numeral.replace(/两/g, '二').replace(/〇/g, '零')
  const financial = FINANCIAL.test(plain)
  const decoded = Number(financial ? nzh.decodeB(plain) : nzh.decodeS(plain))
  if (!Number.isSafeInteger(decoded) || decoded <= 0) return null
  const encodings = financial
    ? [nzh.encodeB(decoded), nzh.encodeB(decoded, { tenMin: true })]
    : [nzh.encodeS(decoded), nzh.encodeS(decoded, { tenMin: false })]
  return encodings.includes(plain) ? decoded : null
}

/** A year written digit by digit (二〇二三, 二零二三), or null. */
export function digitByDigitYear(numeral: string): number | null {
  const digits = numeral.replace(/零/g, '〇')
  if (!/^[〇一二三四五六七八九]{4}$/.test(digits)) return null
  return Number([...digits].map((c) => DIGIT_BY_DIGIT.indexOf(c)).join(''))
}

/** Arabic digits as written (660, 1,200, 1.5) → the value in hundredths, exactly; null if not that form. */
function arabicHundredths(text: string): number | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const whole = Number(captured(match, 1).replace(/,/g, ''))
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  const value = whole * 100 + cents
  return Number.isSafeInteger(value) ? value : null
}

/**
 * An amount of 元 → 分. `number` is the numeral as written (Arabic or Chinese), `wan` whether a 万 follows
 * it outside the numeral (1.2万元). Null when the numeral cannot be read exactly.
 */
export function amountToFen(number: string, wan: boolean): number | null {
  const arabic = arabicHundredths(number)
  const hundredths = arabic ?? (chineseInteger(number) === null ? null : (chineseInteger(number) as number) * 100)
  if (hundredths === null) return null
  const fen = wan ? hundredths * 10000 : hundredths
  return Number.isSafeInteger(fen) ? fen : null
}

/** A multiplier such as 1.3 (倍) as a fraction in thousandths (1300), exactly; null otherwise. */
export function multiplierThousandths(number: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(number)
  if (match) return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'))
  const integer = chineseInteger(number)
  return integer === null ? null : integer * 1000
}
