// 首页: today's relief standards (or the latest the app holds) at a glance, the way in to everything else, and 长辈版.
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { type ValueOnDate, formatChineseDate, standardsHeading, standardsOn, todayInShanghai } from '../../domain'
import { PageShell } from '../../components/shared/page-shell'
import { ElderSwitch } from '../../components/shared/elder-switch'
import { HOTLINE, Hotline } from '../../components/shared/hotline'
import { StandardCard } from '../../components/shared/standard-card'
import { EmptyState } from '../../components/shared/empty-state'
import { ErrorState } from '../../components/shared/error-state'
import { ActionButton } from '../../components/shared/action-button'
import { outdatedNotice } from '../../components/shared/standard-format'
import { useContent } from '../../hooks/use-content'
import { callPhone, openPage } from '../../services/navigation'
import { useElderMode } from '../../hooks/use-elder-mode'
import './index.scss'

/** The three figures most people ask about, shown large; the rural 特困 ones smaller beneath. */
const FEATURED = ['dibao-urban-standard', 'dibao-rural-standard', 'tekun-urban-support'] as const
const SECONDARY = ['tekun-rural-centralized', 'tekun-rural-dispersed'] as const

const QUICK_ENTRIES = [
  { label: '低保自测', hint: '算一算能不能申请低保', url: '/subpackages/assess/dibao/index' },
  { label: '特困自测', hint: '看看是否符合特困供养', url: '/subpackages/assess/tekun/index' },
  { label: '政策解读', hint: '文件讲了什么、和我有什么关系', url: '/pages/policies/index' },
  { label: '一次不跑办事', hint: '要带什么、去哪办', url: '/pages/services/index' },
  { label: '社区工作者问答', hint: '常见问题与依据', url: '/subpackages/community/index' },
] as const

/** 长辈版: what older residents come for, as four big buttons on the first screen. */
const ELDER_FIRST = [
  { label: '低保自测', hint: '能不能申请低保', url: '/subpackages/assess/dibao/index' },
  { label: '特困自测', hint: '是否符合特困供养', url: '/subpackages/assess/tekun/index' },
  { label: '查标准', hint: '今年的救助标准', url: '/pages/standards/index' },
  { label: `打 ${HOTLINE}`, hint: '政务服务热线', url: null },
] as const

function pick(inForce: readonly ValueOnDate[], ids: readonly string[]): ValueOnDate[] {
  return ids.map((id) => inForce.find((v) => v.parameter.id === id)).filter((v): v is ValueOnDate => v !== undefined)
}

export default function HomePage() {
  const { pack, status } = useContent()
  const today = todayInShanghai()
  const standards = useMemo(() => standardsOn(pack.parameters, today), [pack, today])
  const featured = standards.ok ? pick(standards.value.inForce, FEATURED) : []
  const secondary = standards.ok ? pick(standards.value.inForce, SECONDARY) : []
  const outdated = [...featured, ...secondary].find((v) => v.possiblyOutdated)
  const { elder } = useElderMode()
  // in 长辈版 the self-checks are already the first two big buttons
  const entries = elder ? QUICK_ENTRIES.filter((e) => !ELDER_FIRST.some((f) => f.url === e.url)) : QUICK_ENTRIES

  return (
    <PageShell name="page-home">
      <Text className="page-title">景德镇惠民通</Text>
      <Text className="page-intro">查救助标准、算低保特困、看政策、问办事</Text>

      {elder ? (
        <View className="home-elder-first">
          {ELDER_FIRST.map((entry) => (
            <View
              key={entry.label}
              className="home-elder-first__button tap-target"
              role="button"
              aria-label={`${entry.label}：${entry.hint}`}
              onClick={() => (entry.url ? openPage(entry.url) : callPhone(HOTLINE))}
            >
              <Text className="home-elder-first__label">{entry.label}</Text>
              <Text className="home-elder-first__hint">{entry.hint}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View
        className="home-search tap-target"
        role="search"
        aria-label="搜索政策、办事和救助标准"
        onClick={() => openPage('/subpackages/search/index')}
      >
        <Text className="home-search__icon" aria-hidden="true">
          搜
        </Text>
        <Text className="home-search__placeholder">搜索政策、办事、救助标准</Text>
      </View>

      <ElderSwitch />

      <View className="home-standards">
        <Text className="section-title">{standardsHeading(pack.parameters, today, today)}</Text>
        {!standards.ok ? (
          <ErrorState title="暂时无法显示救助标准" message={standards.error.message} />
        ) : featured.length === 0 && secondary.length === 0 ? (
          <EmptyState title="暂无救助标准" description="本应用的数据中还没有收录救助标准。" />
        ) : (
          <>
            {outdated ? <Text className="notice home-standards__outdated">{outdatedNotice(outdated.current)}</Text> : null}
            {featured.map((value) => (
              <StandardCard key={value.parameter.id} value={value} size="large" showOutdated={false} />
            ))}
            {secondary.length ? (
              <View className="home-standards__secondary">
                {secondary.map((value) => (
                  <StandardCard key={value.parameter.id} value={value} size="small" showOutdated={false} />
                ))}
              </View>
            ) : null}
          </>
        )}
        <ActionButton label="查看全部救助标准" kind="secondary" onClick={() => openPage('/pages/standards/index')} />
      </View>

      <Text className="section-title">我想……</Text>
      <View className="home-entries">
        {entries.map((entry) => (
          <View
            key={entry.url}
            className="home-entry tap-target"
            role="button"
            aria-label={`${entry.label}：${entry.hint}`}
            onClick={() => openPage(entry.url)}
          >
            <Text className="home-entry__label">{entry.label}</Text>
            <Text className="home-entry__hint">{entry.hint}</Text>
          </View>
        ))}
      </View>

      <Hotline />

      <View
        className="home-footer tap-target"
        role="link"
        aria-label={`数据截至${formatChineseDate(status.asOf)}，点按查看数据来源`}
        onClick={() => openPage('/subpackages/about/sources/index')}
      >
        <Text>{`数据截至 ${formatChineseDate(status.asOf)}`}</Text>
        <Text className="home-footer__link">查看数据来源 ›</Text>
      </View>
    </PageShell>
  )
}
