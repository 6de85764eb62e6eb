// How a service guide's coded fields read in Chinese, in one wording for the app, the editor console
// and the review page's list of changes.
import type { Service, ServiceMode } from './schema'

export const SERVICE_MODE_LABEL: Record<ServiceMode, string> = {
  'yici-bupao': '一次不跑',
  'zhi-pao-yici': '只跑一次',
  onsite: '需到现场',
}

export const MATERIAL_FORM_LABEL: Record<Service['materials'][number]['form'], string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件和复印件',
  electronic: '电子版',
}

/** A channel's kind as the console and the review diff name it (the app's detail page says it shorter). */
export const CHANNEL_KIND_LABEL: Record<Service['channels'][number]['kind'], string> = {
  online: '网上办理',
  window: '窗口办理',
  phone: '电话',
  mail: '邮寄',
}
