export default defineAppConfig({
  pages: ['pages/index/index', 'pages/standards/index', 'pages/services/index', 'pages/policies/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/assess', pages: ['dibao/index', 'tekun/index'] },
    { root: 'packages/standards', pages: ['detail/index'] },
    { root: 'packages/policy', pages: ['detail/index'] },
    { root: 'packages/service', pages: ['detail/index'] },
    { root: 'packages/search', pages: ['index'] },
    { root: 'packages/community', pages: ['index'] },
    { root: 'packages/about', pages: ['privacy/index', 'sources/index'] },
  ],
  tabBar: {
    color: '#555555',
    selectedColor: '#b7312c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/standards/index', text: '救助标准' },
      { pagePath: 'pages/services/index', text: '办事' },
      { pagePath: 'pages/policies/index', text: '政策' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b7312c',
    navigationBarTitleText: '景德镇惠民通',
    navigationBarTextStyle: 'white',
  },
})
