// A list edited as rows (conditions, materials, steps…): each row with 上移, 下移 and 删除, and a
// button to add one. Never JSON: each row is its own small form.
import type { ReactNode } from 'react'

interface RowListProps<T> {
  /** the list's name, e.g. 申请条件 */
  legend: string
  /** one row's name for buttons read out alone, e.g. n => `申请条件第 ${n} 条` */
  rowName: (n: number) => string
  rows: T[]
  onChange: (rows: T[]) => void
  /** a new, empty row */
  blank: () => T
  disabled?: boolean
  /** the problem with the list as a whole, e.g. 请至少写一条申请条件 */
  error?: string
  children: (row: T, i: number, set: (row: T) => void) => ReactNode
}

export function RowList<T>({ legend, rowName, rows, onChange, blank, disabled, error, children }: RowListProps<T>) {
  const move = (from: number, to: number) => {
    const next = [...rows]
    const moved = next.splice(from, 1)
    next.splice(to, 0, ...moved)
    onChange(next)
  }
  return (
    <fieldset className="rows">
      <legend>{legend}</legend>
      {error && <p className="field-error">{error}</p>}
      <ol>
        {rows.map((row, i) => (
          // keyed by position: rows have no id of their own while written, and every input is controlled
          <li key={i} aria-label={rowName(i + 1)}>
            <div className="row-body">{children(row, i, (r) => onChange(rows.map((x, k) => (k === i ? r : x))))}</div>
            {!disabled && (
              <div className="row-tools">
                <button type="button" disabled={i === 0} aria-label={`上移${rowName(i + 1)}`} onClick={() => move(i, i - 1)}>
                  上移
                </button>
                <button type="button" disabled={i === rows.length - 1} aria-label={`下移${rowName(i + 1)}`} onClick={() => move(i, i + 1)}>
                  下移
                </button>
                <button type="button" aria-label={`删除${rowName(i + 1)}`} onClick={() => onChange(rows.filter((_, k) => k !== i))}>
                  删除
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" onClick={() => onChange([...rows, blank()])}>
          添加{legend}
        </button>
      )}
    </fieldset>
  )
}
