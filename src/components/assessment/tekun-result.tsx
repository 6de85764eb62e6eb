// The 特困 result: the headline, the three conditions one by one, the 供养 standard and the 照料护理
// allowance with their sources, what is still checked, and where to apply.
import './assessment.scss'
import { Text, View } from '@tarojs/components'
import { CARE_STANDARD_ID, type ContentPack, type TekunAssessment, type TekunInput, formatYuan, supportStandardId } from '../../domain'
import { ApplyServices, NoteList, ResultBasis } from './result-parts'
import { CalculationSteps } from './steps'

export interface TekunResultProps {
  assessment: TekunAssessment
  input: TekunInput
  pack: ContentPack
}

const CRITERIA: ReadonlyArray<{ key: keyof TekunAssessment['criteria']; label: string }> = [
  { key: 'noWorkCapacity', label: '无劳动能力' },
  { key: 'noLivelihood', label: '无生活来源' },
  { key: 'noCapableSupporter', label: '无法定义务人或义务人无能力' },
]

export function TekunResult({ assessment: a, input, pack }: TekunResultProps) {
  const total = formatYuan(a.monthlyTotalFen)
  return (
    <View className="assess-result__body">
      {a.meetsCriteria ? (
        <View className="assess-headline assess-headline--yes">
          <Text className="assess-headline__lead">按您填写的情况，可能符合特困人员供养条件</Text>
          <View className="assess-headline__amount" role="text" aria-label={`每月约${total}元`}>
            <Text>每月约 </Text>
            <Text className="assess-headline__number">{total}</Text>
            <Text> 元</Text>
          </View>
          <Text className="assess-headline__sub">
            {a.careAllowanceFen > 0
              ? `基本生活供养 ${formatYuan(a.monthlySupportFen)} 元 + 照料护理补助 ${formatYuan(a.careAllowanceFen)} 元 = ${total} 元`
              : `基本生活供养 ${formatYuan(a.monthlySupportFen)} 元`}
          </Text>
        </View>
      ) : (
        <View className="assess-headline assess-headline--no">
          <Text className="assess-headline__lead">按您填写的情况，三个条件还没有同时符合</Text>
          <Text className="assess-headline__sub">这不是最终结论；下面这些帮助也许适合您。</Text>
        </View>
      )}
      <View className="assess-criteria" role="list" aria-label="三个条件">
        {CRITERIA.map((c) => (
          <View key={c.key} role="listitem" className={`assess-criteria__item assess-criteria__item--${a.criteria[c.key] ? 'yes' : 'no'}`}>
            <Text aria-hidden="true">{a.criteria[c.key] ? '✓ ' : '✗ '}</Text>
            <Text>{`${c.label}：${a.criteria[c.key] ? '符合' : '不符合'}`}</Text>
          </View>
        ))}
      </View>
      {!a.meetsCriteria && <NoteList title="还可以试试这些帮助" items={a.alternatives} tone="help" />}
      <ResultBasis assessment={a} />
      <Text className="assess-section-title">计算过程</Text>
      <CalculationSteps
        steps={a.steps}
        parameterIdByStep={{
          'support-standard': supportStandardId(input),
          'care-allowance': input.selfCare !== 'self' && a.careStandardFen > 0 ? CARE_STANDARD_ID[input.selfCare] : undefined,
        }}
      />
      <NoteList title="还要核实的情况" items={a.caveats} />
      {a.meetsCriteria && <NoteList title="其他可能的帮助" items={a.alternatives} tone="help" />}
      <ApplyServices serviceIds={a.serviceIds} services={pack.services} />
    </View>
  )
}
