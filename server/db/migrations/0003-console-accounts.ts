// Editor console: accounts, server-side sessions, drafts, login throttling and the audit log.
// The audit log is append-only by construction: the code has an insert path and nothing else, and on
// both dialects triggers refuse UPDATE and DELETE outright (SQLite drops them with the table in down).
import { type Kysely, sql } from 'kysely'
import type { Dialect } from '../database'

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const timestamp = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text')
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer'

  await db.schema
    .createTable('console_user')
    .addColumn('id', sql.raw(serial), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('editor', 'reviewer', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // base32 TOTP secret; null for editors (reviewers and admins must have one)
    .addColumn('totp_secret', 'text')
    // the last TOTP time step accepted, so a code cannot be replayed within its window
    .addColumn('totp_last_step', 'bigint')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('disabled_at', timestamp)
    .execute()

  await db.schema
    .createTable('console_session')
    // sha256 of the cookie value: a copy of the table does not hand out live sessions
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('console_user.id').onDelete('cascade'))
    // synchronizer token for CSRF, returned to the page by /me and sent back in X-CSRF-Token
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', timestamp, (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute()
  await db.schema.createIndex('console_session_user').on('console_session').column('user_id').execute()

  await db.schema
    .createTable('console_login_throttle')
    // account name + client address: an attacker slows down only themselves, never a colleague
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('console_draft')
    .addColumn('id', sql.raw(serial), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('title', 'text', (c) => c.notNull())
    // the content version the draft was written against (If-Match at publish)
    .addColumn('base_version', 'text', (c) => c.notNull())
    // DraftContent (src/domain/review/draft.ts) as JSON: structured fields, never a raw pack
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('console_user.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'published', 'withdrawn')`))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('published_version', 'text')
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', sql.raw(serial), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', timestamp, (c) => c.notNull())
    // the account name (kept as text: the log outlives renames and is readable on its own)
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('draft_id', 'integer')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute()

  if (dialect === 'postgres') {
    await sql`
      create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end
      $$`.execute(db)
    await sql`
      create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db)
  } else {
    await sql`
      create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
    await sql`
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
  }
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db)
    await sql`drop function if exists audit_log_append_only()`.execute(db)
  }
  await db.schema.dropTable('audit_log').execute()
  await db.schema.dropTable('console_draft').execute()
  await db.schema.dropTable('console_login_throttle').execute()
  await db.schema.dropTable('console_session').execute()
  await db.schema.dropTable('console_user').execute()
}
