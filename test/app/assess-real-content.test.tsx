// The self-checks against the content pack bundled into the app (the real useContent, no mocks).
import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DibaoPage from '../../src/subpackages/assess/dibao/index'
import TekunPage from '../../src/subpackages/assess/tekun/index'
import { setToday, typeInto } from './assess-fixtures'
import { at } from '../../harness/at'

beforeEach(() => {
  Taro.clearStorageSync()
  setToday('2019-07-01')
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

it.each([
  ['城市', '3', '1500', /每月约\s*480\s*元/],
  ['农村', '4', '1700', /暂不符合低保的收入条件/],
  ['农村', '2', '500', /每月约\s*300\s*元/],
])('低保 %s %s人 %s元', (area, size, income, expected) => {
  const { container } = render(<DibaoPage />)
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${area}`) }))
  typeInto(container, /^家庭人口/, size)
  typeInto(container, /^家庭月收入/, income)
  fireEvent.click(screen.getByText('计算'))
  const box = container.querySelector('#dibao-result') as HTMLElement
  expect(box.textContent).toMatch(expected)
  // the real service guide has the 低保 application: the result links to it
  expect(within(box).getByRole('link', { name: /查看办事指南：.*低保/ })).toBeTruthy()
})

it('特困: a 70-year-old in the city, 全失能, no income, no supporter → 2050 元', () => {
  const { container } = render(<TekunPage />)
  fireEvent.click(screen.getByRole('radio', { name: /^城市/ }))
  typeInto(container, /^本人年龄/, '70')
  fireEvent.click(screen.getByText('下一步'))
  typeInto(container, /^本人每月收入/, '0')
  fireEvent.click(screen.getByRole('radio', { name: /^没有/ }))
  fireEvent.click(screen.getByText('下一步'))
  fireEvent.click(screen.getByRole('radio', { name: /^全失能/ }))
  fireEvent.click(screen.getByText('计算'))
  const box = container.querySelector('#tekun-result') as HTMLElement
  expect(box.textContent).toContain('850 元 + 照料护理补助 1200 元 = 2050 元')
  expect(within(box).getAllByRole('link', { name: /查看办事指南/ }).length).toBeGreaterThan(0)
})

it('特困: the 认定办法 citation shows its article from the 2016 text and says which copy it was read from', () => {
  const { container } = render(<TekunPage />)
  fireEvent.click(screen.getByRole('radio', { name: /^城市/ }))
  typeInto(container, /^本人年龄/, '70')
  fireEvent.click(screen.getByText('下一步'))
  typeInto(container, /^本人每月收入/, '0')
  fireEvent.click(screen.getByRole('radio', { name: /^没有/ }))
  fireEvent.click(screen.getByText('下一步'))
  fireEvent.click(screen.getByRole('radio', { name: /^全失能/ }))
  fireEvent.click(screen.getByText('计算'))
  const box = container.querySelector('#tekun-result') as HTMLElement
  const toggle = at(within(box).getAllByRole('button', { name: /《特困人员认定办法》第五条（民发〔2016〕178号）/ }), 0)
  fireEvent.click(toggle)
  expect(box.textContent).toContain('说明：本应用未持有民政部发布的原文；条文序号按编者查阅的民发〔2016〕178号转载文本')
  expect(box.textContent).toContain('一、二级智力、精神残疾，一级肢体残疾')
})
