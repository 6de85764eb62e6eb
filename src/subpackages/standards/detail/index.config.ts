export default definePageConfig({
  navigationBarTitleText: '标准详情',
  // weapp: share to a chat and to 朋友圈 (useShareAppMessage / useShareTimeline)
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
