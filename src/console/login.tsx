import { type FormEvent, useState } from 'react'
import { ApiFailure, type Me, api } from './api'

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      onSignedIn(await api<Me>('POST', '/console/login', { name, password, ...(code ? { code } : {}) }))
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '无法连接服务器，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card login" onSubmit={submit}>
      <h1>景德镇惠民通 · 编辑后台</h1>
      <label>
        账号
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        密码
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <label>
        动态验证码（审核、管理员账号填写）
        <input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
    </form>
  )
}
