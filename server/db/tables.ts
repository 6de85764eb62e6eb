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

export interface Tables {
  content_version: ContentVersionTable
  content_pointer: ContentPointerTable
  source_text: SourceTextTable
}
