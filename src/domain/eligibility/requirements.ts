// Which standards each self-check reads together on one date. The validator refuses a pack that
// lacks one of them, or where one starts later than the standard the check is built on: the
// self-check (on the phone, and /assess on the server) would then fail on the dates between.
import { DIBAO_STANDARD_ID } from './dibao'
import { SUPPORT_STANDARD_ID } from './tekun'

export interface RuleRequirement {
  /** the self-check, as a person would name it */
  check: string
  /** the first id is the standard the check is built on; the others must be in force whenever it is */
  parameterIds: readonly [string, ...string[]]
}

export const RULE_REQUIREMENTS: readonly RuleRequirement[] = [
  { check: '城市低保自测', parameterIds: [DIBAO_STANDARD_ID.urban] },
  { check: '农村低保自测', parameterIds: [DIBAO_STANDARD_ID.rural] },
  { check: '城镇特困自测', parameterIds: [SUPPORT_STANDARD_ID.urban, DIBAO_STANDARD_ID.urban] },
  { check: '农村特困（集中供养）自测', parameterIds: [SUPPORT_STANDARD_ID['rural-centralized'], DIBAO_STANDARD_ID.rural] },
  { check: '农村特困（分散供养）自测', parameterIds: [SUPPORT_STANDARD_ID['rural-dispersed'], DIBAO_STANDARD_ID.rural] },
]
