import { View, Text } from '@tarojs/components'
import bundled from '../../generated/bundled-content.json'
import { type ContentPack, formatYuan, standardsOn, todayInShanghai } from '../../domain'

const pack = bundled.pack as ContentPack

export default function Index() {
  const today = standardsOn(pack.parameters, todayInShanghai())
  return (
    <View className='index'>
      <Text>景德镇惠民通</Text>
      {today.ok && today.value.inForce.map((v) => (
        <View key={v.parameter.id}>
          <Text>{v.parameter.shortLabel}：{formatYuan(v.current.amountFen)}元/人/月</Text>
        </View>
      ))}
    </View>
  )
}
