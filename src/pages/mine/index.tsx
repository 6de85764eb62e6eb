// 我的: 长辈版, the content on this phone (version, 数据截至, size, last sync; refresh and clear with
// their results shown inline), the person's own data on this phone, privacy, sources, 12345.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatChineseDate, formatChineseDateTime } from '../../domain'
import { PageShell } from '../../components/shared/page-shell'
import { ElderSwitch } from '../../components/shared/elder-switch'
import { Hotline } from '../../components/shared/hotline'
import { ActionButton } from '../../components/shared/action-button'
import { InfoRow, LinkRow } from '../../components/shared/link-row'
import { formatBytes } from '../../components/shared/format-bytes'
import { type ContentOrigin, type RefreshOutcome, useContentCache } from '../../hooks/use-content'
import { appVersion } from '../../services/app-info'
import { openPage } from '../../services/navigation'
import { clearPersonalData, personalDataSummary } from '../../services/personal-data'
import { routes } from '../../routes'
import './index.scss'

const ORIGIN_TEXT: Record<ContentOrigin, string> = {
  bundled: '应用自带的内容',
  cache: '本机保存的内容',
  network: '刚从网络更新的内容',
}

function outcomeText(outcome: RefreshOutcome, message: string | null): string {
  switch (outcome) {
    case 'updated':
      return '已更新到最新内容'
    case 'unchanged':
      return '已是最新内容，无需更新'
    case 'offline':
      return '现在连不上网络，继续使用本机保存的内容'
    case 'error':
      return message ?? '检查更新没有成功，继续使用本机保存的内容'
  }
}

function ContentCard() {
  const { status, lastSync, cacheBytes, lastResult, refresh, clear } = useContentCache()
  const [confirming, setConfirming] = useState(false)
  const [cleared, setCleared] = useState(false)
  const [checked, setChecked] = useState(false)
  const [technical, setTechnical] = useState(false)

  return (
    <View className="card mine-content">
      <Text className="section-title mine-card-title">内容数据</Text>
      <InfoRow label="数据截至" value={formatChineseDate(status.asOf)} />
      <InfoRow label="正在使用" value={ORIGIN_TEXT[status.origin]} />
      <InfoRow label="上次同步" value={lastSync ? formatChineseDateTime(lastSync) : '还没有同步过'} />
      {/* versions and bytes mean nothing to a resident; a helper asking about a problem can open them */}
      <View
        className="mine-technical__toggle tap-target"
        role="button"
        aria-expanded={technical ? 'true' : 'false'}
        onClick={() => setTechnical(!technical)}
      >
        <Text>{technical ? '收起技术信息' : '技术信息（排查问题时用）'}</Text>
        <Text aria-hidden="true">{technical ? ' ▴' : ' ▾'}</Text>
      </View>
      {technical ? (
        <View className="mine-technical">
          <InfoRow label="内容版本" value={status.version} />
          <InfoRow label="本机缓存" value={formatBytes(cacheBytes)} />
          <InfoRow label="应用版本" value={appVersion()} />
        </View>
      ) : null}

      <ActionButton
        label={status.refreshing ? '正在检查更新…' : '检查更新'}
        kind="primary"
        disabled={status.refreshing}
        onClick={() => {
          setCleared(false)
          setChecked(true)
          void refresh()
        }}
      />
      {/* the result stays on the page (no toast) */}
      <View role="status" className="mine-result">
        {checked && !status.refreshing && lastResult ? <Text>{outcomeText(lastResult, status.message)}</Text> : null}
        {cleared ? <Text>已清除缓存，正在使用应用自带的内容</Text> : null}
      </View>

      {confirming ? (
        <View className="mine-confirm">
          <Text className="notice">清除后将使用应用自带的内容（数据可能较旧），联网后可重新下载。确定清除吗？</Text>
          <ActionButton
            label="确定清除"
            kind="primary"
            onClick={() => {
              clear()
              setConfirming(false)
              setChecked(false)
              setCleared(true)
            }}
          />
          <ActionButton label="取消" onClick={() => setConfirming(false)} />
        </View>
      ) : (
        <ActionButton label="清除缓存" onClick={() => setConfirming(true)} />
      )}
    </View>
  )
}

function PersonalDataCard() {
  const [summary, setSummary] = useState(personalDataSummary)
  const [cleared, setCleared] = useState(false)
  const empty = summary.savedAssessments === 0 && summary.checklists === 0 && summary.recentSearches === 0
  return (
    <View className="card mine-personal">
      <Text className="section-title mine-card-title">我在本机保存的信息</Text>
      <Text className="muted">这些信息只保存在您的手机上，不会上传。</Text>
      <InfoRow label="自测填写的内容" value={summary.savedAssessments ? `${summary.savedAssessments} 份` : '没有'} />
      <InfoRow label="办事材料勾选" value={summary.checklists ? `${summary.checklists} 项办事` : '没有'} />
      <InfoRow label="搜索记录" value={summary.recentSearches ? `${summary.recentSearches} 条` : '没有'} />
      {!empty ? (
        <ActionButton
          label="清除自测填写、材料勾选和搜索记录"
          onClick={() => {
            clearPersonalData()
            setSummary(personalDataSummary())
            setCleared(true)
          }}
        />
      ) : null}
      <View role="status" className="mine-result">
        {cleared ? <Text>已清除，本机不再保存您的自测填写、材料勾选和搜索记录</Text> : null}
      </View>
    </View>
  )
}

export default function MinePage() {
  return (
    <PageShell name="page-mine">
      <Text className="page-title">我的</Text>
      <ElderSwitch />
      <ContentCard />
      <PersonalDataCard />
      <View className="card mine-links">
        <LinkRow label="隐私说明" value="我们收集什么、不收集什么" onClick={() => openPage(routes.privacy())} />
        <LinkRow label="数据来源" value="每个数字出自哪份文件" onClick={() => openPage(routes.sources())} />
      </View>
      <Hotline />
    </PageShell>
  )
}
