// What this app keeps about the person, all of it on the phone: self-check answers (when they chose
// "记住我的填写"), the materials they ticked in the service guide, and recent searches. Listed and cleared from 我的 and described in 隐私说明.
import { storedKeys, removeStored } from './storage'
import { RECENT_SEARCHES_KEY, loadRecentSearches } from './recent-searches'

/** Prefix of the self-check answers the 自测 pages save. */
export const ASSESS_PREFIX = 'jdz:assess:'
/** Prefix of the material checklists the service guide saves, one key per service. */
export const CHECKLIST_PREFIX = 'jdz:checklist:'

export interface PersonalDataSummary {
  /** how many self-checks have saved answers */
  savedAssessments: number
  /** services with ticked materials */
  checklists: number
  recentSearches: number
}

export function personalDataSummary(): PersonalDataSummary {
  return {
    savedAssessments: storedKeys(ASSESS_PREFIX).length,
    checklists: storedKeys(CHECKLIST_PREFIX).length,
    recentSearches: loadRecentSearches().length,
  }
}

export function clearPersonalData(): void {
  for (const key of [...storedKeys(ASSESS_PREFIX), ...storedKeys(CHECKLIST_PREFIX)]) removeStored(key)
  removeStored(RECENT_SEARCHES_KEY)
}
