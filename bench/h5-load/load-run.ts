// 1. load: cold, warm and offline visits of the home page on a throttled phone, in one fresh profile.
import { TIMEOUT_MS } from './settings'
import { type Mode, type Subject, type Visit, homeUrl, newPhone, serviceWorkerState, visit } from './visit'

export interface LoadRun {
  visits: Record<Mode, Visit>
  serviceWorker: string
}

export async function loadRun(subject: Subject): Promise<LoadRun> {
  const { phone, log } = await newPhone(subject)
  const { page } = phone
  const url = homeUrl(subject)
  try {
    await phone.throttle(true)
    const cold = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.cold)
    const serviceWorker = await serviceWorkerState(page)
    await subject.proxy.idle(800, 20_000)
    await page.goto('about:blank')
    const warm = await visit(phone, log, subject, () => page.goto(url, { waitUntil: 'commit' }), TIMEOUT_MS.warm)
    await phone.setOffline(true)
    const offline = await visit(phone, log, subject, () => page.reload({ waitUntil: 'commit' }), TIMEOUT_MS.offline)
    return { visits: { cold, warm, offline }, serviceWorker }
  } finally {
    await phone.close()
  }
}
