// One policy in the list: title, 文号 and date, and a one-line plain summary. Tapping opens it.
import { Text, View } from '@tarojs/components'
import { type Policy, formatChineseDate } from '../../domain'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'
import './policy.scss'

export function PolicyCard({ policy }: { policy: Policy }) {
  const date = formatChineseDate(policy.issuedOn)
  return (
    <View
      className="policy-card"
      role="link"
      aria-label={`${policy.title}，${policy.docNumber}，${date}印发。${policy.summary}`}
      onClick={() => openPage(routes.policyDetail({ id: policy.id }))}
    >
      <Text className="policy-card__title">{policy.title}</Text>
      <Text className="policy-card__meta">{`${policy.docNumber} · ${date}`}</Text>
      <Text className="policy-card__summary">{policy.summary}</Text>
      <View className="policy-card__topics">
        {policy.topics.map((t) => (
          <Text key={t} className="policy-card__topic">
            {t}
          </Text>
        ))}
      </View>
    </View>
  )
}
