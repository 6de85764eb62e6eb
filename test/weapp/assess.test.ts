// The 低保 and 特困 self-checks on weapp, done the way a person does them: taps on the choices, typing
// into the fields, 下一步 and 计算; the same cases as test/app/assess-*.test.tsx (H5 runtime in
// jsdom), here through the production build and WeChat's event path.
import { ensureWeappBuild } from '../../harness/weapp/build'
import { type MiniProgram, launch } from '../../harness/weapp/mini-program'

// each launch evaluates the whole production bundle: seconds on a busy machine
jest.setTimeout(60_000)

let dist: string
let mp: MiniProgram

beforeAll(() => {
  dist = ensureWeappBuild()
}, 600_000)
afterEach(() => mp.close())

async function openCheck(route: string) {
  mp = await launch({ dist })
  await mp.tap(route === 'dibao' ? '低保自测' : '特困自测')
  expect(mp.page().route).toBe(`subpackages/assess/${route}/index`)
}

/** A choice: its mark (○ or ●) and label start the option's text. */
const choose = (label: string) => mp.tap(new RegExp(`^[○●]${label}`))

function householdFiguresNeverSent(...figures: string[]) {
  for (const entry of mp.http.log) for (const figure of figures) expect(entry.url).not.toContain(figure)
}

describe('低保自测', () => {
  it('urban, 3 people, 1500 元 → 每月约 480 元, with the calculation and its sources', async () => {
    await openCheck('dibao')
    await choose('城市')
    await mp.input('家庭人口', '3')
    await mp.input('家庭月收入', '1500')
    await mp.tap(/^计算$/)
    const result = mp.textById('dibao-result')
    expect(result).toMatch(/每月约\s*480\s*元/)
    expect(result).toContain('按2019年1月1日起执行的标准计算')
    expect(result).toContain('1500 ÷ 3 = 500 元')
    expect(result).toContain('660 × 3 − 1500 = 480 元')
    expect(result).toContain('来源：景府办字〔2019〕35号 第（一）项')
    householdFiguresNeverSent('1500')
    // the figure's source opens the standard's page
    await mp.tap('来源：景府办字〔2019〕35号 第（一）项')
    expect(mp.page().route).toBe('subpackages/standards/detail/index')
    expect(mp.page().options).toEqual({ id: 'dibao-urban-standard' })
    expect(mp.errors).toEqual([])
  })

  it('rural, 4 people, 1700 元 → above the standard, with alternatives instead of a flat no', async () => {
    await openCheck('dibao')
    await choose('农村')
    await mp.input('家庭人口', '4')
    await mp.input('家庭月收入', '1700')
    await mp.tap(/^计算$/)
    const result = mp.textById('dibao-result')
    expect(result).toContain('暂不符合低保的收入条件')
    expect(result).toContain('家庭人均月收入约 425 元，高于农村低保标准 400 元/人/月')
    expect(result).toContain('临时救助')
    expect(result).not.toMatch(/每月约/)
    expect(mp.errors).toEqual([])
  })

  it('shows each validation message and no result', async () => {
    await openCheck('dibao')
    await mp.input('家庭人口', '0')
    await mp.tap(/^计算$/)
    const text = mp.text()
    expect(text).toContain('请选择城市或农村')
    expect(text).toContain('家庭人口应在 1 到 20 之间')
    expect(text).toContain('请填写家庭月收入（元），没有收入请填 0')
    expect(mp.textById('dibao-result')).toBe('')
  })
})

describe('特困人员自测', () => {
  it('a 70-year-old in the city, 全失能, no income, no supporter → 850 + 1200 = 2050 元', async () => {
    await openCheck('tekun')
    await choose('城市')
    await mp.input('本人年龄', '70')
    // 60周岁以上 settles work capacity: the question is not asked
    expect(mp.text()).not.toContain('本人有劳动能力吗？')
    await mp.tap(/^下一步$/)
    await mp.input('本人每月收入', '0')
    await choose('没有')
    await mp.tap(/^下一步$/)
    await choose('全失能')
    await mp.tap(/^计算$/)
    const result = mp.textById('tekun-result')
    expect(result).toMatch(/每月约\s*2050\s*元/)
    expect(result).toContain('基本生活供养 850 元 + 照料护理补助 1200 元 = 2050 元')
    expect(result).toContain('无劳动能力：符合')
    householdFiguresNeverSent('70')
    expect(mp.errors).toEqual([])
  })

  it('rural 分散供养, semi-disabled → 400 + 300 = 700 元', async () => {
    await openCheck('tekun')
    await choose('农村')
    await choose('分散供养')
    await mp.input('本人年龄', '65')
    await mp.tap(/^下一步$/)
    await mp.input('本人每月收入', '100')
    await choose('没有')
    await mp.tap(/^下一步$/)
    await choose('半失能')
    await mp.tap(/^计算$/)
    expect(mp.textById('tekun-result')).toContain('基本生活供养 400 元 + 照料护理补助 300 元 = 700 元')
    expect(mp.errors).toEqual([])
  })

  it('someone with a capable supporter gets the alternatives, not a flat no', async () => {
    await openCheck('tekun')
    await choose('城市')
    await mp.input('本人年龄', '45')
    await choose('没有劳动能力')
    await mp.tap(/^下一步$/)
    await mp.input('本人每月收入', '0')
    await choose('有')
    await mp.tap(/^下一步$/)
    await choose('能自理')
    await mp.tap(/^计算$/)
    const result = mp.textById('tekun-result')
    expect(result).toContain('三个条件还没有同时符合')
    expect(result).toContain('无法定义务人或义务人无能力：不符合')
    expect(result).toContain('低保自测')
    expect(mp.errors).toEqual([])
  })
})
