import { useState } from 'react'
import { api } from './api'
import { useFormSubmit } from './use-form-submit'
import type { DraftFull } from './types'

/** 新增通知: paste the notice; the server reads its values and opens a draft. */
export function NewNotice({ onCreated }: { onCreated: (id: number) => void }) {
  const [text, setText] = useState('')
  const { submit, busy, error } = useFormSubmit(async () => {
    const draft = await api<DraftFull>('POST', '/console/drafts', { text })
    onCreated(draft.id)
  }, '提交失败，请稍后再试')
  return (
    <form className="card" onSubmit={submit}>
      <h2>新增通知</h2>
      <p className="hint">把通知全文（从标题到落款）粘贴到下面。系统会找出其中的救助标准，每个数字都附上原文；请逐条核对。</p>
      <textarea name="notice" rows={16} value={text} onChange={(e) => setText(e.target.value)} required />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || text.trim() === ''}>
        {busy ? '正在识别…' : '识别并起草'}
      </button>
    </form>
  )
}
