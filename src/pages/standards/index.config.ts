export default definePageConfig({ navigationBarTitleText: '救助标准' })
