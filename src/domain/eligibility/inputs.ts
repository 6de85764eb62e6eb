// Validation of what a person (or another client) types, with a message that names the field.
// Accepts unknown input so the phone and the server reject exactly the same things.
import type { DomainError } from '../result'
import { type IsoDate, isValidIsoDate, isoDateProblem } from '../dates'
import { type Fen, yuanToFen } from '../money'

export const MAX_HOUSEHOLD_SIZE = 20
/** 1,000,000 元 a month: far above any household that could qualify, low enough to stay exact. */
export const MAX_MONTHLY_INCOME_YUAN = 1_000_000
export const MAX_AGE = 130

export type Field<T> = { ok: true; value: T } | { ok: false; error: DomainError }

const bad = (field: string, message: string): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code: 'invalid_input', field, message },
})

export function readEnum<T extends string>(raw: unknown, field: string, allowed: readonly T[], label: string): Field<T> {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return { ok: true, value: raw as T }
  return bad(field, `请选择${label}`)
}

export function readInteger(raw: unknown, field: string, label: string, min: number, max: number): Field<number> {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  if (typeof n !== 'number' || !Number.isFinite(n)) return bad(field, `请填写${label}（数字）`)
  if (!Number.isInteger(n)) return bad(field, `${label}应为整数`)
  if (n < min || n > max) return bad(field, `${label}应在 ${min} 到 ${max} 之间`)
  return { ok: true, value: n }
}

/** Money typed in 元 (number or numeric string, at most two decimals) → 分. */
export function readYuan(raw: unknown, field: string, label: string): Field<Fen> {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  if (typeof n !== 'number' || !Number.isFinite(n)) return bad(field, `请填写${label}（元），没有收入请填 0`)
  if (n < 0) return bad(field, `${label}不能是负数，没有收入请填 0`)
  if (n > MAX_MONTHLY_INCOME_YUAN) return bad(field, `${label}超出了可计算的范围`)
  const fen = yuanToFen(n)
  if (Math.abs(fen - n * 100) > 1e-6) return bad(field, `${label}最多精确到分（两位小数）`)
  return { ok: true, value: fen }
}

export function readBoolean(raw: unknown, field: string, label: string): Field<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw }
  return bad(field, `请选择${label}`)
}

export function readDate(raw: unknown, field: string, today: IsoDate): Field<IsoDate> {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: today }
  if (typeof raw === 'string' && isValidIsoDate(raw)) return { ok: true, value: raw }
  const problem = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? isoDateProblem(raw) : null
  if (problem && problem.startsWith('日期超出')) return bad(field, problem)
  return bad(field, '日期无效，请按 年-月-日 填写，例如 2019-07-01')
}

export function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
}
