import type { ReactNode } from 'react'
import type { DraftValue } from '../domain/review/draft'

/** The notice with each value's quote highlighted where it was found. */
export function NoticeText({ text, values, active }: { text: string; values: DraftValue[]; active: number | null }) {
  const spans = values
    .map((value, index) => {
      const start = value.quoteStart ?? text.indexOf(value.quote)
      const end = value.quoteEnd ?? (start >= 0 ? start + value.quote.length : -1)
      return { index, start, end, dropped: value.decision === 'dropped' }
    })
    .filter((s) => s.start >= 0 && s.end > s.start)
    .sort((a, b) => a.start - b.start)
  const parts: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start < at) continue
    parts.push(text.slice(at, span.start))
    parts.push(
      <mark
        key={span.index}
        id={`quote-${span.index}`}
        className={`${span.dropped ? 'dropped' : ''} ${active === span.index ? 'active' : ''}`}
      >
        {text.slice(span.start, span.end)}
      </mark>,
    )
    at = span.end
  }
  parts.push(text.slice(at))
  return <pre className="notice-text">{parts}</pre>
}
