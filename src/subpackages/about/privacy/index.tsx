// 隐私说明: what the app keeps and sends — nothing personal leaves the phone.
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../components/shared/page-shell'
import { LinkRow } from '../../../components/shared/link-row'
import { openPage } from '../../../services/navigation'
import { routes } from '../../../routes'
import './index.scss'

interface Part {
  title: string
  points: string[]
}

const PARTS: Part[] = [
  {
    title: '我们不收集您的个人信息',
    points: [
      '使用本应用不需要登录，不需要填写姓名、身份证号、手机号或住址。',
      '本应用不获取您的位置、通讯录、相册，也不使用摄像头和麦克风。',
      '本应用没有广告，不做用户画像，不向任何第三方提供信息。',
    ],
  },
  {
    title: '自测填写的内容只留在您的手机上',
    points: [
      '低保、特困自测的计算全部在您的手机上完成，填写的家庭人数、收入、年龄等不会发送到任何服务器。',
      '只有您选择“记住我的填写”时，这些内容才会保存在本机，方便下次继续；不选择则离开页面即丢弃。',
      '办事指南里勾选的材料、搜索记录（最近 10 条）也只保存在本机。',
      `您可以随时在“我的 → 我在本机保存的信息”中一键清除；${
        process.env.TARO_ENV === 'h5' ? '在浏览器设置中清除本网站的数据' : '删除小程序'
      }也会一并清除。`,
    ],
  },
  {
    title: '联网只为下载公开的政策内容',
    points: [
      '本应用唯一的网络请求，是从服务器下载公开的救助标准、政策文件、办事指南和常见问答，并保存在本机以便离线使用。',
      '这些请求不带任何个人信息，只带本机已有内容的版本标识，用来判断是否需要更新。',
      '拨打 12345 热线时，由手机的拨号功能接通，本应用不记录通话。',
    ],
  },
  {
    title: '关于结果的说明',
    points: ['自测结果只是按公开标准做的估算，不是审批结论；是否符合条件，以民政部门调查核实为准。'],
  },
]

export default function PrivacyPage() {
  return (
    <PageShell name="page-privacy" showStatus={false}>
      <Text className="page-title">隐私说明</Text>
      <Text className="page-intro">一句话：您的个人信息不会离开您的手机。</Text>
      {PARTS.map((part) => (
        <View key={part.title} className="card">
          <Text className="section-title privacy-title">{part.title}</Text>
          {part.points.map((point) => (
            <View key={point} className="privacy-point">
              <Text aria-hidden="true">{'· '}</Text>
              <Text>{point}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="card">
        <LinkRow label="清除本机保存的信息" value="在“我的”页面" onClick={() => openPage(routes.mine())} />
        <LinkRow label="数据来源" value="每个数字出自哪份文件" onClick={() => openPage(routes.sources())} />
      </View>
    </PageShell>
  )
}
