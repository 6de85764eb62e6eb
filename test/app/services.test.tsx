import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ServicesPage from '../../src/pages/services/index'
import { setPack, testPack, typeInto } from './assess-fixtures'

jest.mock('../../src/hooks/use-content', () => ({ useContent: () => jest.requireActual('./assess-fixtures').mockContent() }))
jest.mock('../../src/hooks/use-full-content', () => ({ useFullContent: () => jest.requireActual('./assess-fixtures').mockContent() }))

beforeEach(() => setPack(testPack()))
afterEach(() => jest.restoreAllMocks())

const names = () =>
  screen
    .getAllByRole('link')
    .filter((el) => el.classList.contains('service-card'))
    .map((el) => el.querySelector('.service-card__name')?.textContent)

it('filters by mode, with the mode in words on each item', () => {
  render(<ServicesPage />)
  expect(names()).toEqual(['最低生活保障申请', '临时救助申请', '特困人员供养申请'])
  expect(screen.getByRole('radio', { name: /^全部（3项）/ })).toBeTruthy()
  fireEvent.click(screen.getByRole('radio', { name: /^一次不跑/ }))
  expect(names()).toEqual(['临时救助申请'])
  expect(screen.getByRole('radio', { name: /^一次不跑（1项），已选/ }).getAttribute('aria-checked')).toBe('true')
  fireEvent.click(screen.getByRole('radio', { name: /^只跑一次/ }))
  expect(names()).toEqual(['最低生活保障申请'])
  fireEvent.click(screen.getByRole('radio', { name: /^需到现场/ }))
  expect(names()).toEqual(['特困人员供养申请'])
  const card = screen.getAllByRole('link').find((el) => el.classList.contains('service-card')) as HTMLElement
  expect(card.textContent).toContain('需到现场')
  expect(card.textContent).toContain('景德镇市民政局')
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  fireEvent.click(card)
  expect(navigate).toHaveBeenCalledWith({ url: '/subpackages/service/detail/index?id=tekun-application' })
})

it('searches by name and shows an empty state with a way out', () => {
  const { container } = render(<ServicesPage />)
  typeInto(container, /搜索办事事项/, '临时')
  expect(names()).toEqual(['临时救助申请'])
  typeInto(container, /搜索办事事项/, '护照')
  expect(screen.getByText('没有找到符合条件的事项')).toBeTruthy()
  fireEvent.click(screen.getByText('清除筛选'))
  expect(names()).toHaveLength(3)
})

it('with no services yet, offers the 12345 hotline', () => {
  setPack(testPack({ services: [] }))
  const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve() as never)
  render(<ServicesPage />)
  expect(screen.getByText('暂时还没有办事指南')).toBeTruthy()
  fireEvent.click(screen.getByText('拨打 12345'))
  expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
})
