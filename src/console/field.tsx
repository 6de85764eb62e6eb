// One labelled input for the console's forms: text, date, number or several lines, with its problem
// (if any) below it, tied to the input for screen readers.
import { useId } from 'react'

interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  name?: string
  type?: 'text' | 'date' | 'number' | 'textarea'
  disabled?: boolean
  /** the problem with this field, shown under it and read out with it */
  error?: string
  hint?: string
  rows?: number
  className?: string
}

export function Field({ label, value, onChange, name, type = 'text', disabled, error, hint, rows = 3, className }: FieldProps) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name,
    value,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  }
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {type === 'textarea' ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          min={type === 'number' ? 1 : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
