// How notices name the standards, and which parameter (content/parameters.json) each name sets.
// A name is read together with the area (城市/农村/城乡), the way of support (集中/分散供养) and the
// self-care level (半失能…) stated before it in the same sentence.

export type Concept = 'dibao' | 'topup' | 'tekun' | 'care' | 'jingjian'
export type Area = 'urban' | 'rural'
export type Mode = 'centralized' | 'dispersed'
export type Level = 'semi' | 'fully' | 'self'

/** Labels as in content/parameters.json (a test keeps the two in step). */
export const PARAMETER_LABELS = {
  'dibao-urban-standard': '城市居民最低生活保障标准',
  'dibao-urban-average-topup': '城市低保月人均补差水平',
  'dibao-rural-standard': '农村居民最低生活保障标准',
  'dibao-rural-average-topup': '农村低保月人均补差水平',
  'tekun-urban-support': '城镇特困人员供养标准',
  'tekun-rural-centralized': '农村特困人员集中供养标准',
  'tekun-rural-dispersed': '农村特困人员分散供养标准',
  'care-semi-disabled': '半失能特困人员照料护理补助标准',
  'care-fully-disabled': '全失能特困人员照料护理补助标准',
  'jingjian-urban': '城市上世纪60年代精简退职老弱病残职工救济标准',
  'jingjian-rural': '农村上世纪60年代精简退职老弱病残职工救济标准',
} as const

export type ParameterId = keyof typeof PARAMETER_LABELS

export type Term =
  { kind: 'area'; area: Area | 'both' } | { kind: 'concept'; concept: Concept; mode?: Mode } | { kind: 'level'; level: Level }

/** Longest match wins where two start at the same place. Patterns run on normalised (simplified) text. */
export const TERMS: ReadonlyArray<{ pattern: RegExp; term: Term }> = [
  { pattern: /城乡/y, term: { kind: 'area', area: 'both' } },
  { pattern: /城市|城镇|市区/y, term: { kind: 'area', area: 'urban' } },
  { pattern: /农村/y, term: { kind: 'area', area: 'rural' } },
  {
    // 低保对象 / 低保家庭 are the people, not the standard.
    pattern: /(?:居民)?最低生活保障(?:标准)?(?!对象|家庭|户|人员|金)|低保(?:标准)?(?!对象|家庭|户|人员|金)/y,
    term: { kind: 'concept', concept: 'dibao' },
  },
  { pattern: /月?人均(?:补差|补助)(?:水平)?|补差水平/y, term: { kind: 'concept', concept: 'topup' } },
  { pattern: /特困(?:人员)?(?:救助)?(?:基本生活|供养)(?:标准|金)?/y, term: { kind: 'concept', concept: 'tekun' } },
  {
    pattern: /(?:特困(?:人员)?(?:救助)?)?集中供养(?:标准)?/y,
    term: { kind: 'concept', concept: 'tekun', mode: 'centralized' },
  },
  {
    pattern: /(?:特困(?:人员)?(?:救助)?)?分散供养(?:标准)?/y,
    term: { kind: 'concept', concept: 'tekun', mode: 'dispersed' },
  },
  { pattern: /照料护理(?:服务)?(?:补助|补贴)?(?:标准)?|护理补贴(?:标准)?/y, term: { kind: 'concept', concept: 'care' } },
  {
    pattern:
      /(?:上世纪)?(?:60|六十)年代(?:初)?精简退职(?:老弱病残)?职工(?:生活)?(?:救济|补助)?(?:费|标准)?|精简退职(?:老弱病残)?职工(?:生活)?(?:救济|补助)?(?:费|标准)?/y,
    term: { kind: 'concept', concept: 'jingjian' },
  },
  // Self-care levels: notices use 失能, 自理 and 护理 wording for the same two levels.
  {
    pattern: /半失能|半自理|部分失能|部分自理|部分丧失生活自理能力|半护理/y,
    term: { kind: 'level', level: 'semi' },
  },
  {
    pattern: /全失能|完全失能|完全不能自理|完全丧失生活自理能力|全护理|失能/y,
    term: { kind: 'level', level: 'fully' },
  },
  { pattern: /全自理|生活能自理|具备生活自理能力/y, term: { kind: 'level', level: 'self' } },
]

/** The term starting at `index`, if any (the longest). */
export function termAt(text: string, index: number): { term: Term; length: number } | null {
  let best: { term: Term; length: number } | null = null
  for (const { pattern, term } of TERMS) {
    pattern.lastIndex = index
    const m = pattern.exec(text)
    if (m && m[0].length > 0 && (!best || m[0].length > best.length)) best = { term, length: m[0].length }
  }
  return best
}

export interface Subject {
  concept: Concept | null
  areas: Area[]
  mode: Mode | null
  level: Level | null
}

export type Resolution = { ok: true; ids: ParameterId[] } | { ok: false; reason: string }

const AREA_NAMES: Record<Area, string> = { urban: '城市', rural: '农村' }

/** Which parameters a subject names, or why it names none. */
export function resolveSubject(s: Subject): Resolution {
  const areaIds = <T extends ParameterId>(urban: T, rural: T): Resolution =>
    s.areas.length === 0
      ? { ok: false, reason: '没有写明是城市还是农村的标准' }
      : { ok: true, ids: s.areas.map((a) => (a === 'urban' ? urban : rural)) }
  switch (s.concept) {
    case null:
      return { ok: false, reason: '句中的数额没有对应的救助标准' }
    case 'dibao':
      return areaIds('dibao-urban-standard', 'dibao-rural-standard')
    case 'topup':
      return areaIds('dibao-urban-average-topup', 'dibao-rural-average-topup')
    case 'jingjian':
      return areaIds('jingjian-urban', 'jingjian-rural')
    case 'care':
      if (s.level === 'semi') return { ok: true, ids: ['care-semi-disabled'] }
      if (s.level === 'fully') return { ok: true, ids: ['care-fully-disabled'] }
      if (s.level === 'self') return { ok: false, reason: '全自理人员的照料护理补助没有对应的标准项目' }
      return { ok: false, reason: '没有写明是半失能还是全失能人员的照料护理补助' }
    case 'tekun': {
      // 集中/分散供养 are the two rural standards; the urban one is not split.
      if (s.mode) {
        if (s.areas.includes('urban') && !s.areas.includes('rural'))
          return {
            ok: false,
            reason: `城镇特困人员供养标准不分集中、分散，无法对应「${AREA_NAMES.urban}${s.mode === 'centralized' ? '集中' : '分散'}供养」`,
          }
        return { ok: true, ids: [s.mode === 'centralized' ? 'tekun-rural-centralized' : 'tekun-rural-dispersed'] }
      }
      if (s.areas.length === 0) return { ok: false, reason: '没有写明是城镇还是农村的特困人员供养标准' }
      const ids: ParameterId[] = []
      for (const a of s.areas) {
        if (a === 'urban') ids.push('tekun-urban-support')
        else ids.push('tekun-rural-centralized', 'tekun-rural-dispersed')
      }
      return { ok: true, ids }
    }
  }
}
