export default definePageConfig({ navigationBarTitleText: '标准详情' })
