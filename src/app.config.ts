export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b7312c',
    navigationBarTitleText: '景德镇惠民通',
    navigationBarTextStyle: 'white',
  },
})
