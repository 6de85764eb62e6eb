// SQL and script text to publish as content: for the injection test here, and for the e2e suite to
// check that the app renders it as text (import from here, not from the test file, which would
// register its tests).
import { type ContentPack, contentPackSchema } from '../../src/domain'
import { contentPack } from '../server/helpers'
import { at } from '../../harness/at'

export const INJECTIONS = [
  '<script>alert(1)</script>',
  "'; DROP TABLE content_version; --",
  '<img src=x onerror="alert(2)"><b>粗体</b><a href="javascript:alert(3)">链接</a>',
  '" OR 1=1 --',
  "1'); DELETE FROM content_pointer; --",
  '{{constructor.constructor("alert(4)")()}}',
  '</script><script>alert(5)</script>',
]

/** The repository's pack with every injection string in free-text fields of four sections. */
export function injectedPack(): ContentPack {
  const pack = contentPack()
  pack.meta.version = '2019.6-injection'
  const all = INJECTIONS.join(' ')
  pack.faq.push({
    id: 'injection-test',
    question: `注入测试 ${INJECTIONS[0]}`,
    answer: `答案：${all}`,
    basedOn: [at(pack.parameters, 0).id],
  })
  at(pack.news, 0).title = `新闻 ${INJECTIONS[2]}`
  at(pack.news, 0).paragraphs.push(all)
  at(pack.policies, 0).summary = `${at(pack.policies, 0).summary} ${INJECTIONS[1]} ${INJECTIONS[0]}`
  at(pack.services, 0).fee = `不收费 ${INJECTIONS[4]}`
  return contentPackSchema.parse(pack)
}
