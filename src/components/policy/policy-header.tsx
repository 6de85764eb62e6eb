// The head of a policy: title, then 文号, 发文机关, 印发日期 and 公开属性 (此件主动公开).
import { Text, View } from '@tarojs/components'
import { type Policy, formatChineseDate } from '../../domain'
import './policy.scss'

export function PolicyHeader({ policy }: { policy: Policy }) {
  const rows: Array<[string, string]> = [
    ['文号', policy.docNumber],
    ['发文机关', policy.issuer],
    ['印发日期', formatChineseDate(policy.issuedOn)],
    ['公开属性', policy.openness],
  ]
  return (
    <View className="policy-header">
      <Text className="policy-header__title">{policy.title}</Text>
      <View className="policy-header__meta" role="list" aria-label="文件信息">
        {rows.map(([k, v]) => (
          <View key={k} className="policy-header__row" role="listitem">
            <Text className="policy-header__key">{`${k}：`}</Text>
            <Text className="policy-header__value" userSelect>
              {v}
            </Text>
          </View>
        ))}
      </View>
      <View className="policy-header__topics">
        {policy.topics.map((t) => (
          <Text key={t} className="policy-card__topic">
            {t}
          </Text>
        ))}
      </View>
    </View>
  )
}
