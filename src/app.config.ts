export default defineAppConfig({
  pages: ['pages/index/index', 'pages/standards/index', 'pages/services/index', 'pages/policies/index', 'pages/mine/index'],
  subPackages: [
    { root: 'subpackages/assess', pages: ['dibao/index', 'tekun/index'] },
    { root: 'subpackages/standards', pages: ['detail/index'] },
    { root: 'subpackages/policy', pages: ['detail/index'] },
    { root: 'subpackages/service', pages: ['detail/index'] },
    { root: 'subpackages/search', pages: ['index'] },
    { root: 'subpackages/community', pages: ['index'] },
    { root: 'subpackages/about', pages: ['privacy/index', 'sources/index'] },
  ],
  tabBar: {
    color: '#555555',
    selectedColor: '#b7312c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      {
        pagePath: 'pages/standards/index',
        text: '救助标准',
        iconPath: 'assets/tab/standards.png',
        selectedIconPath: 'assets/tab/standards-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tab/services.png',
        selectedIconPath: 'assets/tab/services-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tab/policies.png',
        selectedIconPath: 'assets/tab/policies-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b7312c',
    navigationBarTitleText: '景德镇惠民通',
    navigationBarTextStyle: 'white',
  },
})
