// Query-string parameters shared by the API's routes, with errors that name the field in Chinese.
import { z } from 'zod'

const MAX_Q = 200

/** A search or filter query: trimmed, not blank, at most 200 characters. */
export const qParam = z.string().trim().min(1, '请填写搜索词').max(MAX_Q, `搜索词太长了，最多 ${MAX_Q} 个字`)

/** An optional whole number in [min, max]; absent or empty gives the fallback. */
export const intParam = (label: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback
      // decimal digits only: Number() would also take 0x10, 1e1 or ' 16 '
      const n = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label}应为 ${min} 到 ${max} 之间的整数` })
        return z.NEVER
      }
      return n
    })
