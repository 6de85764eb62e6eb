export default definePageConfig({ navigationBarTitleText: '景德镇惠民通' })
