import { useState } from 'react'
import { type Me, api } from './api'
import { useFormSubmit } from './use-form-submit'

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const { submit, busy, error } = useFormSubmit(
    async () => onSignedIn(await api<Me>('POST', '/console/login', { name, password, ...(code ? { code } : {}) })),
    '无法连接服务器，请稍后再试',
  )
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
