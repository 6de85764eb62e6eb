// Money is held as integer 分 so that sums and differences never drift; it is shown as 元.
export type Fen = number

/** 元 (as typed by a person or sent in JSON) → 分, rounded to the nearest 分. */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100)
}

/** 分 → 元 as a number, for JSON. */
export function fenToYuan(fen: Fen): number {
  return fen / 100
}

/** 分 → "660" or "433.33": no trailing zeros for whole 元, two decimals otherwise. */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100)
  const cents = abs % 100
  const text = cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`
  return negative ? `-${text}` : text
}

/** A signed change for display: "+60" / "-10" / "0". */
export function formatChange(fen: Fen): string {
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen)
}
