export default definePageConfig({ navigationBarTitleText: '特困人员自测' })
