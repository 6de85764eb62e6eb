// The server's in-memory copy of the published content version (the phone's cache of the pack is
// src/services/content-store.ts, a different thing).
// Keeps the current version in memory and follows publishes made elsewhere: by another server
// process (PostgreSQL LISTEN/NOTIFY, heard within milliseconds) or by the CLI, with a cheap
// periodic check of the pointer row as the fallback for a dropped connection or for SQLite.
import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import { CONTENT_CHANNEL, type Database } from '../db/database'
import type { ContentRepository, StoredVersion } from './repository'
import { type Snapshot, buildSnapshot } from './snapshot'

export interface PublishedContentOptions {
  pollMs: number
  /** PostgreSQL LISTEN/NOTIFY */
  listen: boolean
  logger: FastifyBaseLogger
}

export class PublishedContent {
  private snapshot: Snapshot | null = null
  private timer: NodeJS.Timeout | null = null
  private listener: pg.Client | null = null
  private reconnectTimer: NodeJS.Timeout | null = null
  private refreshing: Promise<void> | null = null
  private stopped = false

  constructor(
    private readonly repository: ContentRepository,
    private readonly database: Database,
    private readonly options: PublishedContentOptions,
  ) {}

  get current(): Snapshot | null {
    return this.snapshot
  }

  async load(): Promise<void> {
    const stored = await this.repository.current()
    if (stored) this.accept(stored)
  }

  /** Install a version (just published here, or found in the database), never going backwards. */
  accept(stored: StoredVersion): Snapshot {
    if (this.snapshot && this.snapshot.seq >= stored.seq) return this.snapshot
    this.snapshot = buildSnapshot(stored)
    this.options.logger.info({ version: stored.version, packVersion: stored.packVersion }, 'content version now current')
    return this.snapshot
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
      if (!pointer || (this.snapshot && this.snapshot.seq >= pointer.seq)) return
      const stored = await this.repository.current()
      if (stored) this.accept(stored)
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
