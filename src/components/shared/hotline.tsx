// The 12345 government service hotline: one tap to call (the phone asks to confirm).
import { Text, View } from '@tarojs/components'
import { callPhone } from '../../services/navigation'
import './hotline.scss'

export const HOTLINE = '12345'

export interface HotlineProps {
  className?: string
}

export function Hotline({ className }: HotlineProps) {
  return (
    <View
      className={['hotline', className].filter(Boolean).join(' ')}
      role="button"
      aria-label="拨打12345政务服务便民热线"
      onClick={() => callPhone(HOTLINE)}
    >
      <View className="hotline__text">
        <Text className="hotline__title">拨打 12345 热线</Text>
        <Text className="hotline__hint">景德镇市政务服务便民热线，咨询救助政策和办事</Text>
      </View>
      <Text className="hotline__action" aria-hidden="true">
        拨打
      </Text>
    </View>
  )
}
