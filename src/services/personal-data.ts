// What this app keeps about the person, all of it on the phone: self-check answers (when they chose
// "记住我的填写"), the materials they ticked in the service guide, and recent searches. Listed and
// cleared from 我的 and described in 隐私说明; which entries those are is marked in ./storage-keys.ts.
import { storedKeys, removeStored } from './storage'
import { PERSONAL_ENTRIES, STORED } from './storage-keys'
import { loadRecentSearches } from './recent-searches'

export interface PersonalDataSummary {
  /** how many self-checks have saved answers */
  savedAssessments: number
  /** services with ticked materials */
  checklists: number
  recentSearches: number
}

export function personalDataSummary(): PersonalDataSummary {
  return {
    savedAssessments: storedKeys(STORED.answers.prefix).length,
    checklists: storedKeys(STORED.checklists.prefix).length,
    recentSearches: loadRecentSearches().length,
  }
}

export function clearPersonalData(): void {
  for (const entry of PERSONAL_ENTRIES) {
    if ('key' in entry) removeStored(entry.key)
    else for (const key of storedKeys(entry.prefix)) removeStored(key)
  }
}
