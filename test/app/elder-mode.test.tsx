// 长辈版: one persisted setting for every page, following WeChat's large font on first launch only;
// and the stylesheet rules that make it 长辈版 (MIIT 适老化 sizes).
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import { execFileSync } from 'child_process'
import fs from 'fs'
import path from 'path'
import postcss from 'postcss'
import HomePage from '../../src/pages/index/index'
import StandardsPage from '../../src/pages/standards/index'
import MinePage from '../../src/pages/mine/index'
import SearchPage from '../../src/subpackages/search/index'
import DetailPage from '../../src/subpackages/standards/detail/index'
import PrivacyPage from '../../src/subpackages/about/privacy/index'
import SourcesPage from '../../src/subpackages/about/sources/index'
import { resetElderStoreForTests } from '../../src/services/elder-store'
import { ELDER_KEY } from '../../src/services/storage-keys'
import { resetContentStoreForTests } from '../../src/services/content-store'

const pageRoot = () => document.querySelector('.page') as HTMLElement
const elderSwitch = () => screen.getByRole('switch', { name: '长辈版' })

/** WeChat's font size setting: only weapp reports one, so the test plays weapp while it is set. */
function fontSetting(px: number | undefined) {
  process.env.TARO_ENV = 'weapp'
  const real = Taro.getSystemInfoSync
  jest
    .spyOn(Taro, 'getSystemInfoSync')
    .mockImplementation(() => ({ ...real(), fontSizeSetting: px }) as ReturnType<typeof Taro.getSystemInfoSync>)
}

beforeEach(() => {
  process.env.TARO_ENV = 'h5'
  jest.restoreAllMocks()
  Taro.clearStorageSync()
  resetElderStoreForTests()
  resetContentStoreForTests()
  Current.router = { params: { id: 'dibao-urban-standard' }, path: '/pages/index/index' } as unknown as typeof Current.router
})

it('is off by default; the 首页 switch turns it on for every page and remembers it', () => {
  fontSetting(16)
  const home = render(<HomePage />)
  expect(pageRoot().classList.contains('elder')).toBe(false)
  expect(elderSwitch().getAttribute('aria-checked')).toBe('false')
  fireEvent.click(elderSwitch())
  expect(pageRoot().classList.contains('elder')).toBe(true)
  expect(elderSwitch().getAttribute('aria-checked')).toBe('true')
  expect(Taro.getStorageSync(ELDER_KEY)).toEqual({ on: true, source: 'user' })
  home.unmount()

  // the same setting on every other page
  for (const Page of [StandardsPage, MinePage, SearchPage, DetailPage, PrivacyPage, SourcesPage]) {
    const view = render(<Page />)
    expect(pageRoot().classList.contains('elder')).toBe(true)
    // every page has a title that 长辈版 makes ≥ 30 CSS px
    expect(pageRoot().querySelector('.page-title')).toBeTruthy()
    view.unmount()
  }

  // and after a relaunch
  resetElderStoreForTests()
  render(<MinePage />)
  expect(elderSwitch().getAttribute('aria-checked')).toBe('true')
  fireEvent.click(elderSwitch())
  expect(pageRoot().classList.contains('elder')).toBe(false)
  expect(Taro.getStorageSync(ELDER_KEY)).toEqual({ on: false, source: 'user' })
})

it("on first launch follows WeChat's large font, and says so", () => {
  fontSetting(20)
  render(<HomePage />)
  expect(pageRoot().classList.contains('elder')).toBe(true)
  expect(screen.getByText(/您的微信设置了大字体，已为您开启长辈版/)).toBeTruthy()
  expect(Taro.getStorageSync(ELDER_KEY)).toEqual({ on: true, source: 'system' })
})

it("does not override the person's own choice on later launches", () => {
  Taro.setStorageSync(ELDER_KEY, { on: false, source: 'user' })
  fontSetting(22)
  render(<HomePage />)
  expect(pageRoot().classList.contains('elder')).toBe(false)
  expect(screen.queryByText(/您的微信设置了大字体/)).toBeNull()
})

