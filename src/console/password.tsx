// The signed-in person's own password. The server asks for the current one and signs out every
// other session of the account.
import { useState } from 'react'
import { api } from './api'
import { useFormSubmit } from './use-form-submit'

const MIN_LENGTH = 12

export function ChangePassword() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [done, setDone] = useState(false)
  const mismatch = again !== '' && again !== next
  const { submit, busy, error } = useFormSubmit(async () => {
    setDone(false)
    await api('POST', '/console/password', { current, next })
    setCurrent('')
    setNext('')
    setAgain('')
    setDone(true)
  }, '无法连接服务器，请稍后再试')
  return (
    <form className="card" onSubmit={(e) => (mismatch ? e.preventDefault() : void submit(e))}>
      <h2>修改密码</h2>
      <p className="hint">新密码至少 {MIN_LENGTH} 个字符，可以是一句好记的话。改好后，这个账号在其他电脑上的登录会结束。</p>
      <label>
        现在的密码
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label>
        新密码
        <input
          type="password"
          autoComplete="new-password"
          minLength={MIN_LENGTH}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label>
        再输一遍新密码
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          aria-invalid={mismatch}
          required
        />
      </label>
      {mismatch && <p className="error">两次输入的新密码不一样</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">密码已修改。</p>}
      <button type="submit" disabled={busy || mismatch}>
        {busy ? '正在保存…' : '修改密码'}
      </button>
    </form>
  )
}
