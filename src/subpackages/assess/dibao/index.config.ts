export default definePageConfig({ navigationBarTitleText: '低保自测' })
