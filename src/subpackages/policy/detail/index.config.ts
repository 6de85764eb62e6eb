export default definePageConfig({
  navigationBarTitleText: '政策详情',
  // weapp: lets useShareAppMessage (and the 分享 button) share this page
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
