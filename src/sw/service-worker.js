// @ts-check
/// <reference lib="webworker" />
// The H5 app's offline shell. A phone that has opened the app once opens it again without a network
// (and, online, without waiting for one): the page (index.html) and the hashed JS/CSS are answered
// from this worker's cache. The page is served stale-while-revalidate — the copy kept at once, a
// fresh one fetched behind it for the next launch once the kept one is PAGE_CHECK_MS old — so a
// launch costs no request for the shell, and a deploy reaches a phone within that time plus a launch
// (content is another matter: the app checks its manifest on every launch). The API is never touched here: the app keeps its content in its own versioned store
// (src/services/content-cache) and shows it, marked offline, when the network fails.
//
// Each build of the app gets its own cache (named after a hash of its index.html); the two newest are
// kept, so a page of the previous build that is still open can finish loading its chunks.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self))

const CACHE_PREFIX = 'jdz-shell-'
const BUILDS_KEPT = 2
const PAGE_PATH = '/index.html'
/** how old the kept index.html may get before a launch fetches a fresh one behind it */
const PAGE_CHECK_MS = 6 * 60 * 60 * 1000
/** when the kept copy was fetched (a header of our own on the cached response) */
const FETCHED_AT = 'x-shell-fetched-at'
/** hashed, immutable bundles: js/app.3db490db.js, css/app.3db490db0a2f6487d4e0.css, static/… */
const ASSET = /^\/(js|css|static)\/[^?#]+[.-][0-9a-f]{8,}\.[a-z0-9]+$/i
/**
 * Every page's JS and CSS (and the tab icons), from the build's own file list: `npm run build:h5`
 * (scripts/after-build-h5.ts) writes it in place of the empty list below. Kept at install, so a page
 * never opened online still opens offline. The list also makes each build's worker differ, which is
 * what tells a phone that a new build exists.
 */
/** the build puts its list here as JSON, in a string so that minifying the worker keeps the token */
const PRECACHE_JSON = '__JDZ_PRECACHE_LIST__'
const PRECACHE = /** @type {readonly string[]} */ (PRECACHE_JSON.startsWith('[') ? JSON.parse(PRECACHE_JSON) : [])

/** @param {string} text */
function buildIdOf(text) {
  // FNV-1a over the page: a new build references new hashed bundles, so its index.html differs
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

async function buildCaches() {
  // CacheStorage lists caches in the order they were created: the last one is the newest build
  return (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX))
}

async function newestCache() {
  const names = await buildCaches()
  const newest = names[names.length - 1]
  return newest === undefined ? null : caches.open(newest)
}

function pageUrl() {
  return new URL(PAGE_PATH, sw.registration.scope).href
}

/** Fetch index.html from the network and keep it in its build's cache (a new cache for a new build). */
async function refreshPage() {
  const response = await fetch(pageUrl(), { cache: 'no-cache', credentials: 'same-origin' })
  if (!response.ok || response.type !== 'basic') return response
  const text = await response.clone().text()
  const name = CACHE_PREFIX + buildIdOf(text)
  const names = await buildCaches()
  // a build seen before that is not the newest (a rollback) starts over as the newest
  if (names.includes(name) && names[names.length - 1] !== name) await caches.delete(name)
  const cache = await caches.open(name)
  const headers = new Headers(response.headers)
  // the body is stored decoded, whatever encoding it travelled in
  headers.delete('content-encoding')
  headers.delete('content-length')
  headers.set(FETCHED_AT, String(Date.now()))
  await cache.put(pageUrl(), new Response(text, { status: response.status, statusText: response.statusText, headers }))
  const stale = (await buildCaches()).slice(0, -BUILDS_KEPT)
  await Promise.all(stale.map((old) => caches.delete(old)))
  return response
}

/** @param {FetchEvent} event */
async function answerPage(event) {
  const cache = await newestCache()
  const kept = cache ? await cache.match(pageUrl()) : undefined
  if (kept) {
    const age = Date.now() - Number(kept.headers.get(FETCHED_AT) ?? 0)
    if (!(age >= 0 && age < PAGE_CHECK_MS)) event.waitUntil(refreshPage().catch(() => undefined))
    return kept
  }
  return refreshPage()
}

/** @param {Request} request */
async function answerAsset(request) {
  const kept = await caches.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok && response.type === 'basic') {
    const cache = await newestCache()
    if (cache) await cache.put(request, response.clone())
  }
  return response
}

/**
 * Bundles the page loaded before this worker took control (the first launch) are copied into the
 * cache from the browser's HTTP cache — immutable files, so this costs no download.
 * @param {readonly string[]} urls
 */
async function keepLoaded(urls) {
  const cache = await newestCache()
  if (!cache) return
  const own = urls.filter((url) => {
    const parsed = new URL(url, sw.registration.scope)
    return parsed.origin === sw.location.origin && ASSET.test(parsed.pathname)
  })
  await Promise.all(
    own.map(async (url) => {
      if (await cache.match(url)) return
      const response = await fetch(url)
      if (response.ok) await cache.put(url, response)
    }),
  )
}

/**
 * Keep every file of the build's list. One file that fails (a flaky network at install) does not
 * cost the others: it is fetched, and kept, when a page first asks for it.
 */
async function precacheAll() {
  const cache = await newestCache()
  if (!cache) return
  await Promise.all(
    PRECACHE.map(async (file) => {
      const url = new URL(file, sw.registration.scope).href
      if (await cache.match(url)) return
      const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null)
      if (response && response.ok && response.type === 'basic') await cache.put(url, response)
    }),
  )
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    refreshPage()
      .then(() => precacheAll())
      .then(() => sw.skipWaiting()),
  )
})

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim())
})

sw.addEventListener('message', (event) => {
  const data = /** @type {{ type?: unknown, urls?: unknown }} */ (event.data ?? {})
  if (data.type === 'keep-loaded' && Array.isArray(data.urls)) {
    event.waitUntil(keepLoaded(data.urls.filter((url) => typeof url === 'string')).catch(() => undefined))
  }
})

sw.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== sw.location.origin) return
  if (request.mode === 'navigate' && (url.pathname === '/' || url.pathname === PAGE_PATH)) {
    event.respondWith(answerPage(event))
  } else if (ASSET.test(url.pathname)) {
    event.respondWith(answerAsset(request))
  }
  // everything else — the API above all — goes to the network as if this worker did not exist
})
