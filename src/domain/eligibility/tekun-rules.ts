// 《特困人员认定办法》 in the version in force on the date a self-check asks about. 民政部 issued it as
// 民发〔2016〕178号 and again as 民发〔2021〕43号, which widened the disability grades that count as
// 无劳动能力; a check for a 2019 date must cite, and describe, the 2016 text. Neither text is held by
// the app: the article numbers and the 2021 effective date are recorded with what they were read
// from, and marked where they could not be checked against the original.
import type { IsoDate } from '../dates'
import type { Citation } from './citations'

export interface TekunRuleVersion {
  /** the first date this version applies to; null: it applies to every earlier date the app answers for */
  from: IsoDate | null
  /** false when `from` has not been checked against the document itself */
  fromVerified: boolean
  noWorkCapacity: Citation
  noLivelihood: Citation
  noCapableSupporter: Citation
  /** the disability grades this version counts as 无劳动能力, in its own terms */
  disabilityGrades: string
}

const V2016_COPY =
  '本应用未持有民政部发布的原文；条文序号按编者查阅的民发〔2016〕178号转载文本（无劳动能力为第五条、无生活来源为第六条、无履行义务能力为第八条），未与原文逐字核对。'

const V2021_COPY = '本应用未持有民发〔2021〕43号原文，条文序号未能核对，故不写序号；其施行日期按2021年7月1日计，同样未与原文核对。'

// a non-empty tuple: tekunRulesOn always has a first version to fall back on
export const TEKUN_RULE_VERSIONS: readonly [TekunRuleVersion, ...TekunRuleVersion[]] = [
  {
    from: null,
    fromVerified: true,
    noWorkCapacity: {
      sourceId: 'tkry-rdbf',
      docNumber: '民发〔2016〕178号',
      title: '《特困人员认定办法》',
      article: '第五条',
      gist: '60周岁以上的老年人、未满16周岁的未成年人，残疾等级为一、二级的智力、精神残疾人和残疾等级为一级的肢体残疾人，应当认定为无劳动能力。',
      note: V2016_COPY,
    },
    noLivelihood: {
      sourceId: 'tkry-rdbf',
      docNumber: '民发〔2016〕178号',
      title: '《特困人员认定办法》',
      article: '第六条',
      gist: '收入低于当地最低生活保障标准，且财产符合当地特困人员财产状况规定的，应当认定为无生活来源。',
      note: V2016_COPY,
    },
    noCapableSupporter: {
      sourceId: 'tkry-rdbf',
      docNumber: '民发〔2016〕178号',
      title: '《特困人员认定办法》',
      article: '第八条',
      gist: '无法定赡养、抚养、扶养义务人，或者义务人无履行义务能力的，符合这一条件。',
      note: V2016_COPY,
    },
    disabilityGrades: '一、二级智力、精神残疾，一级肢体残疾',
  },
  {
    from: '2021-07-01',
    fromVerified: false,
    noWorkCapacity: {
      sourceId: 'tkry-rdbf-2021',
      docNumber: '民发〔2021〕43号',
      title: '《特困人员认定办法》',
      article: '关于无劳动能力的规定',
      gist: '60周岁以上的老年人、未满16周岁的未成年人，一至三级智力、精神残疾人和一、二级肢体残疾人等，应当认定为无劳动能力。',
      note: V2021_COPY,
    },
    noLivelihood: {
      sourceId: 'tkry-rdbf-2021',
      docNumber: '民发〔2021〕43号',
      title: '《特困人员认定办法》',
      article: '关于无生活来源的规定',
      gist: '收入低于当地最低生活保障标准，且财产符合当地特困人员财产状况规定的，应当认定为无生活来源。',
      note: V2021_COPY,
    },
    noCapableSupporter: {
      sourceId: 'tkry-rdbf-2021',
      docNumber: '民发〔2021〕43号',
      title: '《特困人员认定办法》',
      article: '关于无履行义务能力的规定',
      gist: '无法定赡养、抚养、扶养义务人，或者义务人无履行义务能力的，符合这一条件。',
      note: V2021_COPY,
    },
    disabilityGrades: '一至三级智力、精神残疾，一、二级肢体残疾等',
  },
]

/** The version in force on a date: the latest whose `from` is on or before it. */
export function tekunRulesOn(date: IsoDate): TekunRuleVersion {
  let current = TEKUN_RULE_VERSIONS[0]
  for (const version of TEKUN_RULE_VERSIONS) if (version.from === null || version.from <= date) current = version
  return current
}
