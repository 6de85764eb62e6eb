// Tests and benches index into fixtures and results they built themselves; under
// noUncheckedIndexedAccess a missing item is a broken fixture or a wrong expectation, so say which.

/** The item at `index` (negative counts from the end), or a readable error when there is none. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items.at(index)
  if (item === undefined) throw new Error(`expected an item at index ${index}, but there are ${items.length}`)
  return item
}
