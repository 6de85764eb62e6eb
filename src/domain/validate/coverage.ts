import { RULE_REQUIREMENTS } from '../eligibility/requirements'
import { formatChineseDate } from '../dates'
import { earliestEffectiveDate, findParameter } from '../parameters'
import type { Problem } from '../validate'
import { type RuleContext, problem } from './context'

/**
 * Every standard a self-check needs exists and is in force on every date the check's own standard
 * is: a value holds until the next one, so that means none may start later than the check's base.
 */
export function checkRuleCoverage(ctx: RuleContext): Problem[] {
  const problems: Problem[] = []
  const { parameters } = ctx.pack
  for (const requirement of RULE_REQUIREMENTS) {
    const [baseId, ...others] = requirement.parameterIds
    const base = findParameter(parameters, baseId)
    if (!base) {
      problems.push(problem('parameters', `缺少“${baseId}”：${requirement.check}需要它，否则自测和 /assess 无法计算`))
      continue
    }
    const baseStart = earliestEffectiveDate([base])
    for (const id of others) {
      const other = findParameter(parameters, id)
      if (!other) {
        problems.push(problem('parameters', `缺少“${id}”：${requirement.check}需要它，否则自测和 /assess 无法计算`))
        continue
      }
      const start = earliestEffectiveDate([other])
      if (baseStart && start && start > baseStart) {
        const index = parameters.indexOf(other)
        problems.push(
          problem(
            `parameters[${index}].values[0].effectiveFrom`,
            `${other.label}从${formatChineseDate(start)}起才有数值，但${requirement.check}从${formatChineseDate(baseStart)}起就要用到它：须补上此前的数值`,
          ),
        )
      }
    }
  }
  return problems
}
