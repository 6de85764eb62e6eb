// Every entry this app keeps in Taro storage (localStorage on H5, WeChat storage on weapp), in one
// table: each key or prefix is written here once, and says whether it is about the person. What
// 我的 › 清除本机保存的信息 wipes (src/services/personal-data.ts) is read from this table, so a new
// kind of personal entry cannot be forgotten there.

type Entry = { key: string; personal: boolean } | { prefix: string; personal: boolean }

export const STORED = {
  /** 长辈版 on or off: a display setting, kept when personal data is cleared */
  elder: { key: 'jdz:elder', personal: false },
  /** the last searches, newest first */
  recentSearches: { key: 'jdz:recent-searches', personal: true },
  /** self-check answers kept by 记住我的填写, one key per self-check */
  answers: { prefix: 'jdz:assess:', personal: true },
  /** materials ticked as ready in the service guide, one key per service */
  checklists: { prefix: 'jdz:checklist:', personal: true },
  /** the cached content pack (src/services/content-cache.ts): published facts, nothing personal */
  content: { prefix: 'jdz:content:', personal: false },
} as const satisfies Record<string, Entry>

export const ELDER_KEY = STORED.elder.key
export const RECENT_SEARCHES_KEY = STORED.recentSearches.key
export const CONTENT_PREFIX = STORED.content.prefix
export const DIBAO_ANSWERS_KEY = `${STORED.answers.prefix}dibao`
export const TEKUN_ANSWERS_KEY = `${STORED.answers.prefix}tekun`

export function checklistKey(serviceId: string): string {
  return `${STORED.checklists.prefix}${serviceId}`
}

/** The entries about the person: what clearing personal data removes. */
export const PERSONAL_ENTRIES: readonly Entry[] = Object.values(STORED).filter((entry) => entry.personal)
