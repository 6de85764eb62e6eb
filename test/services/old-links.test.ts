// Links from before the move of packages/ to subpackages/ (share cards, copied links, bookmarks)
// open the same page with the same query (src/services/old-links.ts).
import Taro from '@tarojs/taro'
import { installOldLinks, movedHref, movedPage, openInsteadOfMissing } from '../../src/services/old-links'

afterEach(() => jest.restoreAllMocks())

it('maps an old page to its new one, and nothing else', () => {
  expect(movedPage('packages/policy/detail/index')).toBe('subpackages/policy/detail/index')
  expect(movedPage('/packages/assess/dibao/index')).toBe('subpackages/assess/dibao/index')
  expect(movedPage('packages/no-such/index')).toBeNull()
  expect(movedPage('subpackages/policy/detail/index')).toBeNull()
  expect(movedPage('pages/index/index')).toBeNull()
})

it('weapp: an old share card opens the new page with its query; another missing page opens 首页', () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation((() => Promise.resolve()) as never)
  const relaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation((() => Promise.resolve()) as never)
  openInsteadOfMissing({ path: 'packages/policy/detail/index', query: { id: 'relief-standards-2019', section: 'a%20b' } })
  expect(redirect).toHaveBeenCalledWith({ url: '/subpackages/policy/detail/index?id=relief-standards-2019&section=a%20b' })
  openInsteadOfMissing({ path: 'pages/gone/index', query: {} })
  expect(relaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
})

it('weapp: the listener is registered at start', () => {
  const previous = process.env.TARO_ENV
  const listen = jest.spyOn(Taro, 'onPageNotFound').mockImplementation(() => undefined)
  try {
    process.env.TARO_ENV = 'weapp'
    installOldLinks()
  } finally {
    process.env.TARO_ENV = previous
  }
  expect(listen).toHaveBeenCalledWith(openInsteadOfMissing)
})

it('H5: rewrites an old hash or path route, keeping the query', () => {
  expect(movedHref({ pathname: '/', search: '', hash: '#/packages/policy/detail/index?id=x&section=y' })).toBe(
    '/#/subpackages/policy/detail/index?id=x&section=y',
  )
  expect(movedHref({ pathname: '/packages/community/index', search: '?faq=f1', hash: '' })).toBe('/subpackages/community/index?faq=f1')
  expect(movedHref({ pathname: '/', search: '', hash: '#/subpackages/policy/detail/index?id=x' })).toBeNull()
  expect(movedHref({ pathname: '/', search: '', hash: '#/packages/unknown/index' })).toBeNull()
  expect(movedHref({ pathname: '/', search: '', hash: '' })).toBeNull()
})

it('H5: at start the address bar is rewritten in place, without a new history entry', () => {
  window.history.replaceState(null, '', '/#/packages/standards/detail/index?id=dibao-urban-standard')
  const entries = window.history.length
  installOldLinks()
  expect(window.location.hash).toBe('#/subpackages/standards/detail/index?id=dibao-urban-standard')
  expect(window.history.length).toBe(entries)
})
