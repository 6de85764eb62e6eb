// 一次不跑 / 只跑一次 / 需到现场, always in words (the badge colour only repeats what the words say).
import { Text } from '@tarojs/components'
import { SERVICE_MODE_LABEL, type ServiceMode } from '../../domain'

export const SERVICE_MODE_HINT: Record<ServiceMode, string> = {
  'yici-bupao': '网上或电话就能办完，不用跑腿',
  'zhi-pao-yici': '材料齐全的，最多到现场跑一次',
  onsite: '需要本人到办事窗口办理',
}

export function ServiceModeBadge({ mode }: { mode: ServiceMode }) {
  return (
    <Text className={`service-mode service-mode--${mode}`} aria-label={`办理方式：${SERVICE_MODE_LABEL[mode]}`}>
      {SERVICE_MODE_LABEL[mode]}
    </Text>
  )
}
