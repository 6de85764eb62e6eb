// Accounts, for admins: add, disable, enable, and reset a colleague's password and TOTP secret. New
// secrets are shown once, to be handed over in person.
import { type FormEvent, useEffect, useState } from 'react'
import { ApiFailure, ROLE_LABEL, type Role, api } from './api'

interface UserRow {
  name: string
  role: Role
  createdAt: string
  disabledAt: string | null
}

interface Credentials {
  name: string
  password: string
  totpUri: string | null
  /** what was done: 已创建 or 已重置 */
  done: string
}

export function Users() {
  const [users, setUsers] = useState<UserRow[] | null>(null)
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [shown, setShown] = useState<Credentials | null>(null)
  const [message, setMessage] = useState('')
  const load = () => void api<{ users: UserRow[] }>('GET', '/console/users').then((r) => setUsers(r.users))
  useEffect(load, [])
  const act = async (work: () => Promise<void>) => {
    setMessage('')
    try {
      await work()
      load()
    } catch (e) {
      setMessage(e instanceof ApiFailure ? e.message : '无法连接服务器，请稍后再试')
    }
  }
  const add = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      const created = await api<Omit<Credentials, 'done'>>('POST', '/console/users', { name, role })
      setShown({ ...created, done: '已创建' })
      setName('')
    })
  }
  const path = (user: string, action: string) => `/console/users/${encodeURIComponent(user)}/${action}`
  const disable = (user: string) => {
    if (!window.confirm(`停用账号 ${user}？它的登录会立即结束。`)) return
    void act(() => api('POST', path(user, 'disable'), {}))
  }
  const enable = (user: string) => void act(() => api('POST', path(user, 'enable'), {}))
  const reset = (user: string) => {
    if (!window.confirm(`重置 ${user} 的密码和动态验证码？请先当面核实是本人。原密码和原手机上的验证码会立即失效。`)) return
    void act(async () => setShown({ ...(await api<Omit<Credentials, 'done'>>('POST', path(user, 'reset'), {})), done: '已重置' }))
  }
  return (
    <section className="card">
      <h2>账号</h2>
      <ul className="list">
        {(users ?? []).map((u) => (
          <li key={u.name}>
            <strong>{u.name}</strong> {ROLE_LABEL[u.role]}{' '}
            {u.disabledAt ? (
              <>
                <span className="badge">已停用</span>{' '}
                <button type="button" className="link" onClick={() => enable(u.name)}>
                  恢复
                </button>
              </>
            ) : (
              <button type="button" className="link" onClick={() => disable(u.name)}>
                停用
              </button>
            )}{' '}
            <button type="button" className="link" onClick={() => reset(u.name)} aria-label={`重置 ${u.name} 的密码`}>
              重置密码
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="row">
        <label>
          新账号
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          角色
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="editor">编辑</option>
            <option value="reviewer">审核</option>
            <option value="admin">管理员</option>
          </select>
        </label>
        <button type="submit">创建</button>
      </form>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {shown && (
        <div className="warn-box" role="status">
          <p>
            {shown.done} {shown.name}。密码（只显示这一次，请当面交给本人）：<code>{shown.password}</code>
          </p>
          {shown.totpUri && (
            <p>
              请本人在身份验证器 App 中添加：<code className="wrap">{shown.totpUri}</code>
            </p>
          )}
        </div>
      )}
    </section>
  )
}
