// The audit log: who did what, when, to which version and from which draft. Append-only: this module
// inserts and reads, nothing else, and the database refuses updates and deletes (migration 0003).
import type { Kysely } from 'kysely'
import type { Tables } from '../db/tables'

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  version: string | null
  draftId: number | null
  ip: string | null
  detail: Record<string, unknown>
}

export interface AuditInput {
  actor: string
  action: string
  version?: string | null
  draftId?: number | null
  ip?: string | null
  detail?: Record<string, unknown>
}

export async function appendAudit(db: Kysely<Tables>, now: Date, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      version: entry.version ?? null,
      draft_id: entry.draftId ?? null,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute()
}

/** Newest first; `before` pages back by id. */
export async function listAudit(db: Kysely<Tables>, options: { limit: number; before?: number }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit)
  if (options.before !== undefined) query = query.where('id', '<', options.before)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    version: row.version,
    draftId: row.draft_id === null ? null : Number(row.draft_id),
    ip: row.ip,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }))
}

/** Oldest first, all of it (the CLI's export). */
export async function* allAudit(db: Kysely<Tables>): AsyncGenerator<AuditEntry> {
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id', 'asc').limit(500).execute()
    if (rows.length === 0) return
    for (const row of rows) {
      after = Number(row.id)
      yield {
        id: after,
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        version: row.version,
        draftId: row.draft_id === null ? null : Number(row.draft_id),
        ip: row.ip,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      }
    }
  }
}
