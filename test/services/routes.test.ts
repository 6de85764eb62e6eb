// The routes table (src/routes.ts): the URLs its builders make, and app.config declaring exactly its
// pages, each with a page file, so the table and the build cannot drift apart.
import fs from 'node:fs'
import path from 'node:path'
import { PAGE_PATHS, TAB_PAGES, TAB_PAGE_PATHS, pageUrl, routes } from '../../src/routes'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string; iconPath: string; selectedIconPath: string }[] }
}

function appConfig(): AppConfig {
  // app.config.ts calls Taro's global defineAppConfig, which only the build provides
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig ??= (c) => c
  return require('../../src/app.config').default as AppConfig
}

it('builds each URL with its query encoded, leaving out what is not given', () => {
  expect(routes.policyDetail({ id: 'relief-standards-2019' })).toBe('/subpackages/policy/detail/index?id=relief-standards-2019')
  expect(routes.policyDetail({ id: 'a b', section: 's&1=2' })).toBe('/subpackages/policy/detail/index?id=a%20b&section=s%261%3D2')
  expect(routes.standardDetail({ id: 'dibao-urban-standard' })).toBe('/subpackages/standards/detail/index?id=dibao-urban-standard')
  expect(routes.serviceDetail({ id: '办事/1' })).toBe(`/subpackages/service/detail/index?id=${encodeURIComponent('办事/1')}`)
  expect(routes.search()).toBe('/subpackages/search/index')
  expect(routes.search({ q: '  ' })).toBe('/subpackages/search/index')
  expect(routes.search({ q: ' 低保 标准 ' })).toBe(`/subpackages/search/index?q=${encodeURIComponent('低保 标准')}`)
  expect(routes.community({ faq: 'faq-1' })).toBe('/subpackages/community/index?faq=faq-1')
  expect(routes.sources()).toBe('/subpackages/about/sources/index')
  expect(routes.home()).toBe('/pages/index/index')
  expect(pageUrl('subpackages/assess/dibao/index', { a: '', b: undefined })).toBe('/subpackages/assess/dibao/index')
})

it('every builder opens a page the table declares', () => {
  const sample = { id: 'x' }
  for (const [name, build] of Object.entries(routes)) {
    const url = (build as (q: typeof sample) => string)(sample)
    expect([name, PAGE_PATHS.includes(url.slice(1).split('?')[0] as never)]).toEqual([name, true])
  }
})

it('app.config declares exactly the pages of the table, each with its page file, tabs in order', () => {
  const config = appConfig()
  const declared = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  expect(declared).toEqual([...PAGE_PATHS])
  expect(config.pages).toEqual([...TAB_PAGE_PATHS])
  expect(config.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual([...TAB_PAGES])
  for (const page of PAGE_PATHS) {
    expect([page, fs.existsSync(path.join(__dirname, '../../src', `${page}.tsx`))]).toEqual([page, true])
  }
  for (const tab of config.tabBar.list) {
    for (const icon of [tab.iconPath, tab.selectedIconPath])
      expect([icon, fs.existsSync(path.join(__dirname, '../../src', icon))]).toEqual([icon, true])
  }
})
