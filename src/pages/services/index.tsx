// 一次不跑办事: the service guide — filter by how many trips a service takes, search by name or
// department, open one for its materials, steps, time limits and office.
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/shared/page-shell'
import { FilterChips } from '../../components/shared/filter-chips'
import { SearchBox } from '../../components/shared/search-box'
import { matchesAllTerms, serviceFilterText } from '../../domain/search/filter'
import { PageState } from '../../components/shared/page-state'
import { ServiceCard } from '../../components/service/service-card'
import { SERVICE_MODE_HINT } from '../../components/service/service-mode'
import { useFullContent } from '../../hooks/use-full-content'
import { SERVICE_MODE_LABEL, type ServiceMode } from '../../domain'
import { callPhone, openPage } from '../../services/navigation'
import { routes } from '../../routes'
import './index.scss'

type ModeFilter = 'all' | ServiceMode
const MODES: readonly ServiceMode[] = ['yici-bupao', 'zhi-pao-yici', 'onsite']

export default function ServicesPage() {
  const { pack, status } = useFullContent()
  const [mode, setMode] = useState<ModeFilter>('all')
  const [query, setQuery] = useState('')

  const options = useMemo(
    () => [
      { value: 'all' as ModeFilter, label: '全部', count: pack.services.length },
      ...MODES.map((m) => ({
        value: m as ModeFilter,
        label: SERVICE_MODE_LABEL[m],
        count: pack.services.filter((s) => s.mode === m).length,
      })).filter((o) => o.count > 0), // a filter that matches nothing only leads to an empty list
    ],
    [pack.services],
  )

  const shown = pack.services.filter((s) => mode === 'all' || s.mode === mode).filter((s) => matchesAllTerms(query, serviceFilterText(s)))

  return (
    <PageShell name="pages-services">
      <View className="services-head">
        <Text className="services-title">办事指南</Text>
        <Text className="services-intro">“一次不跑”“只跑一次”：看清要带什么、去哪里办；办理时限以办事大厅公布为准。</Text>
      </View>
      <SearchBox value={query} onChange={setQuery} label="搜索办事事项：名称或部门" placeholder="搜事项或部门，如“低保”" />

      {pack.services.length === 0 ? (
        status.refreshing ? (
          <PageState kind="loading" title="正在获取办事指南…" />
        ) : (
          <PageState
            kind={status.message ? 'error' : 'empty'}
            title="暂时还没有办事指南"
            detail={status.message ?? '可以拨打 12345 政务服务便民热线咨询。'}
            actions={[{ label: '拨打 12345', onClick: () => callPhone('12345') }]}
          />
        )
      ) : (
        <>
          <FilterChips label="按办理方式筛选" options={options} value={mode} onChange={setMode} />
          {mode !== 'all' && <Text className="services-mode-hint">{`${SERVICE_MODE_LABEL[mode]}：${SERVICE_MODE_HINT[mode]}`}</Text>}
          <Text className="services-count" aria-live="polite">{`共 ${shown.length} 项`}</Text>
          {shown.length === 0 ? (
            <PageState
              kind="empty"
              title="没有找到符合条件的事项"
              detail="换个词或办理方式试试。"
              actions={[
                {
                  label: '清除筛选',
                  onClick: () => {
                    setQuery('')
                    setMode('all')
                  },
                },
                {
                  label: '在全部内容中搜索',
                  onClick: () => openPage(routes.search({ q: query })),
                },
              ]}
            />
          ) : (
            <View role="list" aria-label="办事事项">
              {shown.map((s) => (
                <View key={s.id} role="listitem">
                  <ServiceCard service={s} />
                </View>
              ))}
            </View>
          )}
        </>
      )}

      <View className="services-hotline" role="button" aria-label="拨打12345政务服务便民热线" onClick={() => callPhone('12345')}>
        <Text>不知道怎么办？拨打 12345 政务服务便民热线 ›</Text>
      </View>
    </PageShell>
  )
}
