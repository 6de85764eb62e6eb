// On weapp an online channel (赣服通, 江西政务服务网) cannot be opened from here: a mini-program opens
// outside web pages only on business domains it has registered, and another mini-program only by
// its appid. So the channel's name becomes text to copy, with a hint on where to paste it.
import { Text, View } from '@tarojs/components'
import { CopyButton } from '../policy/copy-button'

export function onlineChannelHint(name: string): string {
  if (name.includes('赣服通')) return '小程序里不能直接打开“赣服通”：复制名称后，在微信顶部的搜索框粘贴，打开“赣服通”小程序办理。'
  if (name.includes('政务服务网')) return `小程序里不能直接打开网站：复制名称后，在手机浏览器里搜索“${name}”。`
  return `小程序里不能直接打开外部网站：复制名称后，到微信或手机浏览器里搜索“${name}”。`
}

export function OnlineChannelCopy({ name }: { name: string }) {
  if (process.env.TARO_ENV !== 'weapp') return null
  return (
    <View className="service-channel__copy">
      <Text className="service-channel__hint">{onlineChannelHint(name)}</Text>
      <CopyButton text={name} label={`复制“${name}”`} ariaLabel={`复制名称：${name}`} />
    </View>
  )
}
