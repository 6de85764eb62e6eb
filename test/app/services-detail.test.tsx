import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import ServiceDetail from '../../src/subpackages/service/detail/index'
import { checklistKey } from '../../src/services/storage-keys'
import { setPack, setToday, testPack } from './assess-fixtures'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

function open(id: string) {
  Current.router = { params: { id }, path: '/subpackages/service/detail/index' } as unknown as typeof Current.router
  return render(<ServiceDetail />)
}

beforeEach(() => {
  Taro.clearStorageSync()
  setPack(testPack())
  setToday('2019-07-01')
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const item = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLElement

it('shows the sections, the unverified banner and tap-to-call', () => {
  const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve() as never)
  open('dibao-application')
  const text = document.body.textContent ?? ''
  for (const heading of ['办理条件', '申请材料', '办理流程', '办理时限和收费', '在哪里办', '办理依据', '相关救助标准'])
    expect(text).toContain(heading)
  expect(text).toContain('信息仅供参考，以办事大厅公布为准')
  expect(text).toContain('根据《社会救助暂行办法》和本市办事指南整理（测试数据）')
  expect(text).toContain('法定时限：30个工作日')
  expect(text).toContain('承诺时限：20个工作日')
  expect(text).toContain('赣服通')
  // on H5 the online channel is a link to its website
  const windowOpen = jest.spyOn(window, 'open').mockImplementation(() => null)
  fireEvent.click(screen.getByRole('link', { name: '打开赣服通网站（新窗口）' }))
  expect(windowOpen).toHaveBeenCalledWith('https://ganfutong.jiangxi.gov.cn/', '_blank', 'noopener,noreferrer')
  fireEvent.click(screen.getByRole('button', { name: /拨打昌江区西郊街道便民服务中心电话/ }))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '0798-8888888' })
  fireEvent.click(screen.getByRole('button', { name: '拨打12345政务服务便民热线' }))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(screen.getByRole('link', { name: /^城市居民最低生活保障标准：660元每人每月/ }))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/standards/detail/index?id=dibao-urban-standard' })
  fireEvent.click(screen.getByRole('link', { name: /低保自测/ }))
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/assess/dibao/index' })
})

it('a verified service shows its source without the warning', () => {
  open('temporary-assistance')
  expect(document.body.textContent).not.toContain('信息仅供参考')
  expect(document.body.textContent).toContain('信息来源：市民政局公布的办事指南（测试数据）')
})

it('a ticked material survives leaving and coming back, and 清空勾选 clears it', () => {
  const first = open('dibao-application')
  expect(screen.getByText('已准备 0 项，共 3 项')).toBeTruthy()
  fireEvent.click(within(item(/^户口簿/)).getByText('户口簿'))
  expect(screen.getByText('已准备 1 项，共 3 项')).toBeTruthy()
  expect(Taro.getStorageSync(checklistKey('dibao-application'))).toEqual(['hukou'])
  first.unmount()

  open('dibao-application')
  expect(item(/^户口簿/).getAttribute('aria-checked')).toBe('true')
  expect(item(/^居民身份证/).getAttribute('aria-checked')).toBe('false')
  expect(screen.getByText('已准备 1 项，共 3 项')).toBeTruthy()
  fireEvent.click(screen.getByText('清空勾选'))
  expect(screen.getByText('已准备 0 项，共 3 项')).toBeTruthy()
  expect(Taro.getStorageSync(checklistKey('dibao-application'))).toBe('')
})

it('ignores a damaged checklist entry', () => {
  Taro.setStorageSync(checklistKey('dibao-application'), { not: 'a list' })
  open('dibao-application')
  expect(screen.getByText('已准备 0 项，共 3 项')).toBeTruthy()
})

it('an unknown id says so and offers a way back', () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve() as never)
  open('nope')
  expect(screen.getByText('没有找到这个办事事项')).toBeTruthy()
  fireEvent.click(screen.getByText('返回办事指南'))
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' })
})
