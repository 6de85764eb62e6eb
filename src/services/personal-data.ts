// What this app keeps about the person, all of it on the phone: self-check answers (when they chose
// "记住我的填写") and recent searches. Listed and cleared from 我的 and described in 隐私说明.
import { storedKeys, removeStored } from './storage'
import { RECENT_SEARCHES_KEY, loadRecentSearches } from './recent-searches'

/** Prefix of the self-check answers the 自测 pages save. */
export const ASSESS_PREFIX = 'jdz:assess:'

export interface PersonalDataSummary {
  /** how many self-checks have saved answers */
  savedAssessments: number
  recentSearches: number
}

export function personalDataSummary(): PersonalDataSummary {
  return { savedAssessments: storedKeys(ASSESS_PREFIX).length, recentSearches: loadRecentSearches().length }
}

export function clearPersonalData(): void {
  for (const key of storedKeys(ASSESS_PREFIX)) removeStored(key)
  removeStored(RECENT_SEARCHES_KEY)
}
