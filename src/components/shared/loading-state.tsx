// A short "正在加载…" line for the moments a page waits (e.g. building the search index).
import { Text, View } from '@tarojs/components'
import './state-message.scss'

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="loading-state" role="status">
      <Text>{text}</Text>
    </View>
  )
}
