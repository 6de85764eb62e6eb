// The launch's content check waits for the first page to be on screen (src/services/first-page.ts):
// on a slow phone its request and answer must not compete with that page's first render.
import { waitFor } from '@testing-library/react'
import type TaroType from '@tarojs/taro'

/** A fresh module registry (Taro included): the first-page promise and the store are per launch. */
function launch() {
  let modules!: { startContentSync: () => void; notePageOnScreen: () => void; request: jest.SpyInstance }
  jest.isolateModules(() => {
    const Taro = (jest.requireActual('@tarojs/taro') as { default: typeof TaroType }).default
    Taro.clearStorageSync()
    modules = {
      // a request that never answers: only whether it was made matters here
      request: jest.spyOn(Taro, 'request').mockImplementation((() => new Promise(() => undefined)) as never),
      startContentSync: (jest.requireActual('../../src/hooks/use-content') as typeof import('../../src/hooks/use-content'))
        .startContentSync,
      notePageOnScreen: (jest.requireActual('../../src/services/first-page') as typeof import('../../src/services/first-page'))
        .notePageOnScreen,
    }
  })
  return modules
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))
const urls = (request: jest.SpyInstance) => request.mock.calls.map((c) => (c[0] as { url: string }).url)

it('asks the server nothing until the first page is on screen, then once', async () => {
  const { startContentSync, notePageOnScreen, request } = launch()
  startContentSync()
  await settle()
  expect(request).not.toHaveBeenCalled()

  notePageOnScreen()
  await waitFor(() => expect(urls(request)).toEqual(['/api/v1/content/manifest']))

  // later pages, and a second start, do not check again
  notePageOnScreen()
  startContentSync()
  await settle()
  expect(urls(request)).toEqual(['/api/v1/content/manifest'])
})

it('a page already on screen when the launch hook runs lets the check begin at once', async () => {
  const { startContentSync, notePageOnScreen, request } = launch()
  notePageOnScreen()
  startContentSync()
  await waitFor(() => expect(urls(request)).toEqual(['/api/v1/content/manifest']))
})
