// 2. revisit: what reaches the server when the app is opened again with unchanged content, after one
// section was republished through the admin API, and offline.
import { at } from '../../harness/at'
import { ADMIN_TOKEN, type RunningServer } from '../../harness/e2e'
import { type ContentPack, SECTION_NAMES, manifestSchema } from '../../src/domain'
import { isApi } from './counting-proxy'
import type { DocumentSource } from './net-log'
import { size } from './cells'
import { TIMEOUT_MS, firstLine } from './settings'
import { type Subject, type Visit, homeUrl, newPhone, serviceWorkerState, visit } from './visit'

export interface RevisitStep {
  shown: boolean
  reason: string | null
  shell: { requests: number; bytes: number }
  api: { requests: number; bytes: number }
  /** "GET content/manifest 304 (conditional), 0 B", as the server answered */
  apiCalls: string[]
  /** the same without the byte counts, to tell whether runs behaved alike */
  apiPattern: string
  /** "GET /index.html 304 (conditional), 0 B", as the server answered */
  shellCalls: string[]
  /** sections whose body was downloaded (200 with bytes) */
  sectionsDownloaded: string[]
  /** requests of the visit that went (or tried to go) to the network, as the browser saw them */
  networkRequests: string[]
  /** JS/CSS responses that came without content-encoding, with their bytes */
  uncompressed: { path: string; bytes: number }[]
  /** the section the app stored after the visit (faq), when checked */
  storedFaq: string | null
  document: DocumentSource
}

export type RevisitKind = 'unchanged' | 'changed' | 'offline'

export type RevisitResult = Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string }

function revisitStep(v: Visit): RevisitStep {
  const shell = v.server.hits.filter((h) => !isApi(h.path))
  const api = v.server.hits.filter((h) => isApi(h.path))
  const sectionOf = (p: string) => /^\/api\/v1\/content\/([a-z]+)/.exec(p)?.[1] ?? null
  return {
    shown: v.shown,
    reason: v.reason,
    shell: { requests: shell.length, bytes: shell.reduce((s, h) => s + h.bodyBytes, 0) },
    api: { requests: api.length, bytes: api.reduce((s, h) => s + h.bodyBytes, 0) },
    apiCalls: api.map(
      (h) => `${h.method} ${h.path.replace(/^\/api\/v1\//, '')} ${h.status}${h.conditional ? ' (conditional)' : ''}, ${size(h.bodyBytes)}`,
    ),
    apiPattern: api.map((h) => `${h.method} ${h.path} ${h.status}`).join('; '),
    shellCalls: shell.map((h) => `${h.method} ${h.path} ${h.status}${h.conditional ? ' (conditional)' : ''}, ${size(h.bodyBytes)}`),
    sectionsDownloaded: api
      .filter((h) => h.status === 200 && h.bodyBytes > 0)
      .map((h) => sectionOf(h.path))
      .filter((s): s is string => s !== null && s !== 'manifest' && (SECTION_NAMES as readonly string[]).includes(s)),
    networkRequests: v.networkRequests,
    uncompressed: shell
      .filter((h) => /javascript|css/.test(h.contentType) && !h.encoding && h.bodyBytes > 0)
      .map((h) => ({ path: h.path, bytes: h.bodyBytes })),
    storedFaq: null,
    document: v.document,
  }
}

/** Publish the pack with only the faq section changed, through the admin API; null or the problem. */
async function publishFaqChange(server: RunningServer, base: ContentPack, tag: string): Promise<string | null> {
  try {
    const manifestResponse = await fetch(`${server.base}/api/v1/content/manifest`)
    const manifest = manifestSchema.parse(await manifestResponse.json())
    const pack = structuredClone(base)
    pack.meta.version = `${base.meta.version}-bench-${tag}`
    const faq = at(pack.faq, 0)
    faq.answer = `${faq.answer}（基准测试修订 ${tag}）`
    const response = await fetch(`${server.base}/api/v1/admin/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'if-match': `"${manifest.version}"`, 'content-type': 'application/json' },
      body: JSON.stringify(pack),
    })
    if (response.status !== 201) return `publish answered ${response.status}: ${(await response.text()).slice(0, 300)}`
    return null
  } catch (error) {
    return `publish failed: ${firstLine(error)}`
  }
}

export async function revisitRun(
  subject: Subject,
  pack: ContentPack | null,
  tag: string,
): Promise<Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string }> {
  const { phone, log } = await newPhone(subject)
  const { page } = phone
  const url = homeUrl(subject)
  const out: Partial<Record<RevisitKind, RevisitStep>> & { publishProblem?: string } = {}
  try {
    await phone.throttle(false)
    await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.cold)
    await serviceWorkerState(page)
    await subject.proxy.idle(800, 20_000)

    await page.goto('about:blank')
    const unchanged = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
    out.unchanged = revisitStep(unchanged)

    if (pack) {
      const problem = await publishFaqChange(subject.server, pack, tag)
      if (problem) {
        out.publishProblem = problem
      } else {
        await page.goto('about:blank')
        const changed = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
        out.changed = revisitStep(changed)
        out.changed.storedFaq = await page
          .evaluate((t) => {
            for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i) ?? ''
              if (key.includes('section:faq:') && (localStorage.getItem(key) ?? '').includes(t)) return key
            }
            return null
          }, `基准测试修订 ${tag}`)
          .catch(() => null)
      }
    }

    await phone.setOffline(true)
    const offline = await visit(phone, log, subject, () => page.reload({ waitUntil: 'commit' }), TIMEOUT_MS.offline)
    out.offline = revisitStep(offline)
    return out
  } finally {
    await phone.close()
  }
}
