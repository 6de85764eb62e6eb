import { useEffect, useState } from 'react'
import type { DraftContent, DraftNotice, DraftValue } from '../domain/review/draft'
import { type ServiceGuide, blankGuide, guideOf, serviceGuideProblems } from '../domain/review/service-edit'
import type { Faq, Policy, Service } from '../domain/schema'
import { ApiFailure, type ApiProblem, api, toFen, yuan } from './api'
import { Field } from './field'
import { NoticeText } from './notice-text'
import { ServiceGuideForm } from './service-guide-form'
import { type DraftFull, STATUS_LABEL } from './types'

const DECISIONS: Array<[DraftValue['decision'], string]> = [
  ['accepted', '采用'],
  ['corrected', '更正'],
  ['dropped', '不采用'],
]

const NOTICE_FIELDS: Array<
  [keyof Pick<DraftNotice, 'docNumber' | 'title' | 'issuer' | 'location' | 'issuedOn' | 'effectiveFrom'>, string, 'text' | 'date']
> = [
  ['docNumber', '文号', 'text'],
  ['title', '标题', 'text'],
  ['issuer', '发文机关', 'text'],
  ['location', '原文出处（网址或公报期号）', 'text'],
  ['issuedOn', '印发日期', 'date'],
  ['effectiveFrom', '执行日期', 'date'],
]

function setNoticeField(notice: DraftNotice, field: (typeof NOTICE_FIELDS)[number][0], value: string): void {
  if (field === 'issuedOn' || field === 'effectiveFrom') notice[field] = value || null
  else notice[field] = value
}

/**
 * A drafted guide in full: a draft saved before the form existed may hold only the changed fields,
 * completed here from the published guide so the form always has every field.
 */
function fullGuide(edit: DraftContent['services'][number], published: Service[]): ServiceGuide {
  const base = published.find((s) => s.id === edit.id)
  const defined = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined))
  return { ...(base ? guideOf(base) : blankGuide(edit.id)), ...defined }
}

/** Server problems name content.services[0].fee; the form's own, services[0].fee. */
const problemKey = (field: string): string => field.replace(/^content\./, '')

