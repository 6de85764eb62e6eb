// The content probe: a script installed before the page's own that notes the first animation frame in
// which the awaited content is laid out on screen, and what counts as that content for each app.
import { type ContentPack, formatYuan, standardsOn, todayInShanghai } from '../../src/domain'

/** What counts as "the content is on screen": an element matching selector whose text has all texts. */
export interface Probe {
  selector: string
  texts: string[]
  description: string
}

interface ProbeState {
  contentVisible: number | null
}

export type ProbeWindow = Window & { __benchProbe?: ProbeState }

/**
 * Installed before any of the page's scripts: on every animation frame (until found), look for the
 * content and note performance.now() in the first frame where it is laid out inside the viewport.
 */
export function probeScript(probe: Probe): string {
  return `(() => {
  if (window.top !== window) return;
  const probe = ${JSON.stringify({ selector: probe.selector, texts: probe.texts })};
  const state = { contentVisible: null };
  Object.defineProperty(window, '__benchProbe', { value: state });
  const squash = (s) => s.replace(/\\s+/g, '');
  const seen = () => {
    for (const el of document.querySelectorAll(probe.selector)) {
      const text = squash(el.textContent || '');
      if (!probe.texts.every((t) => text.includes(t))) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) return true;
    }
    return false;
  };
  const tick = () => {
    if (seen()) { state.contentVisible = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`
}

/** Our home page's urban 低保 card with today's figure, computed from the bundled content. */
export function appProbe(pack: ContentPack): Probe {
  const today = todayInShanghai()
  const standards = standardsOn(pack.parameters, today)
  const urban = standards.ok ? standards.value.inForce.find((v) => v.parameter.id === 'dibao-urban-standard') : undefined
  if (!urban) throw new Error(`the bundled content has no urban 低保 standard in force on ${today}`)
  const amount = `${formatYuan(urban.current.amountFen)}元`
  return {
    selector: '.standard-card',
    texts: [urban.parameter.shortLabel, amount],
    description: `the home page's ${urban.parameter.shortLabel} card showing ${amount}`,
  }
}

export const BASELINE_PROBE: Probe = { selector: '.title', texts: ['HelloNutUI'], description: 'the baseline\'s "Hello NutUI" title' }
