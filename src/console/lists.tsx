import { useEffect, useState } from 'react'
import { ApiFailure, type Role, api, when } from './api'
import { type DraftSummary, STATUS_LABEL } from './types'

/** The drafts; an editor may also start one without a notice (FAQ, policy summaries, service guides). */
export function DraftList({ onOpen, onCreated }: { onOpen: (draft: DraftSummary) => void; onCreated?: (id: number) => void }) {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    api<{ drafts: DraftSummary[] }>('GET', '/console/drafts').then((r) => setDrafts(r.drafts))
  }, [])
  if (!drafts) return <p>正在读取…</p>
  const create = async () => {
    setError('')
    try {
      onCreated?.((await api<DraftSummary>('POST', '/console/drafts', { title: '未命名草稿' })).id)
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '新建失败，请稍后再试')
    }
  }
  return (
    <section className="card">
      <h2>草稿</h2>
      {drafts.length === 0 && <p className="hint">还没有草稿。编辑可以点“新增通知”开始。</p>}
      {onCreated && (
        <p>
          <button type="button" onClick={() => void create()}>
            新建草稿（不含通知：改常见问题、政策摘要或办事指南）
          </button>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="list">
        {drafts.map((d) => (
          <li key={d.id}>
            <button type="button" className="link" onClick={() => onOpen(d)}>
              #{d.id} {d.title}
            </button>
            <span className="badge">{STATUS_LABEL[d.status]}</span>
            <span className="hint">
              {d.author} · {when(d.updatedAt)}
              {d.publishedVersion ? ` · 发布为 ${d.publishedVersion}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

interface HistoryEntry {
  version: string
  publishedAt: string
  kind: 'seed' | 'publish' | 'rollback'
  restoredFrom: string | null
  current: boolean
  by: string | null
  changeNote: string | null
}

export function History({ role }: { role: Role }) {
  const [data, setData] = useState<{ current: string | null; versions: HistoryEntry[] } | null>(null)
  const [message, setMessage] = useState('')
  const load = () => void api<{ current: string | null; versions: HistoryEntry[] }>('GET', '/console/history').then(setData)
  useEffect(load, [])
  if (!data) return <p>正在读取…</p>
  const rollback = async (version: string) => {
    const reason = window.prompt(`回滚到 ${version}：请写明原因（将记入历史）`)
    if (!reason) return
    try {
      await api('POST', '/console/rollback', { version, changeNote: reason }, { 'if-match': `"${data.current ?? ''}"` })
      setMessage(`已回滚到 ${version} 的内容`)
      load()
    } catch (e) {
      if (e instanceof ApiFailure) setMessage(e.message)
    }
  }
  return (
    <section className="card">
      <h2>发布历史</h2>
      {message && <p role="status">{message}</p>}
      <ul className="list">
        {data.versions.map((v) => (
          <li key={v.version}>
            <strong>{v.version}</strong> {v.current && <span className="badge ok">当前</span>}
            <span className="hint">
              {when(v.publishedAt)} · {v.kind === 'seed' ? '初始内容' : v.kind === 'rollback' ? `回滚自 ${v.restoredFrom}` : '发布'}
              {v.by ? ` · ${v.by}` : ''}
            </span>
            {v.changeNote && <p>{v.changeNote}</p>}
            {role === 'reviewer' && !v.current && (
              <button type="button" onClick={() => void rollback(v.version)}>
                回滚到这个版本
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  version: string | null
  draftId: number | null
  ip: string | null
  detail: Record<string, unknown>
}

const ACTION_LABEL: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  'login.throttled': '登录被限速',
  'login.totp_required': '要求动态验证码',
  logout: '退出',
  denied: '拒绝操作',
  'draft.create': '新建草稿',
  'draft.save': '保存草稿',
  'draft.submit': '提交审核',
  'draft.rebase': '重新比对',
  publish: '发布',
  'publish.conflict': '发布冲突',
  rollback: '回滚',
  'user.add': '新建账号',
  'user.disable': '停用账号',
  'user.enable': '恢复账号',
  'user.reset': '重置密码和验证码',
  'password.change': '修改密码',
  'password.change_failed': '修改密码时原密码错误',
}

export function AuditLog() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  useEffect(() => {
    api<{ entries: AuditEntry[] }>('GET', '/console/audit?limit=200').then((r) => setEntries(r.entries))
  }, [])
  if (!entries) return <p>正在读取…</p>
  return (
    <section className="card">
      <h2>审计日志</h2>
      <p className="hint">最近 200 条；全部记录可用命令行 npm run cli -- audit export 导出。</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>账号</th>
              <th>操作</th>
              <th>版本</th>
              <th>草稿</th>
              <th>详情</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>{ACTION_LABEL[e.action] ?? e.action}</td>
                <td>{e.version ?? ''}</td>
                <td>{e.draftId ?? ''}</td>
                <td className="detail">{JSON.stringify(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
