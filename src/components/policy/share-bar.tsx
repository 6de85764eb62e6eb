// Share a page: on weapp the native share button (the page also calls useShareAppMessage and sets
// enableShareAppMessage); on h5 copy the link, or a short text summary, for a chat.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CopyButton } from './copy-button'
import { pageLink } from '../../services/clipboard'
import './policy.scss'

export interface ShareBarProps {
  /** the page's route with its query, e.g. /subpackages/policy/detail/index?id=… */
  route: string
  /** text for 复制摘要 */
  summary: string
  /** what is being shared, for the accessible names */
  subject: string
}

export function ShareBar({ route, summary, subject }: ShareBarProps) {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className="share-bar">
      {weapp ? (
        <Button className="share-bar__share" fill="outline" openType="share" aria-label={`把${subject}分享给微信好友`}>
          分享给好友
        </Button>
      ) : (
        <CopyButton className="share-bar__button" text={pageLink(route)} label="复制链接" ariaLabel={`复制${subject}的链接`} />
      )}
      <CopyButton className="share-bar__button" text={summary} label="复制摘要" ariaLabel={`复制${subject}的摘要`} />
    </View>
  )
}
