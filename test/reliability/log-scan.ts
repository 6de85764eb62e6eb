// Scanning server logs for residents' household data. Reusable: the e2e suite passes the figures it
// typed into the app and the log of the server it ran against.
//
//   const findings = findHouseholdFiguresInLogs(server.logs(), [4817.37, 13, '360203199001011234'])
//   expect(findings).toEqual([])

export interface LogFinding {
  /** a figure that was asked about, or a field name of the self-check's answers */
  kind: 'figure' | 'field'
  /** the text found */
  what: string
  /** 1-based line of the log */
  line: number
  excerpt: string
}

/** Names of the self-check's answers: if one shows up, a request body (or a query) was logged. */
export const HOUSEHOLD_FIELDS = [
  'householdSize',
  'monthlyIncome',
  'hasCapableSupporter',
  'canWork',
  'selfCare',
  'perCapitaIncome',
  'monthlyAllowance',
] as const

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The ways a figure can be written: as given, with two decimals, and in 分 (×100, as the rules hold
 * money). Figures shorter than 3 characters in every form (a household of 3, an age of 70) cannot be
 * told apart from other numbers in a log and are left to the field-name scan.
 */
function needlesOf(figure: number | string): string[] {
  if (typeof figure === 'string') return figure.length >= 3 ? [figure] : []
  if (!Number.isFinite(figure)) return []
  const forms = new Set<string>([String(figure), figure.toFixed(2), String(Math.round(figure * 100))])
  return [...forms].filter((f) => f.replace(/^-/, '').length >= 3)
}

/**
 * Every place in the log where one of the figures, or a household field name, appears. Numbers match
 * only as whole numbers (4817.37 is not found inside 14817.379 or a timestamp).
 */
export function findHouseholdFiguresInLogs(logText: string, figures: readonly (number | string)[]): LogFinding[] {
  const lines = logText.split('\n')
  const patterns: { kind: LogFinding['kind']; what: string; re: RegExp }[] = []
  for (const figure of figures) {
    for (const needle of needlesOf(figure)) {
      const re =
        typeof figure === 'number' ? new RegExp(`(?<![\\d.])${escapeRegExp(needle)}(?!\\d|\\.\\d)`) : new RegExp(escapeRegExp(needle))
      patterns.push({ kind: 'figure', what: needle, re })
    }
  }
  for (const field of HOUSEHOLD_FIELDS) patterns.push({ kind: 'field', what: field, re: new RegExp(`["']${field}["']|\\b${field}=`) })
  const findings: LogFinding[] = []
  lines.forEach((text, i) => {
    for (const { kind, what, re } of patterns) {
      const m = re.exec(text)
      if (m) findings.push({ kind, what, line: i + 1, excerpt: text.slice(Math.max(0, m.index - 60), m.index + what.length + 60) })
    }
  })
  return findings
}
