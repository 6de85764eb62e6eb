// Table types for Kysely. Content lives as immutable published versions plus a single pointer row
// naming the current one, so a publish is "insert a version, move the pointer" in one transaction.
import type { ColumnType, Generated } from 'kysely'

export type VersionKind = 'seed' | 'publish' | 'rollback'

export interface ContentVersionTable {
  /** 1, 2, 3 … assigned under the write lock, so labels are unique and increasing */
  seq: number
  /** `v<seq>`: what clients see as the content version */
  label: string
  /** the pack's own meta.version, kept as a label */
  pack_version: string
  /** the validated pack as canonical JSON: exactly what was published, never modified */
  pack_json: string
  /** sha256 of pack_json (32 hex), to spot identical republishes */
  pack_hash: string
  /** PostgreSQL returns timestamptz as a Date; SQLite stores ISO text */
  published_at: ColumnType<Date | string, string, never>
  kind: VersionKind
  /** for a rollback: the label of the version it restored */
  restored_from: string | null
}

export interface ContentPointerTable {
  /** always 1: one row */
  id: Generated<number>
  current_seq: number
  current_label: string
  updated_at: ColumnType<Date | string, string, string>
}

/** Full texts of published sources (see migration 0002); immutable once stored. */
export interface SourceTextTable {
  id: string
  text: string
  /** sha256 of text (32 hex) */
  text_hash: string
  stored_at: ColumnType<Date | string, string, never>
}

export type Role = 'editor' | 'reviewer' | 'admin'
export type DraftStatus = 'draft' | 'submitted' | 'published' | 'withdrawn'
type Timestamp = ColumnType<Date | string, string, string>

/** Editor console tables (migration 0003). */
export interface ConsoleUserTable {
  id: Generated<number>
  name: string
  role: Role
  password_hash: string
  totp_secret: string | null
  /** PostgreSQL bigint comes back as a string */
  totp_last_step: ColumnType<number | string | null, number | null, number | null>
  created_at: Timestamp
  disabled_at: ColumnType<Date | string | null, string | null, string | null>
}

export interface ConsoleSessionTable {
  id_hash: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  ip: string | null
}

export interface ConsoleLoginThrottleTable {
  key: string
  failures: number
  blocked_until: Timestamp
}

export interface ConsoleDraftTable {
  id: Generated<number>
  title: string
  base_version: string
  content_json: string
  author_id: number
  status: DraftStatus
  created_at: Timestamp
  updated_at: Timestamp
  published_version: string | null
}

/** Append-only: inserted, never updated or deleted (triggers refuse both). */
export interface AuditLogTable {
  id: Generated<number>
  at: ColumnType<Date | string, string, never>
  actor: string
  action: string
  version: string | null
  draft_id: number | null
  ip: string | null
  detail: string
}

export interface Tables {
  content_version: ContentVersionTable
  content_pointer: ContentPointerTable
  source_text: SourceTextTable
  console_user: ConsoleUserTable
  console_session: ConsoleSessionTable
  console_login_throttle: ConsoleLoginThrottleTable
  console_draft: ConsoleDraftTable
  audit_log: AuditLogTable
}
