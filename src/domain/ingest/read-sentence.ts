// One sentence read left to right: names of standards (with their area, way of support and
// self-care level) set the subject, and each figure belongs to the subject named before it, with the
// role the words just before it give (由…, 提高到…, 增加…). A standard named only as the base of a
// multiple (按当地低保标准的1.3倍) is part of that figure, not a new subject.
import { type AmountFigure, type Figure, amountAt, multiplierAt, percentAt, periodOf, roleOf } from './figures'
import type { Span } from './sentences'
import { type Area, type Subject, resolveSubject, termAt } from './vocabulary'

export interface Group {
  subject: Subject
  figures: Figure[]
  /** 月人均补差 names a monthly figure even when no 每月 is written */
  monthlyByName: boolean
}

/** Read one sentence into subject groups. */
export function readSentence(text: string, span: Span): Group[] {
  const groups: Group[] = []
  let subject: Subject = { concept: null, areas: [], mode: null, level: null }
  let monthlyByName = false
  let lastStop = span.from
  let lastWasArea = false
  // Figures with no name between them share a group; a name starts a new one.
  const currentGroup = (): Group | null => {
    const last = groups[groups.length - 1]
    return last && last.subject === subject ? last : null
  }
  const addFigure = (figure: Figure) => {
    const group = currentGroup() ?? { subject, figures: [], monthlyByName }
    if (!groups.includes(group)) groups.push(group)
    group.figures.push(figure)
  }
  for (let i = span.from; i < span.to;) {
    // A standard named only as the base of a multiple (按当地低保标准的1.3倍) is not a new subject.
    const base = baseMultipleAt(text, i, span.to)
    if (base) {
      addFigure({
        kind: 'multiplier',
        index: base.figureIndex,
        length: base.raw.length,
        raw: base.raw,
        numeral: base.numeral,
        thousandths: base.thousandths,
        baseText: text.slice(i, base.figureIndex),
      })
      i = lastStop = base.figureIndex + base.raw.length
      lastWasArea = false
      continue
    }
    const t = termAt(text, i)
    if (t && i + t.length <= span.to) {
      const between = text.slice(lastStop, i)
      const term = t.term
      if (term.kind === 'area') {
        const areas: Area[] = term.area === 'both' ? ['urban', 'rural'] : [term.area]
        // 城市、农村低保标准: areas joined by 、/和 name both.
        const joined = lastWasArea && /^[、和与及]?$/.test(between)
        subject = { ...subject, areas: joined ? [...new Set([...subject.areas, ...areas])] : areas }
      } else if (term.kind === 'concept') {
        subject = {
          ...subject,
          concept: term.concept,
          // A name without 集中/分散 (城镇特困人员供养标准) does not carry on the previous one's.
          mode: term.mode ?? null,
        }
        monthlyByName = text.slice(i, i + t.length).includes('月')
      } else {
        subject = { ...subject, level: term.level }
      }
      lastWasArea = term.kind === 'area'
      i = lastStop = i + t.length
      continue
    }
    const amount = amountAt(text, i)
    if (amount && i + amount.raw.length <= span.to) {
      const lead = text.slice(lastStop, i)
      const group = currentGroup()
      const previous = group ? lastAmount(group) : null
      const figure: AmountFigure = {
        kind: 'amount',
        index: i,
        length: amount.raw.length,
        raw: amount.raw,
        numeral: amount.numeral,
        fen: amount.fen,
        role: roleOf(lead, previous && previous.index + previous.length === lastStop ? previous : null),
        period: amount.suffixPeriod ?? periodOf(lead),
      }
      addFigure(figure)
      i = lastStop = i + amount.raw.length
      lastWasArea = false
      continue
    }
    const percent = percentAt(text, i)
    const multiplier = percent ? null : multiplierAt(text, i)
    if (percent || multiplier) {
      const raw = percent ?? multiplier?.raw ?? ''
      addFigure({ kind: 'percent', index: i, length: raw.length, raw })
      i = lastStop = i + raw.length
      lastWasArea = false
      continue
    }
    i++
  }
  return groups
}

function lastAmount(group: Group): AmountFigure | null {
  const last = group.figures[group.figures.length - 1]
  return last?.kind === 'amount' ? last : null
}

function baseMultipleAt(text: string, i: number, end: number) {
  let j = i
  const area = termAt(text, j)
  if (area?.term.kind === 'area') j += area.length
  const concept = termAt(text, j)
  if (concept?.term.kind !== 'concept') return null
  j += concept.length
  const multiplier = multiplierAt(text, j)
  if (!multiplier || j + multiplier.raw.length > end) return null
  return { figureIndex: j, ...multiplier }
}

/**
 * 精简退职职工救济标准增加30元，其中城市的由…，农村的由…: an increase named before the areas applies
 * to each area the sentence then names for the same standard.
 */
export function shareIncreases(groups: Group[]): Group[] {
  const kept: Group[] = []
  for (const [k, group] of groups.entries()) {
    const unresolved = !resolveSubject(group.subject).ok && group.subject.concept !== null && group.subject.areas.length === 0
    const onlyIncreases = group.figures.every((f) => f.kind === 'amount' && f.role === 'increase')
    const heirs = groups.slice(k + 1).filter((g) => g.subject.concept === group.subject.concept && resolveSubject(g.subject).ok)
    if (unresolved && onlyIncreases && heirs.length > 0) {
      for (const heir of heirs)
        if (!heir.figures.some((f) => f.kind === 'amount' && f.role === 'increase')) heir.figures.unshift(...group.figures)
      continue
    }
    kept.push(group)
  }
  return kept
}
