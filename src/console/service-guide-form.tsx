// 办事指南 as a form: the fields of serviceGuideSchema (src/domain/review/service-edit.ts), lists as
// rows. Problems come keyed by field (services[0].materials[1].name) and show under their input.
import { CHANNEL_KIND_LABEL, MATERIAL_FORM_LABEL, SERVICE_MODE_LABEL } from '../domain/service-labels'
import type { ServiceGuide } from '../domain/review/service-edit'
import { Field } from './field'
import { RowList } from './row-list'

type Material = ServiceGuide['materials'][number]
type Channel = ServiceGuide['channels'][number]

interface Props {
  guide: ServiceGuide
  /** where this guide sits in the draft, for matching problems: services[2] */
  at: string
  isNew: boolean
  disabled: boolean
  problems: ReadonlyMap<string, string>
  onChange: (guide: ServiceGuide) => void
  onRemove: () => void
}

/** A material id not yet used in this guide (ids are how the diff tells a change from a swap). */
const nextMaterialId = (materials: Material[]): string => {
  for (let n = materials.length + 1; ; n++) if (!materials.some((m) => m.id === `material-${n}`)) return `material-${n}`
}

export function ServiceGuideForm({ guide, at, isNew, disabled, problems, onChange, onRemove }: Props) {
  const error = (path: string) => problems.get(`${at}.${path}`)
  const set = <K extends keyof ServiceGuide>(key: K, value: ServiceGuide[K]) => onChange({ ...guide, [key]: value })
  const text = (key: 'name' | 'department' | 'applicants' | 'fee', label: string, type: 'text' | 'textarea' = 'text') => (
    <Field
      label={label}
      name={`${at}.${key}`}
      type={type}
      value={guide[key]}
      disabled={disabled}
      error={error(key)}
      onChange={(v) => set(key, v)}
    />
  )
  return (
    <fieldset className="guide">
      <legend>{isNew ? `新增办事指南：${guide.name || '（未命名）'}` : `办事指南：${guide.name}`}</legend>
      {isNew && (
        <Field
          label="编号"
          name={`${at}.id`}
          value={guide.id}
          disabled={disabled}
          error={error('id')}
          hint="小写字母、数字和连字符，如 burial-subsidy；发布后不能再改"
          onChange={(v) => set('id', v)}
        />
      )}
      <div className="grid">
        {text('name', '事项名称')}
        {text('department', '受理部门')}
        <div className="field">
          <label htmlFor={`${at}-mode`}>办理方式</label>
          <select
            id={`${at}-mode`}
            name={`${at}.mode`}
            value={guide.mode}
            disabled={disabled}
            onChange={(e) => set('mode', e.target.value as ServiceGuide['mode'])}
          >
            {Object.entries(SERVICE_MODE_LABEL).map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {text('fee', '收费')}
        <Field
          label="法定办结时限"
          name={`${at}.timeLimit.statutory`}
          value={guide.timeLimit.statutory}
          disabled={disabled}
          error={error('timeLimit.statutory') ?? error('timeLimit')}
          onChange={(v) => set('timeLimit', { ...guide.timeLimit, statutory: v })}
        />
        <Field
          label="承诺办结时限"
          name={`${at}.timeLimit.promised`}
          value={guide.timeLimit.promised}
          disabled={disabled}
          error={error('timeLimit.promised')}
          onChange={(v) => set('timeLimit', { ...guide.timeLimit, promised: v })}
        />
      </div>
      {text('applicants', '服务对象', 'textarea')}
      <RowList
        legend="申请条件"
        rowName={(n) => `申请条件第 ${n} 条`}
        rows={guide.conditions}
        blank={() => ''}
        disabled={disabled}
        error={error('conditions')}
        onChange={(rows) => set('conditions', rows)}
      >
        {(row, i, setRow) => (
          <Field
            label={`第 ${i + 1} 条`}
            name={`${at}.conditions[${i}]`}
            type="textarea"
            rows={2}
            value={row}
            disabled={disabled}
            error={error(`conditions[${i}]`)}
            onChange={setRow}
          />
        )}
      </RowList>
      <RowList<Material>
        legend="材料"
        rowName={(n) => `材料第 ${n} 项`}
        rows={guide.materials}
        blank={() => ({ id: nextMaterialId(guide.materials), name: '', copies: 1, form: 'original' })}
        disabled={disabled}
        error={error('materials')}
        onChange={(rows) => set('materials', rows)}
      >
        {(m, i, setRow) => (
          <div className="row">
            <Field
              label="材料名称"
              name={`${at}.materials[${i}].name`}
              value={m.name}
              disabled={disabled}
              error={error(`materials[${i}].name`)}
              onChange={(name) => setRow({ ...m, name })}
              className="wide"
            />
            <div className="field">
              <label htmlFor={`${at}-material-${i}-form`}>原件或复印件</label>
              <select
                id={`${at}-material-${i}-form`}
                value={m.form}
                disabled={disabled}
                onChange={(e) => setRow({ ...m, form: e.target.value as Material['form'] })}
              >
                {Object.entries(MATERIAL_FORM_LABEL).map(([form, label]) => (
                  <option key={form} value={form}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="份数"
              type="number"
              name={`${at}.materials[${i}].copies`}
              value={String(m.copies)}
              disabled={disabled}
              error={error(`materials[${i}].copies`)}
              onChange={(v) => setRow({ ...m, copies: v === '' ? 0 : Number(v) })}
            />
            <Field
              label="说明（可不填）"
              name={`${at}.materials[${i}].note`}
              value={m.note ?? ''}
              disabled={disabled}
              onChange={(v) => setRow({ ...m, note: v === '' ? undefined : v })}
              className="wide"
            />
          </div>
        )}
      </RowList>
      <RowList
        legend="办理步骤"
        rowName={(n) => `办理步骤第 ${n} 步`}
        rows={guide.steps}
        blank={() => ({ title: '', detail: '' })}
        disabled={disabled}
        error={error('steps')}
        onChange={(rows) => set('steps', rows)}
      >
        {(s, i, setRow) => (
          <div className="row">
            <Field
              label="步骤"
              name={`${at}.steps[${i}].title`}
              value={s.title}
              disabled={disabled}
              error={error(`steps[${i}].title`)}
              onChange={(title) => setRow({ ...s, title })}
            />
            <Field
              label="说明"
              type="textarea"
              rows={2}
              name={`${at}.steps[${i}].detail`}
              value={s.detail}
              disabled={disabled}
              error={error(`steps[${i}].detail`)}
              onChange={(detail) => setRow({ ...s, detail })}
              className="wide"
            />
          </div>
        )}
      </RowList>
      <RowList<Channel>
        legend="办理渠道"
        rowName={(n) => `办理渠道第 ${n} 个`}
        rows={guide.channels}
        blank={() => ({ kind: 'window', name: '', detail: '' })}
        disabled={disabled}
        error={error('channels')}
        onChange={(rows) => set('channels', rows)}
      >
        {(c, i, setRow) => (
          <div className="row">
            <div className="field">
              <label htmlFor={`${at}-channel-${i}-kind`}>网上或线下</label>
              <select
                id={`${at}-channel-${i}-kind`}
                value={c.kind}
                disabled={disabled}
                onChange={(e) => setRow({ ...c, kind: e.target.value as Channel['kind'] })}
              >
                {Object.entries(CHANNEL_KIND_LABEL).map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="渠道名称"
              name={`${at}.channels[${i}].name`}
              value={c.name}
              disabled={disabled}
              error={error(`channels[${i}].name`)}
              onChange={(name) => setRow({ ...c, name })}
            />
            <Field
              label="怎样办理"
              type="textarea"
              rows={2}
              name={`${at}.channels[${i}].detail`}
              value={c.detail}
              disabled={disabled}
              error={error(`channels[${i}].detail`)}
              onChange={(detail) => setRow({ ...c, detail })}
              className="wide"
            />
          </div>
        )}
      </RowList>
      <RowList
        legend="办理依据"
        rowName={(n) => `办理依据第 ${n} 条`}
        rows={guide.legalBasis}
        blank={() => ''}
        disabled={disabled}
        error={error('legalBasis')}
        onChange={(rows) => set('legalBasis', rows)}
      >
        {(row, i, setRow) => (
          <Field
            label={`第 ${i + 1} 条（法规或文件，含文号和条款）`}
            name={`${at}.legalBasis[${i}]`}
            value={row}
            disabled={disabled}
            error={error(`legalBasis[${i}]`)}
            onChange={setRow}
          />
        )}
      </RowList>
      <fieldset className="rows">
        <legend>办理地点</legend>
        <div className="grid">
          {(
            [
              ['name', '地点名称'],
              ['address', '地址'],
              ['hours', '办公时间'],
              ['phone', '咨询电话'],
            ] as const
          ).map(([key, label]) => (
            <Field
              key={key}
              label={label}
              name={`${at}.office.${key}`}
              value={guide.office[key]}
              disabled={disabled}
              error={error(`office.${key}`) ?? error('office')}
              onChange={(v) => set('office', { ...guide.office, [key]: v })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="rows">
        <legend>信息来源</legend>
        <Field
          label="内容取自哪里"
          type="textarea"
          rows={2}
          name={`${at}.source.description`}
          value={guide.source.description}
          disabled={disabled}
          error={error('source.description') ?? error('source')}
          onChange={(description) => set('source', { ...guide.source, description })}
        />
        <Field
          label="改革依据文号（可不填）"
          name={`${at}.source.reformRef`}
          value={guide.source.reformRef ?? ''}
          disabled={disabled}
          onChange={(v) => set('source', { ...guide.source, reformRef: v === '' ? undefined : v })}
        />
        <label className="check">
          <input
            type="checkbox"
            name={`${at}.source.verified`}
            checked={guide.source.verified}
            disabled={disabled}
            onChange={(e) => set('source', { ...guide.source, verified: e.target.checked })}
          />
          已向办理部门核实
        </label>
      </fieldset>
      {!disabled && (
        <button type="button" className="link" onClick={onRemove}>
          {isNew ? '不新增这份指南' : '不改这份指南'}
        </button>
      )}
    </fieldset>
  )
}
