export default definePageConfig({
  navigationBarTitleText: '社区工作者',
  // weapp: the 分享 buttons on each answer and the menu share use useShareAppMessage
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
