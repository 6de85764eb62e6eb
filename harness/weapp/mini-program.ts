// Runs the production dist/weapp in Node the way WeChat's logic layer does: the files are CommonJS
// modules evaluated in a fresh VM context holding only what WeChat provides (wx, App, Page,
// Component, Behavior, getApp, getCurrentPages, timers, console); app.js first, then the pages of
// the main package, then App.onLaunch and the entry page's onLoad/onShow/onReady. Every setData is
// applied with WeChat's path semantics and measured; the view is the data tree read through the
// build's own base.wxml (view-tree.ts). wx's long tail comes from miniprogram-simulate's API mocks;
// what a test needs to see or steer (storage, request, navigation, system info, clipboard, toast,
// modal, network, update manager, phone) is implemented here and recorded.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { SET_DATA_HARD_LIMIT_BYTES, applySetData, setDataBytes } from './set-data'
import { type DataNode, type Templates, type ViewNode, allNodes, attr, buildViewTree, readTemplates, renderText, textOf } from './view-tree'
import { WxRequest, type RequestRoute } from './wx-request'
import { WxStorage } from './wx-storage'

const simulatedWx = require('miniprogram-simulate/src/api') as Record<string, unknown>

/** WeChat's limit on the page stack. */
export const PAGE_STACK_LIMIT = 10

export interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
}

export interface LaunchOptions {
  dist: string
  /** kept between launches of the same phone */
  storage?: WxStorage
  /** where the app's API calls go (null: nowhere, every request fails) */
  api?: RequestRoute
  /** WeChat's font size setting in px (16 standard) */
  fontSizeSetting?: number
  network?: 'wifi' | '4g' | 'none'
  /** what the update manager finds on this launch */
  update?: 'none' | 'ready'
  /** how the person answers every modal (default: confirm) */
  modalConfirm?: boolean
}

type Fn = (...args: unknown[]) => unknown
type Config = Record<string, unknown>

export interface SetDataCall {
  bytes: number
  keys: number
}

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: { root?: DataNode } & Record<string, unknown>
  setDataCalls: SetDataCall[]
  [key: string]: unknown
}

export interface Modal {
  title?: string
  content?: string
  confirmed: boolean
}

