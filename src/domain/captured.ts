// Capture groups under noUncheckedIndexedAccess: a group outside any `?`, `*` or `|` always takes
// part when its pattern matches, so a missing one is a mistake in the pattern, not in the input.

/** Capture group `index` of a match whose pattern always fills it. */
export function captured(match: RegExpMatchArray | RegExpExecArray, index: number): string {
  const text = match[index]
  if (text === undefined) throw new Error(`capture group ${index} took no part in the match 「${match[0]}」`)
  return text
}
