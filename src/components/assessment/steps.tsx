// The calculation, line by line, as the rules computed it, each line with its legal basis.
import './assessment.scss'
import { Text, View } from '@tarojs/components'
import type { Step } from '../../domain'
import { StepCitation } from './citation'

export interface CalculationStepsProps {
  steps: readonly Step[]
  /** step id → the standard whose figure it shows (those link to the standard's page) */
  parameterIdByStep: Readonly<Record<string, string | undefined>>
}

export function CalculationSteps({ steps, parameterIdByStep }: CalculationStepsProps) {
  return (
    <View className="assess-steps" role="list" aria-label="计算过程">
      {steps.map((step, index) => (
        <View key={step.id} className="assess-steps__item" role="listitem">
          <View className="assess-steps__head">
            <Text className="assess-steps__index">{`第${index + 1}步`}</Text>
            <Text className="assess-steps__label">{step.label}</Text>
          </View>
          <Text className="assess-steps__text">{step.text}</Text>
          <StepCitation citation={step.citation} parameterId={parameterIdByStep[step.id]} />
        </View>
      ))}
    </View>
  )
}
