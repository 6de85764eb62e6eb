// Installs the H5 offline shell (src/sw/service-worker.js, served as /sw.js) in production H5
// builds, so a phone that opened the app once can open it again without a network. WeChat keeps the
// code package on the phone itself, so there is nothing to do there. Failures are silent: without
// the worker the app works as before, online.

interface ShellWindow {
  isSecureContext?: boolean
  navigator: { serviceWorker?: ServiceWorkerContainer }
  performance?: { getEntriesByType: (type: string) => readonly { name: string }[] }
  document?: { readyState: DocumentReadyState }
  addEventListener?: (type: 'load', listener: () => void, options: { once: boolean }) => void
}

export function installOfflineShell(): void {
  if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return
  const win = globalThis as unknown as ShellWindow
  const container = win.navigator?.serviceWorker
  // service workers need https (or localhost)
  if (!container || win.isSecureContext === false) return
  const register = () => {
    container
      .register('/sw.js', { scope: '/' })
      .then(() => container.ready)
      .then((registration) => {
        // the bundles this launch loaded before the worker existed: it copies them from the HTTP cache
        const urls = (win.performance?.getEntriesByType('resource') ?? []).map((entry) => entry.name)
        registration.active?.postMessage({ type: 'keep-loaded', urls })
      })
      .catch(() => undefined)
  }
  // Installing the worker downloads the whole app for offline use; after the page's load event it
  // no longer competes with the first screen for the network and the phone's CPU.
  if (!win.document || win.document.readyState === 'complete' || !win.addEventListener) register()
  else win.addEventListener('load', register, { once: true })
}
