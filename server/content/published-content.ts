// The server's in-memory copy of the published content version (the phone's cache of the pack is
// src/services/content-store.ts, a different thing).
// Keeps the current version in memory and follows publishes made elsewhere: by another server
// process (PostgreSQL LISTEN/NOTIFY, heard within milliseconds) or by the CLI, with a cheap
// periodic check of the pointer row as the fallback for a dropped connection or for SQLite.
import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import { CONTENT_CHANNEL, type Database } from '../db/database'
import type { ContentPack, SectionName } from '../../src/domain'
import { isDatabaseUnavailable } from '../lib/db-errors'
import type { HealthMonitor } from '../lib/health'
import type { CheckedVersion, ContentRepository, StoredVersion } from './repository'
import { type SerializedBody, type Snapshot, buildSnapshot } from './snapshot'

export interface PublishedContentOptions {
  pollMs: number
  /** PostgreSQL LISTEN/NOTIFY */
  listen: boolean
  logger: FastifyBaseLogger
  /** what /health reports; a corrupt current version is reported there */
  health?: HealthMonitor
  /** the publish pipeline's validation of a stored pack: null when it passes, else the first problem */
  verify?: (pack: ContentPack) => Promise<string | null>
}

/** The /health problem codes this class reports. */
const CONTENT_CORRUPT = 'content_corrupt'
const CONTENT_UNREADABLE = 'content_unreadable'

export class PublishedContent {
  private snapshot: Snapshot | null = null
  private timer: NodeJS.Timeout | null = null
  private listener: pg.Client | null = null
  private reconnectTimer: NodeJS.Timeout | null = null
  private refreshing: Promise<void> | null = null
  private stopped = false
  /** versions whose stored pack failed its check, by seq (each is logged once, and not checked again) */
  private readonly rejected = new Map<number, string>()

  constructor(
    private readonly repository: ContentRepository,
    private readonly database: Database,
    private readonly options: PublishedContentOptions,
  ) {}

  get current(): Snapshot | null {
    return this.snapshot
  }

  /**
   * Load the current version at start. A current version that is tampered or damaged is not served:
   * the newest older version that passes is, /health says degraded, and the server keeps running
   * (exiting would only make a supervisor restart it into the same state).
   */
  async load(): Promise<void> {
    try {
      const pointer = await this.repository.currentPointer()
      if (pointer) await this.installNewestGood(pointer)
    } catch (error) {
      // The database being away is a boot failure as before; a file that cannot be read (damaged
      // pages) is reported, and the server starts without content rather than crash-looping.
      if (isDatabaseUnavailable(error)) throw error
      this.options.logger.error({ err: error }, 'could not read the published content from the database')
      this.options.health?.report(CONTENT_UNREADABLE, '无法从数据库读取已发布的内容（数据库可能已损坏），请从备份恢复')
    }
  }

  /**
   * Install a version just published or rolled back here (it is the current one), never going
   * backwards. `serialized`: its sections as the pack worker already serialized them.
   */
  async accept(stored: StoredVersion, serialized?: Record<SectionName, SerializedBody>): Promise<Snapshot> {
    const snapshot = await this.install(stored, serialized)
    if (snapshot.seq === stored.seq) this.options.health?.resolve(CONTENT_CORRUPT)
    return snapshot
  }

  private async install(stored: StoredVersion, serialized?: Record<SectionName, SerializedBody>): Promise<Snapshot> {
    if (this.snapshot && this.snapshot.seq >= stored.seq) return this.snapshot
    const built = await buildSnapshot(stored, serialized)
    // built in slices: a newer version may have been installed meanwhile, and is kept
    if (this.snapshot && this.snapshot.seq >= built.seq) return this.snapshot
    this.snapshot = built
    this.options.logger.info({ version: stored.version, packVersion: stored.packVersion }, 'content version now current')
    return this.snapshot
  }

  /** Serve the pointer's version if it passes its checks, else the newest older one that does. */
  private async installNewestGood(pointer: { seq: number; version: string }): Promise<void> {
    const current = await this.verified(pointer.seq)
    if (!current) return
    if (current.ok) {
      await this.accept(current.version)
      return
    }
    let fallback = this.snapshot
    if (!fallback) {
      for (const seq of await this.repository.seqsBefore(pointer.seq)) {
        const older = await this.verified(seq)
        if (older?.ok) {
          fallback = await this.install(older.version)
          break
        }
      }
    }
    const serving = fallback ? `正在提供最近一个完好的版本 ${fallback.version}` : '没有完好的版本可提供'
    this.options.health?.report(
      CONTENT_CORRUPT,
      `当前版本 ${pointer.version} 的内容未通过校验（${current.problem}），${serving}；请重新发布或回滚`,
    )
  }

  /** A version's stored pack, checked once: hash, JSON and schema (repository), then the publish rules. */
  private async verified(seq: number): Promise<CheckedVersion | null> {
    const known = this.rejected.get(seq)
    if (known !== undefined) return null
    const checked = await this.repository.checked(seq)
    if (!checked) return null
    let result: CheckedVersion = checked
    if (checked.ok && this.options.verify) {
      const problem = await this.options.verify(checked.version.pack)
      if (problem) result = { ok: false, info: checked.version, problem: `不符合发布规则：${problem}` }
    }
    if (!result.ok) {
      this.rejected.set(seq, result.problem)
      // logged once per version: the periodic check does not look at it again
      this.options.logger.error(
        { version: result.info.version, problem: result.problem },
        'stored content version failed its check; not served',
      )
    }
    return result
  }

  /** Compare the pointer with what is served; load the new version if it moved. */
  refresh(): Promise<void> {
    // One check at a time: a burst of notifications collapses into one reload.
    if (!this.refreshing) {
      this.refreshing = this.check().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async check(): Promise<void> {
    try {
      const pointer = await this.repository.currentPointer()
      if (!pointer || (this.snapshot && this.snapshot.seq >= pointer.seq) || this.rejected.has(pointer.seq)) return
      await this.installNewestGood(pointer)
    } catch (error) {
      // The database being briefly away must not stop us serving the version we hold.
      this.options.logger.warn({ err: error }, 'content version check failed; still serving the version in memory')
    }
  }

  start(): void {
    this.stopped = false
    if (this.options.pollMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.options.pollMs)
      this.timer.unref()
    }
    if (this.options.listen && this.database.newClient) void this.listen()
  }

  private async listen(): Promise<void> {
    const newClient = this.database.newClient
    if (!newClient || this.stopped) return
    const client = newClient()
    this.listener = client
    const retry = () => {
      if (this.listener !== client) return
      this.listener = null
      client.removeAllListeners()
      client.end().catch(() => undefined)
      if (this.stopped) return
      this.reconnectTimer = setTimeout(() => void this.listen(), 2000)
      this.reconnectTimer.unref()
    }
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'content notification connection lost; will reconnect (periodic checks continue)')
      retry()
    })
    client.on('end', retry)
    client.on('notification', () => void this.refresh())
    try {
      await client.connect()
      await client.query(`LISTEN ${CONTENT_CHANNEL}`)
      // A publish may have happened while we were not listening.
      void this.refresh()
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not listen for content notifications; relying on periodic checks')
      retry()
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.timer = null
    const client = this.listener
    this.listener = null
    if (client) {
      client.removeAllListeners()
      client.on('error', () => undefined)
      await client.end().catch(() => undefined)
    }
    if (this.refreshing) await this.refreshing
  }
}
