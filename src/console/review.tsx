import { useCallback, useEffect, useState } from 'react'
import { ApiFailure, type Role, api } from './api'
import { type Review, STATUS_LABEL } from './types'

/** The reviewer's page: the diff in words, problems, warnings to confirm, the change note, publish. */
export function ReviewPage({ id, role, onEdit }: { id: number; role: Role; onEdit: (id: number) => void }) {
  const [review, setReview] = useState<Review | null>(null)
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set())
  const [note, setNote] = useState('')
  const [message, setMessage] = useState('')
  const [conflict, setConflict] = useState(false)
  const [published, setPublished] = useState<string | null>(null)

  const load = useCallback(() => {
    api<Review>('GET', `/console/drafts/${id}/review`).then((r) => {
      setReview(r)
      setConflict(r.stale && r.status !== 'published')
    })
  }, [id])
  useEffect(load, [load])

  if (!review) return <p>正在比对…</p>
  const publish = async () => {
    setMessage('')
    try {
      const res = await api<{ version: string }>(
        'POST',
        `/console/drafts/${id}/publish`,
        { changeNote: note, confirmed: [...confirmed] },
        { 'if-match': `"${review.baseVersion}"` },
      )
      setPublished(res.version)
      load()
    } catch (e) {
      if (!(e instanceof ApiFailure)) return setMessage('发布失败，请稍后再试')
      setMessage(e.message)
      if (e.code === 'version_conflict') setConflict(true)
    }
  }
  const rebase = async () => {
    try {
      await api('POST', `/console/drafts/${id}/rebase`, {})
      setConfirmed(new Set())
      setMessage('已基于最新版本重新比对，请再次核对差异和提醒')
      load()
    } catch (e) {
      if (e instanceof ApiFailure) setMessage(e.message)
    }
  }
  const canPublish = role === 'reviewer' && review.status === 'submitted' && !published
  const allConfirmed = review.warnings.every((w) => confirmed.has(w.key))
  return (
    <div className="review">
      <div className="card">
        <h2>
          审核：{review.title} <span className="badge">{STATUS_LABEL[review.status]}</span>
        </h2>
        <p className="hint">
          作者 {review.author}；依据版本 {review.baseVersion}，当前版本 {review.currentVersion ?? '—'}
        </p>
        {conflict && (
          <div className="warn-box" role="alert">
            <p>
              草稿依据的 {review.baseVersion} 已不是当前版本（当前 {review.currentVersion}
              ）：有人在此期间发布过。请基于最新版本重新比对后再发布。
            </p>
            <button type="button" onClick={() => void rebase()}>
              基于最新版本重新比对
            </button>
          </div>
        )}
      </div>
      <section className="card">
        <h3>改动（{review.changes.length} 处）</h3>
        <ul className="changes">
          {review.changes.map((c) => (
            <li key={c.text}>
              <strong>{c.text}</strong>
              {c.quote && <blockquote>原文：{c.quote}</blockquote>}
            </li>
          ))}
        </ul>
      </section>
      {review.problems.length > 0 && (
        <section className="card error">
          <h3>需要修改的问题（{review.problems.length}）</h3>
          <ul>
            {review.problems.map((p) => (
              <li key={`${p.field}${p.message}`}>
                {p.message} <code>{p.field}</code>
              </li>
            ))}
          </ul>
          {role === 'editor' && (
            <button type="button" onClick={() => onEdit(id)}>
              回到草稿修改
            </button>
          )}
        </section>
      )}
      {review.warnings.length > 0 && (
        <section className="card">
          <h3>请逐条确认的提醒</h3>
          {review.warnings.map((w) => (
            <label key={w.key} className="check">
              <input
                type="checkbox"
                name={w.key}
                checked={confirmed.has(w.key)}
                disabled={!canPublish}
                onChange={(e) => {
                  const next = new Set(confirmed)
                  if (e.target.checked) next.add(w.key)
                  else next.delete(w.key)
                  setConfirmed(next)
                }}
              />
              {w.message}
            </label>
          ))}
        </section>
      )}
      {canPublish && (
        <section className="card">
          <label>
            修改说明（将显示在发布历史中）
            <textarea name="changeNote" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={!allConfirmed || note.trim() === '' || review.problems.length > 0}
            onClick={() => void publish()}
          >
            发布
          </button>
          {!allConfirmed && <p className="hint">请先确认上面的每一条提醒。</p>}
        </section>
      )}
      {published && (
        <p className="card ok" role="status">
          已发布为 {published}。手机端下次打开时即显示新内容。
        </p>
      )}
      {message && (
        <p className="card error" role="alert">
          {message}
        </p>
      )}
    </div>
  )
}
