// Sentences of a notice in normalised text. Line breaks say nothing (a PDF breaks lines anywhere), so
// a sentence ends at 。!? and a numbered item ((一), or 一、 / 1. after a colon) starts a new one. The
// heading (title, 文号 line) has no full stop, so its end is passed in as a boundary.
export interface Span {
  from: number
  to: number
}

const ITEM = /\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\)/y
const ITEM_AFTER_COLON = /[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d)/y

export function sentences(text: string, boundaries: readonly number[] = []): Span[] {
  const spans: Span[] = []
  let from = 0
  const cut = (to: number) => {
    if (to > from) spans.push({ from, to })
    from = to
  }
  for (let i = 0; i < text.length; i++) {
    if (i > from && boundaries.includes(i)) cut(i)
    if (i > from) {
      ITEM.lastIndex = i
      ITEM_AFTER_COLON.lastIndex = i
      if (ITEM.test(text) || (text[i - 1] === ':' && ITEM_AFTER_COLON.test(text))) cut(i)
    }
    if (/[。!?]/.test(text.charAt(i))) cut(i + 1)
  }
  cut(text.length)
  return spans
}
