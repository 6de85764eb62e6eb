// 救助标准: every standard in force on a date (today unless chosen), grouped, each with last year's
// figure, its dates and the document it comes from. `?on=YYYY-MM-DD` opens a given date.
import { useMemo, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import {
  type IsoDate,
  type Parameter,
  type ParameterGroup,
  type ValueOnDate,
  earliestEffectiveDate,
  firstEffectiveFrom,
  formatChineseDate,
  isValidIsoDate,
  standardsHeading,
  standardsOn,
  todayInShanghai,
} from '../../domain'
import { PageShell } from '../../components/shared/page-shell'
import { StandardCard } from '../../components/shared/standard-card'
import { EmptyState } from '../../components/shared/empty-state'
import { ErrorState } from '../../components/shared/error-state'
import { ActionButton } from '../../components/shared/action-button'
import { GROUP_ORDER, GROUP_TITLES, outdatedNotice, pickerRange } from '../../components/shared/standard-format'
import { useContent } from '../../hooks/use-content'
import './index.scss'

interface GroupView {
  group: ParameterGroup
  inForce: ValueOnDate[]
  notYet: Parameter[]
}

function groupsOf(inForce: readonly ValueOnDate[], notYet: readonly Parameter[]): GroupView[] {
  return GROUP_ORDER.map((group) => ({
    group,
    inForce: inForce.filter((v) => v.parameter.group === group),
    notYet: notYet.filter((p) => p.group === group),
  })).filter((g) => g.inForce.length > 0 || g.notYet.length > 0)
}

export default function StandardsPage() {
  const router = useRouter()
  const today = todayInShanghai()
  const requested = typeof router?.params?.on === 'string' ? decodeURIComponent(router.params.on) : ''
  const invalidRequest = requested !== '' && !isValidIsoDate(requested)
  const [date, setDate] = useState<IsoDate>(requested && !invalidRequest ? requested : today)
  const { pack } = useContent()
  const result = useMemo(() => standardsOn(pack.parameters, date), [pack, date])
  const earliest = useMemo(() => earliestEffectiveDate(pack.parameters), [pack])
  const range = useMemo(() => pickerRange(pack.parameters, today), [pack, today])
  const isToday = date === today

  const groups = result.ok ? groupsOf(result.value.inForce, result.value.notYetInForce) : []
  const outdated = result.ok ? result.value.inForce.find((v) => v.possiblyOutdated) : undefined

  return (
    <PageShell name="page-standards">
      <Text className="page-title">救助标准</Text>
      <Text className="page-intro">景德镇市城乡困难群众救助标准，单位均为元/人/月。点“查看原文”可看到文件中的原话。</Text>

      <View className="card standards-date">
        <Text className="standards-date__label">{standardsHeading(pack.parameters, date, today, { dateShownNearby: true })}</Text>
        <Text className="standards-date__value">{formatChineseDate(date)}</Text>
        <Picker mode="date" value={date} start={range.start} end={range.end} onChange={(e) => setDate(String(e.detail.value))}>
          <View className="action-button action-button--primary" role="button" aria-label={`选择日期，当前为${formatChineseDate(date)}`}>
            <Text>选择其他日期</Text>
          </View>
        </Picker>
        {!isToday ? <ActionButton label="回到今天" onClick={() => setDate(today)} /> : null}
        {invalidRequest ? <Text className="notice">{`链接中的日期“${requested}”无效，已显示今天的标准。`}</Text> : null}
      </View>

      {!result.ok ? (
        pack.parameters.length === 0 ? (
          <EmptyState title="暂无救助标准" description="本应用的数据中还没有收录救助标准。" />
        ) : (
          <ErrorState
            title="这个日期没有可显示的标准"
            message={
              result.error.code === 'before_first_value' && earliest
                ? `${formatChineseDate(date)}早于本应用收录的最早标准（${formatChineseDate(earliest)}起执行），无法告诉您当时的标准。为避免误导，这里不显示其他年份的数字。`
                : result.error.message
            }
            actionLabel={earliest ? `查看${formatChineseDate(earliest)}的标准` : undefined}
            onAction={earliest ? () => setDate(earliest) : undefined}
          />
        )
      ) : (
        <>
          {outdated ? <Text className="notice">{outdatedNotice(outdated.current)}</Text> : null}
          {groups.map((g) => (
            <View key={g.group} className="standards-group">
              <Text className="section-title">{GROUP_TITLES[g.group]}</Text>
              {g.inForce.map((value) => (
                <StandardCard key={value.parameter.id} value={value} detailed showOutdated={false} />
              ))}
              {g.notYet.map((parameter) => (
                <View key={parameter.id} className="card standards-not-yet">
                  <Text className="standard-card__label">{parameter.label}</Text>
                  <Text className="standards-not-yet__text">该日期尚未设立</Text>
                  <Text className="muted">{`本资料中这项标准从${formatChineseDate(firstEffectiveFrom(parameter))}起才有。`}</Text>
                </View>
              ))}
            </View>
          ))}
        </>
      )}
    </PageShell>
  )
}
