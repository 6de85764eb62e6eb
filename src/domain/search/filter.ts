// The one rule for narrowing a list by typed words, shared by the phone's list pages and the API's
// list endpoints so both show the same items for the same query (ranked search is ../search.ts).
import type { Policy, Service } from '../schema'
import { foldText } from './text'

/**
 * Every whitespace-separated term must appear somewhere in the item's texts. Case, full-width
 * letters and digits, and the ideographic space are folded as in search; a blank query keeps
 * everything; missing texts are skipped.
 */
export function matchesAllTerms(query: string, texts: ReadonlyArray<string | undefined>): boolean {
  const terms = foldText(query).split(/\s+/).filter(Boolean)
  if (terms.length === 0) return true
  const haystack = foldText(texts.filter((t): t is string => t !== undefined).join('\n'))
  return terms.every((term) => haystack.includes(term))
}

/** What a policy list filters on: title, document number, issuer, summary, topics and key points. */
export function policyFilterText(p: Policy): string[] {
  return [p.title, p.docNumber, p.issuer, p.summary, ...p.topics, ...p.keyPoints.map((k) => k.text)]
}

/** What a service list filters on: name, department, who may apply, conditions and steps. */
export function serviceFilterText(s: Service): string[] {
  return [s.name, s.department, s.applicants, ...s.conditions, ...s.steps.map((st) => `${st.title} ${st.detail}`)]
}
