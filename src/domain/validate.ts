// The content pack validator: schema first, then the rules that keep every figure traceable.
// Shared by the build script, the CLI and the server's publish route.
import { type ContentPack, contentPackSchema } from './schema'
import { type RuleContext } from './validate/context'
import { checkFaq, checkNews, checkServices } from './validate/cross-references'
import { checkDocNumberMentions } from './validate/doc-mentions'
import { indexGazette } from './validate/gazette'
import { checkParameters } from './validate/parameters'
import { checkPolicies } from './validate/policies'
import { chineseSchemaMessages } from './validate/schema-messages'
import { checkSources } from './validate/sources'

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
  const parsed = contentPackSchema.safeParse(raw, { error: chineseSchemaMessages })
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

const RULES: ReadonlyArray<(ctx: RuleContext) => Problem[]> = [
  checkSources,
  checkParameters,
  checkPolicies,
  checkServices,
  checkFaq,
  checkNews,
  checkDocNumberMentions,
]

function checkRules(pack: ContentPack, texts: SourceTexts): Problem[] {
  const ctx: RuleContext = {
    pack,
    // Prepared once here: the server validates on every publish and each rule reads the text many times.
    gazette: indexGazette(texts.gazette),
    sourcesById: new Map(pack.sources.map((source) => [source.id, source])),
  }
  return RULES.flatMap((rule) => rule(ctx))
}