it('a corrupted setting, or a platform without a font setting, means off and no crash', () => {
  Taro.setStorageSync(ELDER_KEY, 'yes please')
  fontSetting(undefined)
  render(<HomePage />)
  expect(pageRoot().classList.contains('elder')).toBe(false)
  localStorage.setItem(ELDER_KEY, '{not json')
  resetElderStoreForTests()
  expect(() => render(<MinePage />)).not.toThrow()
})

describe('stylesheets (design px at 750: 28px = 14 CSS px, 36px = 18, 60px = 30, 120px = 60)', () => {
  const root = path.resolve(__dirname, '../..')
  // every stylesheet of the app: component styles sit beside their components
  const files = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.scss') && !path.basename(file).startsWith('_'))
    .map((file) => path.join('src', file))
  interface Decl {
    selector: string
    prop: string
    px: number
  }
  // dart-sass inside jest's jsdom sandbox took about 20 times the CPU it takes in plain Node (80 s of
  // this file's 100 on the test machine), so one child Node process compiles them all
  const compile =
    "const sass = require('sass'); process.stdout.write(JSON.stringify(process.argv.slice(1).map((f) => sass.compile(f).css)))"
  const sheets = JSON.parse(
    execFileSync(process.execPath, ['-e', compile, ...files.map((file) => path.join(root, file))], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  ) as string[]
  const decls: Decl[] = []
  for (const css of sheets) {
    postcss.parse(css).walkDecls((decl) => {
      const m = /^(\d+(?:\.\d+)?)px$/.exec(decl.value.trim())
      const rule = decl.parent as postcss.Rule
      if (m && rule.selector) decls.push({ selector: rule.selector, prop: decl.prop, px: Number(m[1]) })
    })
  }
  // `.elder x` or `.elder.page-x x`, not `.elder-switch`
  const isElder = (d: Decl) => d.selector.split(',').every((s) => /(^|\s)\.elder(?=$|[\s.:[])/.test(s.trim()))
  const isFont = (d: Decl) => d.prop === 'font-size' || /^--nutui-.*font-size$/.test(d.prop)

  it('keeps every text ≥ 14 CSS px in normal mode', () => {
    const small = decls.filter((d) => isFont(d) && !isElder(d) && d.px < 28)
    expect(small).toEqual([])
  })

  it('keeps every text ≥ 18 CSS px in 长辈版, with titles ≥ 30 CSS px', () => {
    const elderFonts = decls.filter((d) => isFont(d) && isElder(d))
    expect(elderFonts.length).toBeGreaterThan(30)
    expect(elderFonts.filter((d) => d.px < 36)).toEqual([])
    const title = elderFonts.find((d) => d.selector === '.elder .page-title')
    expect(title?.px).toBeGreaterThanOrEqual(60)
    expect(decls.find((d) => d.selector === '.elder' && d.prop === 'font-size')?.px).toBeGreaterThanOrEqual(36)
  })

  it('makes tap targets ≥ 60 CSS px in 长辈版', () => {
    const targets = decls.filter((d) => isElder(d) && /^(min-height|min-width)$/.test(d.prop))
    for (const selector of [
      '.elder .action-button',
      '.elder .source-link',
      '.elder .list-row',
      '.elder .nut-button',
      '.elder .nut-cell',
      '.elder .elder-switch__row',
    ]) {
      const heights = targets.filter(
        (d) =>
          d.selector
            .split(',')
            .map((s) => s.trim())
            .includes(selector) && d.prop === 'min-height',
      )
      expect({ selector, ok: heights.some((d) => d.px >= 120) }).toEqual({ selector, ok: true })
    }
    expect(targets.filter((d) => d.px < 120)).toEqual([])
    const nutHeights = decls.filter((d) => isElder(d) && /^--nutui-.*(height|width)$/.test(d.prop) && !/line-height/.test(d.prop))
    expect(nutHeights.filter((d) => d.px < 72)).toEqual([])
  })
})
