import { useEffect, useState } from 'react'
import { type Me, ROLE_LABEL, api, setCsrfToken } from './api'
import { DraftEditor } from './draft-editor'
import { AuditLog, DraftList, History } from './lists'
import { Login } from './login'
import { ChangePassword } from './password'
import { NewNotice } from './new-notice'
import { ReviewPage } from './review'
import { Users } from './users'

type View =
  | { page: 'drafts' }
  | { page: 'new' }
  | { page: 'edit'; id: number }
  | { page: 'review'; id: number }
  | { page: 'history' }
  | { page: 'audit' }
  | { page: 'users' }
  | { page: 'password' }

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [view, setView] = useState<View>({ page: 'drafts' })
  useEffect(() => {
    api<{ signedIn: false } | ({ signedIn: true } & Me)>('GET', '/console/session').then(
      (s) => (s.signedIn ? signedIn(s) : setMe(null)),
      () => setMe(null),
    )
  }, [])
  const signedIn = (m: Me) => {
    setCsrfToken(m.csrfToken)
    setMe(m)
  }
  if (me === undefined) return <p className="card">正在连接…</p>
  if (me === null) return <Login onSignedIn={signedIn} />
  const logout = async () => {
    await api('POST', '/console/logout', {}).catch(() => undefined)
    setMe(null)
  }
  const tabs: Array<[View['page'], string, boolean]> = [
    ['drafts', '草稿', true],
    ['new', '新增通知', me.role === 'editor'],
    ['history', '发布历史', true],
    ['audit', '审计日志', me.role !== 'editor'],
    ['users', '账号', me.role === 'admin'],
  ]
  return (
    <>
      <header>
        <strong>惠民通编辑后台</strong>
        <nav>
          {tabs
            .filter(([, , shown]) => shown)
            .map(([page, label]) => (
              <button
                key={page}
                type="button"
                className={view.page === page ? 'tab current' : 'tab'}
                onClick={() => setView({ page } as View)}
              >
                {label}
              </button>
            ))}
        </nav>
        <span className="who">
          {me.name}（{ROLE_LABEL[me.role]}）
          <button type="button" className="link" onClick={() => setView({ page: 'password' })}>
            修改密码
          </button>
          <button type="button" className="link" onClick={() => void logout()}>
            退出
          </button>
        </span>
      </header>
      <main>
        {view.page === 'drafts' && (
          <DraftList
            onOpen={(d) =>
              setView(me.role === 'editor' && d.status === 'draft' ? { page: 'edit', id: d.id } : { page: 'review', id: d.id })
            }
            onCreated={me.role === 'editor' ? (id) => setView({ page: 'edit', id }) : undefined}
          />
        )}
        {view.page === 'new' && <NewNotice onCreated={(id) => setView({ page: 'edit', id })} />}
        {view.page === 'edit' && <DraftEditor id={view.id} onReview={(id) => setView({ page: 'review', id })} />}
        {view.page === 'review' && <ReviewPage id={view.id} role={me.role} onEdit={(id) => setView({ page: 'edit', id })} />}
        {view.page === 'history' && <History role={me.role} />}
        {view.page === 'audit' && <AuditLog />}
        {view.page === 'users' && <Users />}
        {view.page === 'password' && <ChangePassword />}
      </main>
    </>
  )
}
