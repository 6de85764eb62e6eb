// 办事详情: conditions, the materials as a checklist kept on the phone, steps, time limits, fee,
// channels, legal basis and the office (tap to call). Unverified facts carry a clear warning.
import { useMemo, type PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '../../../components/shared/page-shell'
import { endSentence } from '../../../components/shared/sentence'
import { onlineChannelUrl, openOnlineChannel } from '../../../components/service/online-channel'
import { MaterialChecklist } from '../../../components/service/material-checklist'
import { moneyText } from '../../../components/shared/money-text'
import { PageState } from '../../../components/shared/page-state'
import { ServiceModeBadge, SERVICE_MODE_HINT } from '../../../components/service/service-mode'
import { OnlineChannelCopy } from '../../../components/service/online-channel-copy'
import { useFullContent } from '../../../hooks/use-full-content'
import { type Service, findParameter, todayInShanghai, valueOn } from '../../../domain'
import { callPhone, openPage } from '../../../services/navigation'
import { routes } from '../../../routes'
import './index.scss'

const CHANNEL_LABEL: Record<Service['channels'][number]['kind'], string> = {
  online: '网上办',
  window: '窗口办',
  phone: '电话',
  mail: '邮寄',
}

/** the first dialable number in a text such as "0798-8222222（工作日）" */
export function firstPhoneNumber(text: string): string | null {
  const m = /\d[\d-]{3,}\d/.exec(text)
  return m ? m[0] : null
}

function Block({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <View className="service-block">
      <Text className="service-block__title">{title}</Text>
      {children}
    </View>
  )
}

function selfCheckLinks(service: Service): Array<{ label: string; url: string }> {
  const ids = [service.id, ...service.relatedParameterIds]
  const links: Array<{ label: string; url: string }> = []
  if (ids.some((id) => id.startsWith('dibao'))) links.push({ label: '先做低保自测，估算能领多少', url: routes.dibao() })
  if (ids.some((id) => id.startsWith('tekun') || id.startsWith('care'))) links.push({ label: '先做特困人员自测', url: routes.tekun() })
  return links
}

export default function ServiceDetail() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const { pack } = useFullContent()
  const today = useMemo(() => todayInShanghai(), [])
  const service = pack.services.find((s) => s.id === id)

  if (!service) {
    return (
      <PageShell name="packages-service-detail">
        <PageState
          kind="not-found"
          title="没有找到这个办事事项"
          detail={id ? `编号“${id}”的事项不在本应用的资料里，可能已更新或链接有误。` : '链接里缺少事项编号。'}
          actions={[
            { label: '返回办事指南', onClick: () => openPage(routes.services()) },
            { label: '拨打 12345 咨询', onClick: () => callPhone('12345') },
          ]}
        />
      </PageShell>
    )
  }

  const officePhone = firstPhoneNumber(service.office.phone)
  const related = service.relatedParameterIds
    .map((pid) => findParameter(pack.parameters, pid))
    .filter((p): p is NonNullable<typeof p> => p !== undefined)

  return (
    <PageShell name="packages-service-detail">
      <View className="service-header">
        <Text className="service-header__name">{service.name}</Text>
        <View className="service-header__mode">
          <ServiceModeBadge mode={service.mode} />
          <Text className="service-header__hint">{SERVICE_MODE_HINT[service.mode]}</Text>
        </View>
        <Text className="service-header__line">{`办理部门：${service.department}`}</Text>
        <Text className="service-header__line">{`服务对象：${service.applicants}`}</Text>
      </View>

      {service.source.verified ? (
        <Text className="service-source">{`信息来源：${service.source.description}`}</Text>
      ) : (
        <View className="service-unverified" role="note">
          <Text className="service-unverified__title">信息仅供参考，以办事大厅公布为准</Text>
          <Text className="service-unverified__text">{`本页内容整理自：${endSentence(service.source.description)}尚未与办事大厅核对，去办理前请先打电话确认。`}</Text>
        </View>
      )}

      {selfCheckLinks(service).map((l) => (
        <View key={l.url} className="service-link service-link--check" role="link" aria-label={l.label} onClick={() => openPage(l.url)}>
          <Text>{`${l.label} ›`}</Text>
        </View>
      ))}

      <Block title="办理条件">
        {service.conditions.map((c, i) => (
          <Text key={i} className="service-item">{`${i + 1}. ${c}`}</Text>
        ))}
      </Block>

      <Block title="申请材料">
        <MaterialChecklist serviceId={service.id} materials={service.materials} />
      </Block>

      <Block title="办理流程">
        <View role="list" aria-label="办理流程">
          {service.steps.map((s, i) => (
            <View key={i} className="service-step" role="listitem">
              <Text className="service-step__title">{`第${i + 1}步　${s.title}`}</Text>
              <Text className="service-step__detail">{s.detail}</Text>
            </View>
          ))}
        </View>
      </Block>

      <Block title="办理时限和收费">
        <Text className="service-item">{`法定时限：${service.timeLimit.statutory}`}</Text>
        <Text className="service-item">{`承诺时限：${service.timeLimit.promised}`}</Text>
        <Text className="service-item">{`收费：${service.fee}`}</Text>
      </Block>

      <Block title="在哪里办">
        {service.channels.map((c, i) => {
          const number = c.kind === 'phone' ? firstPhoneNumber(`${c.name} ${c.detail}`) : null
          return (
            <View key={i} className="service-channel">
              <Text className="service-channel__kind">{CHANNEL_LABEL[c.kind]}</Text>
              <View className="service-channel__body">
                {(() => {
                  const url = onlineChannelUrl(c.name)
                  return url ? (
                    <View
                      className="service-channel__name service-channel__link"
                      role="link"
                      aria-label={`打开${c.name}网站（新窗口）`}
                      onClick={() => openOnlineChannel(url)}
                    >
                      <Text>{`${c.name} ›`}</Text>
                    </View>
                  ) : (
                    <Text className="service-channel__name">{c.name}</Text>
                  )
                })()}
                <Text className="service-channel__detail">{c.detail}</Text>
                {c.kind === 'online' ? <OnlineChannelCopy name={c.name} /> : null}
                {number && (
                  <View
                    className="service-call"
                    role="button"
                    aria-label={`拨打${c.name}，电话${number}`}
                    onClick={() => callPhone(number)}
                  >
                    <Text>{`拨打 ${number}`}</Text>
                  </View>
                )}
              </View>
            </View>
          )
        })}
        <View className="service-office">
          <Text className="service-office__name">{service.office.name}</Text>
          <Text className="service-item">{`地址：${service.office.address}`}</Text>
          <Text className="service-item">{`办公时间：${service.office.hours}`}</Text>
          {officePhone ? (
            <View
              className="service-call"
              role="button"
              aria-label={`拨打${service.office.name}电话${officePhone}`}
              onClick={() => callPhone(officePhone)}
            >
              <Text>{`电话：${service.office.phone}（点按拨打）`}</Text>
            </View>
          ) : (
            <Text className="service-item">{`电话：${service.office.phone}`}</Text>
          )}
        </View>
        <View className="service-call" role="button" aria-label="拨打12345政务服务便民热线" onClick={() => callPhone('12345')}>
          <Text>咨询、投诉：拨打 12345 政务服务便民热线</Text>
        </View>
      </Block>

      <Block title="办理依据">
        {service.legalBasis.map((b, i) => (
          <Text key={i} className="service-item">
            {b}
          </Text>
        ))}
        {service.source.reformRef && <Text className="service-item">{`办理方式依据：${service.source.reformRef}`}</Text>}
      </Block>

      {related.length > 0 && (
        <Block title="相关救助标准">
          {related.map((p) => {
            const v = valueOn(p, today)
            const amount = v.ok ? `：${moneyText(v.value.current.amountFen, p.unit)}` : ''
            return (
              <View
                key={p.id}
                className="service-link"
                role="link"
                aria-label={`${p.label}${amount.replace(/\//g, '每')}，查看标准和出处`}
                onClick={() => openPage(routes.standardDetail({ id: p.id }))}
              >
                <Text>{`${p.shortLabel}${amount} ›`}</Text>
              </View>
            )
          })}
        </Block>
      )}
    </PageShell>
  )
}
