// Pieces shared by the 低保 and 特困 results: which standard the estimate used, what is still checked,
// what else may help, and where to apply (links into the service guide).
import './assessment.scss'
import { officePlace } from '../service/office-place'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { type Assessment, type Service, formatChineseDate } from '../../domain'
import { callPhone, openPage } from '../../services/navigation'
import { describeMaterial } from '../service/material-format'
import { ServiceModeBadge } from '../service/service-mode'
import { routes } from '../../routes'

export interface ResultBasisProps {
  /** the standard's start date, the date asked (today) and the outdated note, all as the rules said them */
  assessment: Pick<Assessment, 'standardEffectiveFrom' | 'on' | 'outdatedNote'>
}

export function ResultBasis({ assessment: { standardEffectiveFrom, on, outdatedNote } }: ResultBasisProps) {
  return (
    <View className="assess-basis">
      <Text className="assess-basis__line">{`按${formatChineseDate(standardEffectiveFrom)}起执行的标准计算`}</Text>
      <Text className="assess-basis__line">{`测算日期：${formatChineseDate(on)}`}</Text>
      {outdatedNote && (
        <View className="assess-notice" role="note">
          <Text className="assess-notice__title">可能已有更新的标准</Text>
          <Text>{outdatedNote}</Text>
        </View>
      )}
    </View>
  )
}

export interface NoteListProps {
  title: string
  items: readonly string[]
  tone?: 'plain' | 'help'
}

export function NoteList({ title, items, tone = 'plain' }: NoteListProps) {
  if (items.length === 0) return null
  return (
    <View className={`assess-notes assess-notes--${tone}`}>
      <Text className="assess-notes__title">{title}</Text>
      <View role="list" aria-label={title}>
        {items.map((item) => (
          <View key={item} className="assess-notes__item" role="listitem">
            <Text aria-hidden="true">• </Text>
            <Text>{item}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export interface ApplyServicesProps {
  serviceIds: readonly string[]
  services: readonly Service[]
  /** show each service's materials (the self-check pages) or only the links (compact) */
  showMaterials?: boolean
}

export function ApplyServices({ serviceIds, services, showMaterials = true }: ApplyServicesProps) {
  const found = serviceIds.map((id) => services.find((s) => s.id === id)).filter((s): s is Service => s !== undefined)
  return (
    <View className="assess-apply">
      <Text className="assess-apply__title">准备材料和去哪里办</Text>
      {found.length === 0 && (
        <View className="assess-apply__fallback">
          <Text>请带上身份证、户口簿，到户籍所在地的乡镇人民政府（街道办事处）申请；也可以请村（居）委会代为提出。</Text>
          <Button
            className="assess-apply__call"
            fill="outline"
            onClick={() => callPhone('12345')}
            aria-label="拨打12345政务服务便民热线咨询"
          >
            拨打 12345 咨询
          </Button>
        </View>
      )}
      {found.map((service) => (
        <View key={service.id} className="assess-apply__service">
          <View className="assess-apply__head">
            <Text className="assess-apply__name">{service.name}</Text>
            <ServiceModeBadge mode={service.mode} />
          </View>
          {showMaterials && service.materials.length > 0 && (
            <View className="assess-apply__materials" role="list" aria-label={`${service.name}需要的材料`}>
              {service.materials.map((m) => (
                <View key={m.id} className="assess-apply__material" role="listitem">
                  <Text>{`• ${m.name}（${describeMaterial(m)}）`}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className="assess-apply__where">{`办理地点：${officePlace(service.office)}`}</Text>
          <View
            className="assess-apply__link"
            role="link"
            aria-label={`查看办事指南：${service.name}`}
            onClick={() => openPage(routes.serviceDetail({ id: service.id }))}
          >
            <Text>{`查看办事指南：${service.name} ›`}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** Shown when the form was edited after the last calculation, so an old result is not mistaken for a new one. */
export function StaleResultNote() {
  return (
    <View className="assess-stale" role="note">
      <Text>您改了填写，下面还是上次的结果；请再点“重新计算”。</Text>
    </View>
  )
}
