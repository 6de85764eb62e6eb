// The range a monthly standard (元/人/月) can plausibly take, by group. A figure outside it is far
// more likely a typing slip (660 → 660000, a yearly figure entered as monthly) than a real standard,
// so the validator refuses it. The bounds are wide on purpose: they catch slips, not policy.
import type { ParameterGroup } from './schema'
import type { Fen } from './money'

export const PLAUSIBLE_MONTHLY_FEN: Record<ParameterGroup, { min: Fen; max: Fen }> = {
  dibao: { min: 50_00, max: 3000_00 },
  tekun: { min: 100_00, max: 5000_00 },
  care: { min: 10_00, max: 5000_00 },
  jingjian: { min: 50_00, max: 5000_00 },
}
