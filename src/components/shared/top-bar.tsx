// H5 only: the top bar of every page that is not a tab. A sub-page opened from inside the app
// gets 「‹ 返回」; one opened directly (a shared link, a bookmark: no page beneath it) gets
// 「首页」, so there is always a way on. weapp keeps WeChat's own navigation bar, which does both.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TAB_PAGES, routes } from '../../routes'
import './top-bar.scss'

type Way = 'back' | 'home' | null

/** What the bar offers on the page on top: nothing on a tab page or on weapp. */
export function topBarWay(): Way {
  if (process.env.TARO_ENV !== 'h5') return null
  let pages: ReturnType<typeof Taro.getCurrentPages> = []
  try {
    pages = Taro.getCurrentPages()
  } catch {
    return null
  }
  const current = pages[pages.length - 1]
  const route = `/${(current?.route ?? current?.path ?? '').replace(/^\//, '').split('?')[0]}`
  if (!current || TAB_PAGES.includes(route)) return null
  return pages.length > 1 ? 'back' : 'home'
}

function go(way: 'back' | 'home'): void {
  const home = () => Taro.reLaunch({ url: routes.home() }).catch(() => undefined)
  try {
    if (way === 'back') Taro.navigateBack({ delta: 1 }).catch(home)
    else void home()
  } catch {
    void home()
  }
}

export function TopBar() {
  const [way, setWay] = useState<Way>(null)
  // after mount: Taro puts the page on its stack before the page renders, not before it is created
  useEffect(() => setWay(topBarWay()), [])
  if (!way) return null
  const label = way === 'back' ? '返回' : '首页'
  return (
    <View className="top-bar">
      <View
        className="top-bar__button tap-target"
        role="button"
        aria-label={way === 'back' ? '返回上一页' : '回到首页'}
        onClick={() => go(way)}
      >
        <Text className="top-bar__mark" aria-hidden="true">
          {way === 'back' ? '‹' : '⌂'}
        </Text>
        <Text>{label}</Text>
      </View>
    </View>
  )
}
