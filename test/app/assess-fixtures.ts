// Shared by the self-check, policy, service and community page tests: the bundled pack's real
// parameters and sources plus small synthetic policies, services, FAQ and news (the real ones are
// being written), a fixed "today", and helpers to type into Taro inputs under jsdom.
import { fireEvent } from '@testing-library/react'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack, Policy, Service } from '../../src/domain'
import type { UseContent } from '../../src/hooks/use-content'

const real = bundled.pack as ContentPack

export const dibaoService: Service = {
  id: 'dibao-application',
  name: '最低生活保障申请',
  department: '景德镇市民政局',
  mode: 'zhi-pao-yici',
  applicants: '共同生活的家庭成员人均收入低于当地低保标准的家庭',
  conditions: ['家庭人均收入低于当地低保标准', '家庭财产符合规定'],
  materials: [
    { id: 'id-card', name: '居民身份证', copies: 1, form: 'original-and-copy' },
    { id: 'hukou', name: '户口簿', copies: 1, form: 'original-and-copy' },
    { id: 'authorization', name: '江西省社会救助申请及核对授权书', copies: 1, form: 'original', note: '共同生活的家庭成员都要签字' },
  ],
  steps: [
    { title: '申请', detail: '向户籍所在地乡镇（街道）提出书面申请' },
    { title: '审核', detail: '入户调查、核对家庭经济状况' },
  ],
  timeLimit: { statutory: '30个工作日', promised: '20个工作日' },
  fee: '不收费',
  channels: [
    { kind: 'online', name: '赣服通', detail: '在赣服通App“社会救助”栏目在线申请' },
    { kind: 'window', name: '乡镇（街道）便民服务中心', detail: '工作日到窗口提交材料' },
    { kind: 'phone', name: '12345政务服务便民热线', detail: '咨询办理进度' },
  ],
  legalBasis: ['《社会救助暂行办法》（国务院令第649号）第九条至第十三条'],
  office: {
    name: '昌江区西郊街道便民服务中心',
    address: '景德镇市昌江区示例路1号',
    hours: '工作日 8:30-12:00，14:30-17:30',
    phone: '0798-8888888',
  },
  relatedParameterIds: ['dibao-urban-standard', 'dibao-rural-standard'],
  source: { description: '根据《社会救助暂行办法》和本市办事指南整理（测试数据）', verified: false },
}

export const tempService: Service = {
  ...dibaoService,
  id: 'temporary-assistance',
  name: '临时救助申请',
  mode: 'yici-bupao',
  materials: [{ id: 'id-card', name: '居民身份证', copies: 1, form: 'copy' }],
  relatedParameterIds: [],
  source: { description: '市民政局公布的办事指南（测试数据）', verified: true },
}

export const onsiteService: Service = {
  ...dibaoService,
  id: 'tekun-application',
  name: '特困人员供养申请',
  department: '景德镇市民政局',
  mode: 'onsite',
  relatedParameterIds: ['tekun-urban-support'],
}

export const policy: Policy = {
  id: 'fangguanfu-2019',
  sourceId: 'jfz-2019-16',
  title: '景德镇市人民政府关于印发深入推进“放管服”改革加快政府职能转变若干措施的通知',
  docNumber: '景府字〔2019〕16号',
  issuer: '景德镇市人民政府',
  issuedOn: '2019-06-06',
  openness: '此件主动公开',
  topics: ['放管服', '政务服务'],
  summary: '市政府推出一批“放管服”改革措施，让群众办事少跑腿。',
  keyPoints: [
    { kind: 'for-me', text: '更多事项可以网上办、一次办。' },
    { kind: 'who', text: '市行政审批局牵头。' },
    { kind: 'when', text: '2019年底前完成。' },
    { kind: 'what', text: '推行“一次不跑”“只跑一次”。' },
  ],
  milestones: [
    { date: '2019-06-30', title: '公布清单', quote: '6月底前公布“一次不跑”事项清单', responsible: '市行政审批局' },
    { date: '2019-12-31', title: '全面推行', quote: '年底前全面推行“只跑一次”', responsible: '各县（市、区）政府' },
  ],
  sections: [
    {
      id: 'intro',
      heading: '通知',
      paragraphs: ['各县（市、区）人民政府，市政府各部门：', '现将若干措施印发给你们，请认真贯彻执行。'],
      tables: [],
    },
    {
      id: 'measures',
      heading: '若干措施',
      paragraphs: ['一、推进“一次不跑”改革。'],
      tables: [
        { title: '附件1 任务分工表', columns: ['任务', '责任单位', '完成时限'], rows: [['公布事项清单', '市行政审批局', '2019年6月底']] },
      ],
    },
  ],
}

export const policy2: Policy = {
  ...policy,
  id: 'jiuzhu-2019',
  sourceId: 'jfbz-2019-35',
  title: '景德镇市人民政府办公室关于提高2019年城乡困难群众救助标准的通知',
  docNumber: '景府办字〔2019〕35号',
  issuer: '景德镇市人民政府办公室',
  issuedOn: '2019-06-28',
  topics: ['社会救助'],
  summary: '从2019年1月1日起提高低保、特困等救助标准。',
  milestones: [],
}

export function testPack(overrides: Partial<ContentPack> = {}): ContentPack {
  return {
    ...real,
    services: [dibaoService, tempService, onsiteService],
    policies: [policy, policy2],
    faq: [
      {
        id: 'dibao-standard-2019',
        question: '2019年城市低保标准是多少？',
        answer: '每人每月660元，从2019年1月1日起执行。',
        basedOn: ['dibao-urban-standard'],
      },
      { id: 'who-applies', question: '低保到哪里申请？', answer: '向户籍所在地的乡镇人民政府（街道办事处）申请。', basedOn: ['shjz-zxbf'] },
    ],
    news: [
      {
        id: 'meeting-51',
        title: '市政府召开第51次常务会议',
        date: '2019-06-21',
        source: '《景德镇市人民政府公报》2019年第6期',
        paragraphs: ['会议研究提高城乡困难群众救助标准。', '会议还研究了其他事项。'],
      },
      {
        id: 'meeting-50',
        title: '市政府召开第50次常务会议',
        date: '2019-06-05',
        source: '《景德镇市人民政府公报》2019年第6期',
        paragraphs: ['会议研究了“放管服”改革。'],
      },
    ],
    ...overrides,
  }
}

let current: ContentPack = testPack()
export function setPack(pack: ContentPack): void {
  current = pack
}

/** What the mocked useContent returns. */
export function mockContent(): UseContent<ContentPack> {
  return {
    pack: current,
    status: { origin: 'bundled', version: current.meta.version, asOf: current.meta.asOf, offline: false, refreshing: false, message: null },
    refresh: async () => {},
  }
}

/** Fake only Date (not timers, which React and testing-library need). */
export function setToday(isoDate: string): void {
  jest.useFakeTimers({
    now: new Date(`${isoDate}T04:00:00Z`),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'hrtime',
      'performance',
    ],
  })
}

/** Type into a NutUI/Taro input found by its accessible name (a taro-input-core has no <input> under jsdom). */
export function typeInto(container: HTMLElement, label: RegExp, value: string): void {
  const inputs = Array.from(container.querySelectorAll('taro-input-core'))
  const input = inputs.find((el) => label.test(el.getAttribute('aria-label') ?? ''))
  if (!input) throw new Error(`no input labelled ${label}`)
  fireEvent(input, new CustomEvent('input', { detail: { value } }))
}
