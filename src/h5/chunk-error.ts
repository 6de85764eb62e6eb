// H5 only: a page whose code cannot be downloaded (offline before the service worker kept it, a
// dropped connection) must not leave a dead tap. Taro's router lazy-loads each page through
// webpack; when the chunk's JS or CSS fails, webpack rejects with a ChunkLoadError ("Loading chunk
// 12 failed.", "Loading CSS chunk 12 failed."), which the router rethrows out of its history
// listener as an unhandled rejection: the tab highlight moves and the old page stays. This catches
// that rejection and shows what happened, with 重试 (reload the same route: webpack forgets a
// failed chunk, and the service worker answers it once it is kept) and 关闭.
import './chunk-error.scss'

const BOX_ID = 'jdz-chunk-error'

/** Whether a rejection reason is webpack's failure to load a chunk (JS or CSS). */
export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false
  const { name, message } = reason as { name?: unknown; message?: unknown }
  return name === 'ChunkLoadError' || (typeof message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(message))
}

/** The message with its two buttons, added once to the document. */
export function showChunkError(doc: Document, retry: () => void): HTMLElement {
  const existing = doc.getElementById(BOX_ID)
  if (existing) return existing
  const box = doc.createElement('div')
  box.id = BOX_ID
  box.className = 'chunk-error'
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-live', 'assertive')
  const card = doc.createElement('div')
  card.className = 'chunk-error__card'
  const title = doc.createElement('p')
  title.className = 'chunk-error__title'
  title.textContent = '这一页没能打开'
  const text = doc.createElement('p')
  text.className = 'chunk-error__text'
  text.textContent = '网络不通，这一页的内容还没有存到手机上。请连上网络后点“重试”。'
  const again = doc.createElement('button')
  again.type = 'button'
  again.className = 'chunk-error__retry'
  again.textContent = '重试'
  again.addEventListener('click', () => {
    box.remove()
    retry()
  })
  const close = doc.createElement('button')
  close.type = 'button'
  close.className = 'chunk-error__close'
  close.textContent = '关闭'
  close.addEventListener('click', () => box.remove())
  card.append(title, text, again, close)
  box.append(card)
  doc.body.append(box)
  again.focus()
  return box
}

export function installChunkErrorNotice(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadError(event.reason)) return
    // handled here: shown to the person, not left as an uncaught error
    event.preventDefault()
    showChunkError(document, () => window.location.reload())
  })
}
