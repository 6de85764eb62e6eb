// Legal bases of the eligibility rules. The figures come from the city's notice (in the gazette);
// the rules themselves come from national regulations, cited by article. For those we keep the
// gist of the article, marked as such, rather than claim a verbatim quote we cannot check here.
import type { Reference } from '../schema'

export interface Citation {
  sourceId: string
  docNumber: string
  /** short title shown in the app, e.g. 《社会救助暂行办法》 */
  title: string
  article: string
  /** what the article says, in brief */
  gist: string
  /** what was not checked against the original: which copy the article number was read from, an unverified date */
  note?: string
}

export const LAW = {
  dibaoEntitlement: {
    sourceId: 'shjz-zxbf',
    docNumber: '国务院令第649号',
    title: '《社会救助暂行办法》',
    article: '第九条',
    gist: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地家庭财产状况规定的家庭，给予最低生活保障。',
  },
  dibaoApplication: {
    sourceId: 'shjz-zxbf',
    docNumber: '国务院令第649号',
    title: '《社会救助暂行办法》',
    article: '第十一条',
    gist: '由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请；经调查核实、公示后，由县级人民政府民政部门审批。',
  },
  dibaoAllowance: {
    sourceId: 'shjz-zxbf',
    docNumber: '国务院令第649号',
    title: '《社会救助暂行办法》',
    article: '第十二条',
    gist: '按照共同生活的家庭成员人均收入低于当地最低生活保障标准的差额，按月发给最低生活保障金。',
  },
  tekunEntitlement: {
    sourceId: 'shjz-zxbf',
    docNumber: '国务院令第649号',
    title: '《社会救助暂行办法》',
    article: '第十四条',
    gist: '对无劳动能力、无生活来源且无法定赡养、抚养、扶养义务人，或者其义务人无赡养、抚养、扶养能力的老年人、残疾人以及未满16周岁的未成年人，给予特困人员供养。',
  },
} as const satisfies Record<string, Citation>

/** A parameter value's reference, in the citation form the steps use. */
export function citationOf(reference: Reference, title: string): Citation {
  return {
    sourceId: reference.sourceId,
    docNumber: reference.docNumber,
    title,
    article: reference.article,
    gist: reference.quote,
  }
}
