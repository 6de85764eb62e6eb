// The content pack validator: schema first, then the rules that keep every figure traceable.
// Called through the one pack pipeline (pack-pipeline.ts) by the build, the CLI, seeding, the
// admin API and the editor console.
import { type ContentPack, contentPackSchema } from './schema'
import { type RuleContext, ruleContext } from './validate/context'
import { checkRuleCoverage } from './validate/coverage'
import { checkFaq, checkNews, checkServices } from './validate/cross-references'
import { checkDocNumberMentions } from './validate/doc-mentions'
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

/** Full texts of the sources we hold, by text id (a source's `textId`). */
export type SourceTexts = ReadonlyMap<string, string>

export function validatePack(raw: unknown, texts: SourceTexts): Validation {
  const parsed = contentPackSchema.safeParse(raw, { error: chineseSchemaMessages })
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    }
  }
  const ctx = ruleContext(parsed.data, texts)
  const problems = RULES.flatMap((rule) => rule(ctx))
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '')
}

const RULES: ReadonlyArray<(ctx: RuleContext) => Problem[]> = [
  checkSources,
  checkParameters,
  checkRuleCoverage,
  checkPolicies,
  checkServices,
  checkFaq,
  checkNews,
  checkDocNumberMentions,
]
