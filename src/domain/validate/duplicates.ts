import type { Problem } from '../validate'
import { problem } from './context'

/** Every repeated id after its first use, e.g. parameters[3].id repeating parameters[0]. */
export function duplicateIds(items: ReadonlyArray<{ id: string }>, path: string): Problem[] {
  const firstIndex = new Map<string, number>()
  const problems: Problem[] = []
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id)
    if (first === undefined) firstIndex.set(item.id, i)
    else problems.push(problem(`${path}[${i}].id`, `编号“${item.id}”重复：与 ${path}[${first}] 相同`))
  })
  return problems
}
