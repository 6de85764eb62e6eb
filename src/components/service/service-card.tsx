// One service in the guide: name, department and how many trips it takes, in words.
import { Text, View } from '@tarojs/components'
import { SERVICE_MODE_LABEL, type Service } from '../../domain'
import { openPage } from '../../services/navigation'
import { ServiceModeBadge } from './service-mode'
import { routes } from '../../routes'
import './service.scss'

export function ServiceCard({ service }: { service: Service }) {
  return (
    <View
      className="service-card"
      role="link"
      aria-label={`${service.name}，${service.department}，${SERVICE_MODE_LABEL[service.mode]}`}
      onClick={() => openPage(routes.serviceDetail({ id: service.id }))}
    >
      <View className="service-card__head">
        <Text className="service-card__name">{service.name}</Text>
        <ServiceModeBadge mode={service.mode} />
      </View>
      <Text className="service-card__dept">{service.department}</Text>
      <Text className="service-card__who">{`服务对象：${service.applicants}`}</Text>
      {/* the same caveat as the guide itself: the badge is inferred, not checked with the office */}
      {service.source.verified ? null : <Text className="service-card__note">办理方式仅供参考，以办事大厅公布为准</Text>}
    </View>
  )
}
