import { type FormEvent, useState } from 'react'
import { ApiFailure, api } from './api'
import type { DraftFull } from './types'

/** 新增通知: paste the notice; the server reads its values and opens a draft. */
export function NewNotice({ onCreated }: { onCreated: (id: number) => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      const draft = await api<DraftFull>('POST', '/console/drafts', { text })
      onCreated(draft.id)
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '提交失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
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
