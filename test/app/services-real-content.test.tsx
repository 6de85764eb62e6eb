// Every service guide against the content pack bundled into the app (the real useContent).
import { render, screen, cleanup } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import bundled from '../../src/generated/bundled-content.json'
import type { ContentPack } from '../../src/domain'
import ServicesPage from '../../src/pages/services/index'
import ServiceDetail from '../../src/subpackages/service/detail/index'
import { at } from '../../harness/at'

const pack = bundled.pack as ContentPack

beforeEach(() => Taro.clearStorageSync())

it('lists every service with its mode in words', () => {
  render(<ServicesPage />)
  const cards = screen.getAllByRole('link').filter((el) => el.classList.contains('service-card'))
  expect(cards).toHaveLength(pack.services.length)
  for (const card of cards) expect(card.textContent).toMatch(/一次不跑|只跑一次|需到现场/)
  // each badge carries the detail page's caveat when the guide is not checked with the office
  cards.forEach((card, i) =>
    expect(card.textContent?.includes('办理方式仅供参考，以办事大厅公布为准')).toBe(!at(pack.services, i).source.verified),
  )
})

it('offers only filters that match something, and promises no processing time no guide states', () => {
  render(<ServicesPage />)
  const modes = new Set(pack.services.map((s) => s.mode))
  for (const [mode, label] of [
    ['yici-bupao', '一次不跑'],
    ['zhi-pao-yici', '只跑一次'],
    ['onsite', '需到现场'],
  ] as const) {
    expect(screen.queryAllByRole('radio', { name: new RegExp(`^${label}`) }).length).toBe(modes.has(mode) ? 1 : 0)
  }
  expect(screen.queryAllByRole('radio', { name: /（0项）/ })).toEqual([])
  expect(document.body.textContent).not.toContain('多久办好')
  expect(document.body.textContent).toContain('办理时限以办事大厅公布为准')
})

it.each(pack.services.map((s) => [s.id]))('service %s renders its checklist and the right source banner', (id) => {
  const service = pack.services.find((s) => s.id === id)!
  Current.router = { params: { id }, path: '/subpackages/service/detail/index' } as unknown as typeof Current.router
  render(<ServiceDetail />)
  expect(screen.getByText(service.name)).toBeTruthy()
  expect(screen.queryAllByRole('checkbox')).toHaveLength(service.materials.length)
  expect(document.body.textContent?.includes('信息仅供参考，以办事大厅公布为准')).toBe(!service.source.verified)
  // sentences from the content are joined once: never 「为准。；」
  expect(document.body.textContent).not.toMatch(/[。！？][；，]/)
  cleanup()
})
