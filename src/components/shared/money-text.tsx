// An amount of money with its unit, read aloud as words ("660元每人每月"), never a bare number.
// Shared by every page that shows a figure (standards, self-check results, service fees).
import { Text, View } from '@tarojs/components'
import { type Fen, formatChange, formatYuan } from '../../domain'

export type MoneySize = 'small' | 'normal' | 'large' | 'hero'

export interface MoneyTextProps {
  /** the amount in 分 (integer) */
  fen: Fen
  /** the unit after the number; default 元/人/月 (the unit of every relief standard) */
  unit?: string
  /** show the sign, for a change: "+60元" */
  signed?: boolean
  size?: MoneySize
  className?: string
}

/** "元/人/月" → "元每人每月": screen readers read a slash as "斜杠". */
export function spokenUnit(unit: string): string {
  return unit.replace(/\//g, '每')
}

/** The words a screen reader should say for an amount, e.g. "660元每人每月", "增加60元每人每月". */
export function moneyLabel(fen: Fen, unit = '元/人/月', signed = false): string {
  const spoken = spokenUnit(unit)
  if (!signed) return `${formatYuan(fen)}${spoken}`
  if (fen === 0) return '没有变化'
  return `${fen > 0 ? '增加' : '减少'}${formatYuan(Math.abs(fen))}${spoken}`
}

/** The same amount as plain text, e.g. "660元/人/月" or "+60元". */
export function moneyText(fen: Fen, unit = '元/人/月', signed = false): string {
  return `${signed ? formatChange(fen) : formatYuan(fen)}${unit}`
}

export function MoneyText({ fen, unit = '元/人/月', signed = false, size = 'normal', className }: MoneyTextProps) {
  const classes = ['money-text', `money-text--${size}`, className].filter(Boolean).join(' ')
  return (
    <View className={classes} role="text" aria-label={moneyLabel(fen, unit, signed)}>
      <Text className="money-text__amount">{signed ? formatChange(fen) : formatYuan(fen)}</Text>
      <Text className="money-text__unit">{unit}</Text>
    </View>
  )
}