interface CallbackOptions {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

function later(options: CallbackOptions | undefined, ok: boolean, result: Record<string, unknown>) {
  setTimeout(() => {
    if (ok) options?.success?.(result)
    else options?.fail?.(result)
    options?.complete?.(result)
  }, 0)
}

function splitUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart = '', queryPart = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=')
    query[key] = value
  }
  return { route: pathPart.replace(/^\//, ''), query }
}

export class MiniProgram {
  readonly dist: string
  readonly appJson: AppJson
  readonly storage: WxStorage
  readonly http: WxRequest
  readonly templates: Templates
  readonly errors: string[] = []
  readonly clipboard: string[] = []
  readonly toasts: string[] = []
  readonly modals: Modal[] = []
  readonly phoneCalls: string[] = []
  readonly updatesApplied: number[] = []
  /** what each tapped share button (open-type="share") sent */
  readonly shares: unknown[] = []
  readonly stack: PageInstance[] = []
  readonly pageConfigs = new Map<string, Config>()
  /** tab pages stay alive when another tab is shown */
  private readonly tabInstances = new Map<string, PageInstance>()
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly context: vm.Context
  private readonly networkListeners = new Set<Fn>()
  private readonly pageNotFoundListeners = new Set<Fn>()
  private networkType: string
  private loadingRoute: string | null = null
  app: Config | null = null

  constructor(private readonly options: LaunchOptions) {
    this.dist = options.dist
    this.appJson = JSON.parse(fs.readFileSync(path.join(this.dist, 'app.json'), 'utf8')) as AppJson
    this.storage = options.storage ?? new WxStorage()
    this.http = new WxRequest(options.api ?? { from: 'https://', to: null })
    this.networkType = options.network ?? 'wifi'
    this.http.offline = this.networkType === 'none'
    this.templates = readTemplates(this.dist)
    this.context = vm.createContext(this.globals())
  }

  /** Every page route in app.json, subpackages included. */
  allRoutes(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  }

  tabRoutes(): string[] {
    return (this.appJson.tabBar?.list ?? []).map((t) => t.pagePath)
  }

  // ---- the logic layer's globals -------------------------------------------------------------

  private guard(label: string, fn: Fn): Fn {
    return (...args: unknown[]) => {
      try {
        return fn(...args)
      } catch (error) {
        this.errors.push(`${label}: ${error instanceof Error || (error as Error)?.stack ? (error as Error).stack : String(error)}`)
        return undefined
      }
    }
  }

  private globals(): Record<string, unknown> {
    const record =
      (level: string) =>
      (...args: unknown[]) => {
        const text = args
          .map((a) => (a instanceof Error || (a as Error)?.stack ? (a as Error).stack : typeof a === 'string' ? a : safeJson(a)))
          .join(' ')
        if (level === 'error') this.errors.push(text)
      }
    const console = { log: () => undefined, info: () => undefined, debug: () => undefined, warn: record('warn'), error: record('error') }
    return {
      wx: this.wx(),
      console,
      setTimeout: (fn: Fn, ms?: number, ...args: unknown[]) => setTimeout(this.guard('timer', fn), ms, ...args),
      clearTimeout,
      setInterval: (fn: Fn, ms?: number, ...args: unknown[]) => setInterval(this.guard('timer', fn), ms, ...args),
      clearInterval,
      App: (config: Config) => {
        this.app = config
      },
      Page: (config: Config) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file')
        this.pageConfigs.set(this.loadingRoute, config)
      },
      Component: () => undefined, // comp.js / custom-wrapper: their data lives in the page's tree
      Behavior: (definition: unknown) => definition,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => undefined,
      __wxConfig: { pages: this.appJson.pages, global: { window: {} } },
    }
  }

  private require(file: string): unknown {
    const resolved = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(resolved)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(resolved, module)
    const code = fs.readFileSync(resolved, 'utf8')
    const wrapper = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, { filename: resolved }) as Fn
    const dir = path.dirname(resolved)
    wrapper((id: unknown) => this.require(path.resolve(dir, String(id))), module, module.exports)
    return module.exports
  }

  // ---- wx ---------------------------------------------------------------------------------------

  private wx(): Record<string, unknown> {
    const storage = this.storage
    const systemInfo = () => ({
      ...(simulatedWx.getSystemInfoSync as () => Record<string, unknown>)(),
      fontSizeSetting: this.options.fontSizeSetting ?? 16,
    })
    const sync = <T>(name: string, fn: (...args: never[]) => T) =>
      ((...args: never[]) => {
        try {
          return fn(...args)
        } catch (error) {
          throw new Error(error instanceof Error && error.message.includes(':fail') ? error.message : `${name}:fail ${String(error)}`)
        }
      }) as Fn
    const async =
      (name: string, fn: (o: Record<string, unknown>) => Record<string, unknown> | void) =>
      (o: CallbackOptions & Record<string, unknown> = {}) => {
        try {
          later(o, true, { errMsg: `${name}:ok`, ...(fn(o) ?? {}) })
        } catch (error) {
          later(o, false, { errMsg: error instanceof Error ? error.message : `${name}:fail` })
        }
      }
    const navigate =
      (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
      (o: CallbackOptions & { url?: string } = {}) => {
        const problem = this.navigate(kind, String(o.url ?? ''))
        later(o, problem === null, { errMsg: problem ?? `${kind}:ok` })
      }
    const updateManager = {
      onCheckForUpdate: (cb: Fn) => setTimeout(() => cb({ hasUpdate: this.options.update === 'ready' }), 0),
      onUpdateReady: (cb: Fn) => {
        if (this.options.update === 'ready')
          setTimeout(
            this.guard('onUpdateReady', () => cb()),
            5,
          )
      },
      onUpdateFailed: () => undefined,
      applyUpdate: () => {
        this.updatesApplied.push(Date.now())
      },
    }
    return {
      ...simulatedWx,
      getSystemInfoSync: systemInfo,
      getSystemInfo: async('getSystemInfo', systemInfo),
      getAppBaseInfo: () => ({ ...(simulatedWx.getAppBaseInfo as () => object)(), fontSizeSetting: this.options.fontSizeSetting ?? 16 }),
      setStorageSync: sync('setStorageSync', (key: string, value: unknown) => storage.set(key, value)),
      getStorageSync: sync('getStorageSync', (key: string) => storage.get(key)),
      removeStorageSync: sync('removeStorageSync', (key: string) => storage.remove(key)),
      clearStorageSync: () => storage.clear(),
      getStorageInfoSync: () => storage.info(),
      setStorage: async('setStorage', (o) => void storage.set(String(o.key), o.data)),
      getStorage: async('getStorage', (o) => {
        const data = storage.get(String(o.key))
        if (data === '') throw new Error('getStorage:fail data not found')
        return { data }
      }),
      removeStorage: async('removeStorage', (o) => void storage.remove(String(o.key))),
      clearStorage: async('clearStorage', () => void storage.clear()),
      getStorageInfo: async('getStorageInfo', () => storage.info()),
      request: (o: Parameters<WxRequest['request']>[0]) => this.http.request(o),
      getNetworkType: async('getNetworkType', () => ({ networkType: this.networkType })),
      onNetworkStatusChange: (cb: Fn) => this.networkListeners.add(cb),
      offNetworkStatusChange: (cb?: Fn) => (cb ? this.networkListeners.delete(cb) : this.networkListeners.clear()),
      onPageNotFound: (cb: Fn) => this.pageNotFoundListeners.add(cb),
      navigateTo: navigate('navigateTo'),
      redirectTo: navigate('redirectTo'),
      switchTab: navigate('switchTab'),
      reLaunch: navigate('reLaunch'),
      navigateBack: (o: CallbackOptions & { delta?: number } = {}) => {
        const problem = this.back(o.delta ?? 1)
        later(o, problem === null, { errMsg: problem ?? 'navigateBack:ok' })
      },
      setClipboardData: async('setClipboardData', (o) => {
        this.clipboard.push(String(o.data))
        this.toasts.push('内容已复制') // WeChat's own toast after a copy
      }),
      getClipboardData: async('getClipboardData', () => ({ data: this.clipboard[this.clipboard.length - 1] ?? '' })),
      showToast: async('showToast', (o) => void this.toasts.push(String(o.title ?? ''))),
      hideToast: async('hideToast', () => undefined),
      showLoading: async('showLoading', () => undefined),
      hideLoading: async('hideLoading', () => undefined),
      showModal: async('showModal', (o) => {
        const confirmed = this.options.modalConfirm ?? true
        this.modals.push({ title: o.title as string | undefined, content: o.content as string | undefined, confirmed })
        return { confirm: confirmed, cancel: !confirmed }
      }),
      makePhoneCall: async('makePhoneCall', (o) => void this.phoneCalls.push(String(o.phoneNumber))),
      getUpdateManager: () => updateManager,
      pageScrollTo: async('pageScrollTo', () => undefined),
    }
  }

  /** Change the network, as WeChat reports it to onNetworkStatusChange. */
  setNetwork(type: 'wifi' | '4g' | 'none'): void {
    this.networkType = type
    this.http.offline = type === 'none'
    for (const listener of [...this.networkListeners])
      this.guard('onNetworkStatusChange', listener)({ isConnected: type !== 'none', networkType: type })
  }

  // ---- app and page lifecycles -------------------------------------------------------------------

  /** Cold start: app.js, the main package's pages, App.onLaunch/onShow, the first page. */
  async launch(entry?: string): Promise<this> {
    this.require(path.join(this.dist, 'app.js'))
    if (!this.app) throw new Error('app.js did not call App()')
    for (const route of this.appJson.pages) this.loadPageFile(route)
    const { route, query } = splitUrl(entry ?? this.appJson.pages[0] ?? '')
    const launchOptions = { path: route, query, scene: 1001, referrerInfo: {} }
    this.call(this.app, 'onLaunch', launchOptions)
    this.call(this.app, 'onShow', launchOptions)
    if (this.allRoutes().includes(route)) this.open(route, query)
    else {
      // as WeChat: the app's page-not-found listeners must redirect, synchronously; else its own error page
      for (const listener of [...this.pageNotFoundListeners])
        this.guard('onPageNotFound', listener)({ path: route, query, isEntryPage: true })
      if (this.stack.length === 0) throw new Error(`launch: page "${route}" is not found and the app did not redirect`)
    }
    await this.settle()
    return this
  }

  private call(target: Config, name: string, ...args: unknown[]): unknown {
    const fn = target[name]
    if (typeof fn !== 'function') return undefined
    return this.guard(name, (...a: unknown[]) => (fn as Fn).apply(target, a))(...args)
  }

  private loadPageFile(route: string): Config {
    const existing = this.pageConfigs.get(route)
    if (existing) return existing
    this.loadingRoute = route
    try {
      this.require(path.join(this.dist, route))
    } finally {
      this.loadingRoute = null
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  private createInstance(route: string, query: Record<string, string>): PageInstance {
    const config = this.loadPageFile(route)
    const page: PageInstance = {
      route,
      __route__: route,
      options: query,
      data: JSON.parse(JSON.stringify(config.data ?? {})) as PageInstance['data'],
      setDataCalls: [],
    }
    for (const [key, value] of Object.entries(config)) if (key !== 'data') page[key] = value
    page.setData = (data: Record<string, unknown>, cb?: Fn) => {
      try {
        const bytes = setDataBytes(data)
        page.setDataCalls.push({ bytes, keys: Object.keys(data).length })
        // WeChat drops a call whose data is over 1 MB (the view never gets it)
        if (bytes > SET_DATA_HARD_LIMIT_BYTES) {
          this.errors.push(`setData: ${route}: ${bytes} bytes exceeds WeChat's 1024 KB limit`)
          return
        }
        applySetData(page.data as Record<string, unknown>, data)
      } catch (error) {
        this.errors.push(`setData: ${String(error)}`)
      }
      if (typeof cb === 'function') setTimeout(this.guard('setData callback', cb), 0)
    }
    page.selectComponent = () => null
    page.selectAllComponents = () => []
    page.createSelectorQuery = simulatedWx.createSelectorQuery
    page.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined })
    return page
  }

  private open(route: string, query: Record<string, string>): PageInstance {
    const page = this.createInstance(route, query)
    this.stack.push(page)
    if (this.tabRoutes().includes(route)) this.tabInstances.set(route, page)
    this.call(page, 'onLoad', query)
    this.call(page, 'onShow')
    this.call(page, 'onReady')
    return page
  }

  private unload(page: PageInstance): void {
    this.call(page, 'onUnload')
    this.tabInstances.delete(page.route)
  }

  /** null when it worked, else WeChat's errMsg. */
  private navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): string | null {
    const { route, query } = splitUrl(url)
    if (!this.allRoutes().includes(route)) return `${kind}:fail page "${route}" is not found`
    const isTab = this.tabRoutes().includes(route)
    if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab) return `${kind}:fail can not ${kind} a tabbar page`
    if (kind === 'switchTab' && !isTab) return 'switchTab:fail can not switch to no-tabBar page'
    const top = this.stack[this.stack.length - 1]
    if (kind === 'navigateTo') {
      if (this.stack.length >= PAGE_STACK_LIMIT) return 'navigateTo:fail webview count limit exceed'
      if (top) this.call(top, 'onHide')
      this.open(route, query)
    } else if (kind === 'redirectTo') {
      if (top) {
        this.stack.pop()
        this.unload(top)
      }
      this.open(route, query)
    } else if (kind === 'switchTab') {
      // every page above the tab is closed; a tab page already opened is shown again
      while (this.stack.length > 0) {
        const page = this.stack.pop() as PageInstance
        if (this.tabRoutes().includes(page.route)) this.call(page, 'onHide')
        else this.unload(page)
      }
      const kept = this.tabInstances.get(route)
      if (kept) {
        this.stack.push(kept)
        this.call(kept, 'onShow')
      } else this.open(route, query)
    } else {
      while (this.stack.length > 0) this.unload(this.stack.pop() as PageInstance)
      for (const tab of [...this.tabInstances.values()]) this.unload(tab)
      this.open(route, query)
    }
    return null
  }

  private back(delta: number): string | null {
    if (this.stack.length <= 1) return 'navigateBack:fail cannot navigate back at first page.'
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop() as PageInstance)
    const top = this.stack[this.stack.length - 1]
    if (top) this.call(top, 'onShow')
    return null
  }

  /** Let timers, requests and setData callbacks run until the app is quiet. */
  async settle(maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs
    let quietRounds = 0
    let lastCalls = -1
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      const calls = this.stack.reduce((sum, p) => sum + p.setDataCalls.length, 0)
      if (this.http.inFlight === 0 && calls === lastCalls) quietRounds++
      else quietRounds = 0
      lastCalls = calls
      if (quietRounds >= 4) return
    }
  }

  /** Wait until the current page shows this text (or the time runs out). */
  async waitForText(text: string | RegExp, maxMs = 5000): Promise<string> {
    const deadline = Date.now() + maxMs
    for (;;) {
      const shown = this.text()
      if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown
      if (Date.now() > deadline) throw new Error(`"${String(text)}" did not appear on ${this.page().route}:\n${shown}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  // ---- what a person sees and does --------------------------------------------------------------

  page(): PageInstance {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  view(page: PageInstance = this.page()): ViewNode {
    return buildViewTree(page.data.root ?? {}, this.templates)
  }

  /** The current page as text. */
  text(page: PageInstance = this.page()): string {
    return renderText(this.view(page))
  }

  /** The innermost element whose text contains `text` (the nth when several are). */
  find(text: string | RegExp, nth = 0): ViewNode {
    const matches = (node: ViewNode) => {
      const own = textOf(node)
      return typeof text === 'string' ? own.includes(text) : text.test(own)
    }
    const innermost = allNodes(this.view()).filter(
      (node) => node.info?.tag !== '#text' && matches(node) && !node.children.some((c) => c.info?.tag !== '#text' && matches(c)),
    )
    const node = innermost[nth]
    if (!node) throw new Error(`nothing shows "${String(text)}" on ${this.page().route}:\n${this.text()}`)
    return node
  }

  /** The element with this id (Taro's uid). */
  byId(id: string): ViewNode {
    const node = allNodes(this.view()).find((n) => n.data.uid === id)
    if (!node) throw new Error(`no element #${id} on ${this.page().route}`)
    return node
  }

  /** The text of the element with this id. */
  textById(id: string): string {
    return renderText(this.byId(id))
  }

  private target(node: ViewNode) {
    const id = String(node.data.uid ?? node.data.sid ?? '')
    return { id, offsetLeft: 0, offsetTop: 0, dataset: { sid: node.data.sid } }
  }

  /**
   * Deliver an event as WeChat does: from the touched element up through every ancestor whose
   * template binds it to Taro's `eh`, each call with that ancestor as currentTarget.
   */
  dispatch(node: ViewNode, type: string, detail: Record<string, unknown>): void {
    const page = this.page()
    const target = this.target(node)
    for (let n: ViewNode | null = node; n; n = n.parent) {
      if (!n.info?.events.has(type)) continue
      const event = {
        type,
        timeStamp: Date.now(),
        target,
        currentTarget: this.target(n),
        detail,
        touches: [],
        changedTouches: [],
        mark: {},
      }
      this.call(page, 'eh', event)
    }
  }

  /** Tap what shows this text; a share button opens the share of the page. */
  async tap(text: string | RegExp, nth = 0): Promise<void> {
    const node = this.find(text, nth)
    const page = this.page()
    this.dispatch(node, 'tap', { x: 0, y: 0 })
    for (let n: ViewNode | null = node; n; n = n.parent) {
      if (n.info?.tag === 'button' && attr(n, 'open-type') === 'share') {
        this.shares.push(this.share('button', this.target(n), page))
        break
      }
    }
    await this.settle()
  }

  /** The input inside the smallest element that also shows `label`. */
  findInput(label: string | RegExp): ViewNode {
    let best: { input: ViewNode; depth: number } | null = null
    for (const input of allNodes(this.view()).filter((n) => n.info?.tag === 'input' || n.info?.tag === 'textarea')) {
      let depth = 0
      for (let n: ViewNode | null = input; n; n = n.parent, depth++) {
        const shown = textOf(n)
        if (typeof label === 'string' ? shown.includes(label) : label.test(shown)) {
          if (!best || depth < best.depth) best = { input, depth }
          break
        }
      }
    }
    if (!best) throw new Error(`no input labelled "${String(label)}" on ${this.page().route}:\n${this.text()}`)
    return best.input
  }

  /** Type into the field labelled `label`: WeChat sends one input event with the new value. */
  async input(label: string | RegExp, value: string): Promise<void> {
    const node = this.findInput(label)
    this.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.settle()
    this.dispatch(this.findInput(label), 'blur', { value })
    await this.settle()
  }

  /** What the page's share menu (or a share button) would send. */
  share(from: 'menu' | 'button' = 'menu', target?: unknown, page: PageInstance = this.page()): unknown {
    const fn = page.onShareAppMessage
    if (typeof fn !== 'function') return undefined
    return this.call(page, 'onShareAppMessage', { from, target, webViewUrl: '' })
  }

  shareTimeline(page: PageInstance = this.page()): unknown {
    if (typeof page.onShareTimeline !== 'function') return undefined
    return this.call(page, 'onShareTimeline')
  }

  /** Open a page as a link from outside would (a share card, a scan): reLaunch. */
  async reLaunch(url: string): Promise<void> {
    const problem = this.navigate('reLaunch', url)
    if (problem) throw new Error(problem)
    await this.settle()
  }

  async navigateTo(url: string): Promise<string | null> {
    const problem = this.navigate('navigateTo', url)
    await this.settle()
    return problem
  }

  async switchTab(url: string): Promise<void> {
    const problem = this.navigate('switchTab', url)
    if (problem) throw new Error(problem)
    await this.settle()
  }

  async navigateBack(delta = 1): Promise<void> {
    const problem = this.back(delta)
    if (problem) throw new Error(problem)
    await this.settle()
  }

  /** Unload every page and stop (timers the app left are its own; they find no page). */
  close(): void {
    while (this.stack.length > 0) this.unload(this.stack.pop() as PageInstance)
    this.networkListeners.clear()
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Start the app on a phone (storage kept across launches when the same one is passed). */
export async function launch(options: LaunchOptions, entry?: string): Promise<MiniProgram> {
  return new MiniProgram(options).launch(entry)
}
