// 城市 or 农村, the first question of both self-checks, in the words the rules use for the result.
import { type Area, AREA_LABEL } from '../../domain'

export const AREA_OPTIONS: readonly { value: Area; label: string }[] = (['urban', 'rural'] as const).map((value) => ({
  value,
  label: AREA_LABEL[value],
}))
