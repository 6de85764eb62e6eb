// "记住我的填写": the self-check answers kept on this device only, and only when the person chooses
// to. Every read is shape-checked: a damaged or outdated entry is ignored, never a crash.
import * as z from 'zod/mini'
import { readStored, removeStored, writeStored } from './storage'

const blankOr = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal('')])
/** what was typed, kept as typed (the form re-validates it) */
const typed = z.string().check(z.maxLength(20))

export const dibaoAnswersSchema = z.object({
  area: blankOr(['urban', 'rural'] as const),
  householdSize: typed,
  monthlyIncome: typed,
})
export type DibaoAnswers = z.infer<typeof dibaoAnswersSchema>
export const EMPTY_DIBAO_ANSWERS: DibaoAnswers = { area: '', householdSize: '', monthlyIncome: '' }

export const tekunAnswersSchema = z.object({
  area: blankOr(['urban', 'rural'] as const),
  care: blankOr(['centralized', 'dispersed'] as const),
  age: typed,
  canWork: blankOr(['yes', 'no'] as const),
  monthlyIncome: typed,
  supporter: blankOr(['yes', 'no'] as const),
  selfCare: blankOr(['self', 'semi', 'full'] as const),
})
export type TekunAnswers = z.infer<typeof tekunAnswersSchema>
export const EMPTY_TEKUN_ANSWERS: TekunAnswers = {
  area: '',
  care: '',
  age: '',
  canWork: '',
  monthlyIncome: '',
  supporter: '',
  selfCare: '',
}

function envelope<T extends z.core.$ZodType>(answers: T) {
  return z.object({ v: z.literal(1), answers })
}

export function loadAnswers<T>(key: string, schema: z.core.$ZodType<T>): T | null {
  const stored = readStored(key)
  if (stored === undefined) return null
  const parsed = envelope(schema).safeParse(stored)
  return parsed.success ? (parsed.data.answers as T) : null
}

/** false when the phone refused to store them (the page then does not claim they are kept) */
export function saveAnswers<T>(key: string, answers: T): boolean {
  return writeStored(key, { v: 1, answers })
}

export function clearAnswers(key: string): void {
  removeStored(key)
}
