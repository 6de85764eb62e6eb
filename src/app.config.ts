// The page list comes from src/routes.ts (one table for the app's routes); Taro evaluates this file
// in Node at build time, bundling that import.
import { SUBPACKAGES, TAB_PAGE_PATHS, type TabPagePath } from './routes'

/** Each tab's label and icon (src/assets/tab/, drawn by scripts/make-tab-icons.ts). */
const TAB_LOOK: Record<TabPagePath, { text: string; icon: string }> = {
  'pages/index/index': { text: '首页', icon: 'home' },
  'pages/standards/index': { text: '救助标准', icon: 'standards' },
  'pages/services/index': { text: '办事', icon: 'services' },
  'pages/policies/index': { text: '政策', icon: 'policies' },
  'pages/mine/index': { text: '我的', icon: 'mine' },
}

export default defineAppConfig({
  pages: [...TAB_PAGE_PATHS],
  subPackages: SUBPACKAGES.map(({ root, pages }) => ({ root, pages: [...pages] })),
  tabBar: {
    color: '#555555',
    selectedColor: '#b7312c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TAB_PAGE_PATHS.map((pagePath) => ({
      pagePath,
      text: TAB_LOOK[pagePath].text,
      iconPath: `assets/tab/${TAB_LOOK[pagePath].icon}.png`,
      selectedIconPath: `assets/tab/${TAB_LOOK[pagePath].icon}-active.png`,
    })),
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b7312c',
    navigationBarTitleText: '景德镇惠民通',
    navigationBarTextStyle: 'white',
  },
})
