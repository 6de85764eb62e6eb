// Schema problems in Chinese: content editors read these, and zod's defaults are English.
// Messages written into the schema itself (e.g. 日期格式应为 YYYY-MM-DD) take precedence over these.
import type { z } from 'zod'

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
}

export const chineseSchemaMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少这一项（必填）'
      return `类型不对：应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'array') return `至少要有 ${issue.minimum} 项`
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少要有 ${issue.minimum} 个字符`
      return issue.inclusive ? `不能小于 ${issue.minimum}` : `须大于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字符`
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`
      return issue.inclusive ? `不能大于 ${issue.maximum}` : `须小于 ${issue.maximum}`
    case 'invalid_value':
      return `只能是以下之一：${issue.values.map((v) => String(v)).join('、')}`
    case 'invalid_format':
      return '格式不对'
    case 'unrecognized_keys':
      return `有不认识的字段：${issue.keys.join('、')}`
    default:
      return undefined
  }
}
