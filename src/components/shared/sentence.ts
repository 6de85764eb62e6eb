// Joining sentences from content: a sentence ends once.

/** 「…为准。」 stays as it is, 「…为准」 gets its 。, 「…为准；」 becomes 「…为准。」 (never 「为准。；」). */
export function endSentence(text: string): string {
  const trimmed = text.trim()
  return /[。！？]$/.test(trimmed) ? trimmed : `${trimmed.replace(/[；，、]$/, '')}。`
}
