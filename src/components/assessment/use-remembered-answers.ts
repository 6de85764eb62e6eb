// The "记住我的填写" state shared by the 低保 and 特困 pages: the answers start from what this phone
// saved (if the person asked), are saved again on each calculation while the box is ticked, and are
// wiped when it is unticked or cleared. Nothing is stored unless the person ticks the box.
import { useState } from 'react'
import type * as z from 'zod/mini'
import { clearAnswers, loadAnswers, saveAnswers } from '../../services/assessment-answers'

export interface RememberedAnswers<T> {
  /** what this phone held when the page opened (null: nothing, or a damaged entry) */
  saved: T | null
  answers: T
  setAnswers: (answers: T) => void
  /** whether 记住我的填写 is ticked */
  remember: boolean
  /** whether answers are stored on the phone right now */
  hasSaved: boolean
  /** the box ticked: store the current answers; unticked: wipe them */
  onRememberChange: (checked: boolean) => void
  /** after a calculation: store the answers it used, if the box is ticked */
  saveIfRemembered: (used: T) => void
  /** 清除: wipe the stored answers, untick, and empty the form */
  clear: () => void
  /** changes at each 清除: the form's key, so it remounts empty (no step, errors or result left) */
  formKey: number
}

export function useRememberedAnswers<T>(key: string, schema: z.core.$ZodType<T>, empty: T): RememberedAnswers<T> {
  // read once: a damaged entry comes back as null and the form simply starts empty
  const [saved] = useState(() => loadAnswers(key, schema))
  const [answers, setAnswers] = useState<T>(saved ?? empty)
  const [remember, setRemember] = useState(saved !== null)
  const [hasSaved, setHasSaved] = useState(saved !== null)
  const [formKey, setFormKey] = useState(0)

  const onRememberChange = (checked: boolean) => {
    setRemember(checked)
    if (checked) {
      setHasSaved(saveAnswers(key, answers))
    } else {
      clearAnswers(key)
      setHasSaved(false)
    }
  }

  const saveIfRemembered = (used: T) => {
    if (remember) setHasSaved(saveAnswers(key, used))
  }

  const clear = () => {
    clearAnswers(key)
    setHasSaved(false)
    setRemember(false)
    setAnswers(empty)
    setFormKey((k) => k + 1)
  }

  return { saved, answers, setAnswers, remember, hasSaved, onRememberChange, saveIfRemembered, clear, formKey }
}