/** Write a draft: the notice's values beside its text, the metadata, FAQ answers, policy summaries and service guides. */
export function DraftEditor({ id, onReview }: { id: number; onReview: (id: number) => void }) {
  const [draft, setDraft] = useState<DraftFull | null>(null)
  const [content, setContent] = useState<DraftContent | null>(null)
  const [title, setTitle] = useState('')
  const [active, setActive] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [faqs, setFaqs] = useState<Faq[]>([])
  const [policies, setPolicies] = useState<Policy[]>([])
  const [services, setServices] = useState<Service[]>([])

  useEffect(() => {
    api<DraftFull>('GET', `/console/drafts/${id}`).then((d) => {
      setDraft(d)
      setContent(d.content)
      setTitle(d.title)
    })
    api<Faq[]>('GET', '/content/faq').then(setFaqs, () => undefined)
    api<Policy[]>('GET', '/content/policies').then(setPolicies, () => undefined)
    api<Service[]>('GET', '/content/services').then(setServices, () => undefined)
  }, [id])

  if (!draft || !content) return <p>正在读取草稿…</p>
  const notice = content.notice
  const editable = draft.status === 'draft' || draft.status === 'submitted'

  const update = (fn: (c: DraftContent) => void) => {
    const next = structuredClone(content)
    fn(next)
    setContent(next)
  }
  const guides = content.services.map((edit) => fullGuide(edit, services))
  const problemsByField = new Map(problems.map((p) => [problemKey(p.field), p.message]))
  /** In the list under the form, a guide's problem says which guide. */
  const listed = (p: ApiProblem): string => {
    const at = /^services\[(\d+)\]/.exec(problemKey(p.field))
    const guide = at ? guides[Number(at[1])] : undefined
    return guide ? `办事指南“${guide.name || '（未命名）'}”：${p.message}` : p.message
  }
  const save = async (): Promise<boolean> => {
    setMessage('')
    setProblems([])
    // the form's own check, with the schema the server applies: the editor sees every problem at once
    const found = guides.flatMap((g, i) => serviceGuideProblems(g, `services[${i}]`))
    if (found.length) {
      setMessage(`办事指南还有 ${found.length} 处需要填写或修改`)
      setProblems(found)
      return false
    }
    try {
      const saved = await api<DraftFull>('PUT', `/console/drafts/${id}`, { title, content: { ...content, services: guides } })
      setDraft(saved)
      setContent(saved.content)
      setMessage('已保存')
      return true
    } catch (e) {
      if (e instanceof ApiFailure) {
        setMessage(e.message)
        setProblems(e.fields)
      }
      return false
    }
  }
  const submit = async () => {
    if (!(await save())) return
    try {
      await api('POST', `/console/drafts/${id}/submit`, {})
      onReview(id)
    } catch (e) {
      if (e instanceof ApiFailure) setMessage(e.message)
    }
  }

  return (
    <div className="editor">
      <div className="card">
        <h2>
          草稿 #{draft.id} <span className="badge">{STATUS_LABEL[draft.status]}</span>
        </h2>
        <p className="hint">
          依据版本 {draft.baseVersion}，作者 {draft.author}
        </p>
        <label>
          草稿标题
          <input value={title} onChange={(e) => setTitle(e.target.value)} disabled={!editable} />
        </label>
      </div>
      {notice && (
        <div className="split">
          <section className="card">
            <h3>通知原文</h3>
            <NoticeText text={notice.text} values={notice.values} active={active} />
          </section>
          <section className="card">
            <h3>识别出的数值（{notice.values.length} 项）</h3>
            {notice.values.length === 0 && <p className="hint">没有识别出数值。</p>}
            {notice.values.map((value, i) => (
              <fieldset
                key={`${value.parameterId}-${i}`}
                className={`proposal ${value.decision}`}
                onMouseEnter={() => setActive(i)}
                onFocus={() => setActive(i)}
              >
                <legend>
                  {value.label || value.parameterId}
                  {value.needsReview && <span className="badge warn">需核对</span>}
                </legend>
                <blockquote>{value.quote}</blockquote>
                {value.notes.length > 0 && (
                  <ul className="notes">
                    {value.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                )}
                <div className="row">
                  {DECISIONS.map(([decision, label]) => (
                    <label key={decision} className="inline">
                      <input
                        type="radio"
                        name={`decision-${i}`}
                        value={decision}
                        checked={value.decision === decision}
                        disabled={!editable}
                        onChange={() =>
                          update((c) => {
                            const v = c.notice?.values[i]
                            if (!v) return
                            v.decision = decision
                            if (decision !== 'corrected' && v.proposedAmountFen !== null) v.amountFen = v.proposedAmountFen
                          })
                        }
                      />
                      {label}
                    </label>
                  ))}
                </div>
                <div className="row">
                  <label>
                    金额（元/人/月）
                    <input
                      name={`amount-${i}`}
                      inputMode="decimal"
                      defaultValue={yuan(value.amountFen)}
                      disabled={!editable || value.decision !== 'corrected'}
                      onChange={(e) => {
                        const fen = toFen(e.target.value)
                        if (fen !== null) update((c) => void (c.notice?.values[i] && (c.notice.values[i].amountFen = fen)))
                      }}
                    />
                  </label>
                  <label>
                    执行日期
                    <input
                      type="date"
                      value={value.effectiveFrom ?? ''}
                      disabled={!editable}
                      onChange={(e) =>
                        update((c) => void (c.notice?.values[i] && (c.notice.values[i].effectiveFrom = e.target.value || null)))
                      }
                    />
                  </label>
                </div>
                <p className="hint">
                  识别为 {yuan(value.proposedAmountFen)} 元
                  {value.previousAmountFen !== null ? `，原标准 ${yuan(value.previousAmountFen)} 元` : ''}
                  {value.correctedBy ? `；已由 ${value.correctedBy} 更正` : ''}
                </p>
              </fieldset>
            ))}
            {notice.unmatched.length > 0 && (
              <>
                <h4>未能识别的句子</h4>
                <ul className="notes">
                  {notice.unmatched.map((u) => (
                    <li key={u.quote}>
                      「{u.quote}」：{u.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
      {notice && (
        <section className="card">
          <h3>通知信息</h3>
          <div className="grid">
            {NOTICE_FIELDS.map(([field, label, type]) => (
              <Field
                key={field}
                name={field}
                label={label}
                type={type}
                value={notice[field] ?? ''}
                disabled={!editable}
                onChange={(value) => update((c) => void (c.notice && setNoticeField(c.notice, field, value)))}
              />
            ))}
          </div>
        </section>
      )}
      <section className="card">
        <h3>常见问题</h3>
        {content.faq.map((f, i) => (
          <div key={f.id} className="faq-edit">
            <label>
              问题
              <input
                value={f.question}
                disabled={!editable}
                onChange={(e) => update((c) => void (c.faq[i] && (c.faq[i].question = e.target.value)))}
              />
            </label>
            <label>
              回答
              <textarea
                rows={3}
                value={f.answer}
                disabled={!editable}
                onChange={(e) => update((c) => void (c.faq[i] && (c.faq[i].answer = e.target.value)))}
              />
            </label>
            <button type="button" className="link" disabled={!editable} onClick={() => update((c) => void c.faq.splice(i, 1))}>
              不改这一条
            </button>
          </div>
        ))}
        {editable && (
          <label>
            修改一条常见问题
            <select
              value=""
              onChange={(e) => {
                const picked = faqs.find((f) => f.id === e.target.value)
                if (picked && !content.faq.some((f) => f.id === picked.id)) update((c) => void c.faq.push({ ...picked }))
              }}
            >
              <option value="">选择问题…</option>
              {faqs.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.question}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>
      <section className="card">
        <h3>政策摘要</h3>
        {content.policySummaries.map((p, i) => (
          <label key={p.policyId}>
            {policies.find((x) => x.id === p.policyId)?.title ?? p.policyId}
            <textarea
              rows={4}
              value={p.summary}
              disabled={!editable}
              onChange={(e) => update((c) => void (c.policySummaries[i] && (c.policySummaries[i].summary = e.target.value)))}
            />
          </label>
        ))}
        {editable && (
          <label>
            修改一份政策的摘要
            <select
              value=""
              onChange={(e) => {
                const picked = policies.find((p) => p.id === e.target.value)
                if (picked && !content.policySummaries.some((p) => p.policyId === picked.id))
                  update((c) => void c.policySummaries.push({ policyId: picked.id, summary: picked.summary }))
              }}
            >
              <option value="">选择政策…</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>
      <section className="card">
        <h3>办事指南</h3>
        <p className="hint">“一次不跑”“只跑一次”的办事指南：条件、材料、渠道、时限、收费、依据和办理地点。</p>
        {guides.map((guide, i) => {
          const isNew = !services.some((s) => s.id === guide.id)
          return (
            <ServiceGuideForm
              // a new guide's id is typed in the form: keyed by position so typing it keeps the focus
              key={isNew ? `new-${i}` : guide.id}
              guide={guide}
              at={`services[${i}]`}
              isNew={isNew}
              disabled={!editable}
              problems={problemsByField}
              onChange={(next) => update((c) => void (c.services[i] = next))}
              onRemove={() => update((c) => void c.services.splice(i, 1))}
            />
          )
        })}
        {editable && (
          <div className="row">
            <label>
              修改一份办事指南
              <select
                name="pick-service"
                value=""
                onChange={(e) => {
                  const picked = services.find((s) => s.id === e.target.value)
                  if (picked && !content.services.some((s) => s.id === picked.id)) update((c) => void c.services.push(guideOf(picked)))
                }}
              >
                <option value="">选择办事指南…</option>
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => update((c) => void c.services.push(blankGuide('')))}>
              新增办事指南
            </button>
          </div>
        )}
      </section>
      {message && (
        <div className={problems.length ? 'card error' : 'card ok'} role="status">
          <p>{message}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p.field}>{listed(p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {editable && (
        <div className="actions">
          <button type="button" onClick={() => void save()}>
            保存草稿
          </button>
          <button type="button" className="primary" onClick={() => void submit()}>
            保存并提交审核
          </button>
        </div>
      )}
    </div>
  )
}
