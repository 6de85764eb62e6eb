// Every service guide against the content pack bundled into the app (the real useContent).
import { render, screen, cleanup } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack } from '../../src/domain'
import ServicesPage from '../../src/pages/services/index'
import ServiceDetail from '../../src/packages/service/detail/index'

const pack = bundled.pack as ContentPack

beforeEach(() => Taro.clearStorageSync())

it('lists every service with its mode in words', () => {
  render(<ServicesPage />)
  const cards = screen.getAllByRole('link').filter((el) => el.classList.contains('service-card'))
  expect(cards).toHaveLength(pack.services.length)
  for (const card of cards) expect(card.textContent).toMatch(/一次不跑|只跑一次|需到现场/)
})

it.each(pack.services.map((s) => [s.id]))('service %s renders its checklist and the right source banner', (id) => {
  const service = pack.services.find((s) => s.id === id)!
  Current.router = { params: { id }, path: '/packages/service/detail/index' } as unknown as typeof Current.router
  render(<ServiceDetail />)
  expect(screen.getByText(service.name)).toBeTruthy()
  expect(screen.queryAllByRole('checkbox')).toHaveLength(service.materials.length)
  expect(document.body.textContent?.includes('信息仅供参考，以办事大厅公布为准')).toBe(!service.source.verified)
  cleanup()
})
