// Published content versions and the pointer to the current one.
import { type Kysely, sql } from 'kysely'
import type { Dialect } from '../database'

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // PostgreSQL keeps real timestamps; SQLite has no such type and stores ISO-8601 text.
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text'

  await db.schema
    .createTable('content_version')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .addColumn('pack_version', 'text', (c) => c.notNull())
    .addColumn('pack_json', 'text', (c) => c.notNull())
    .addColumn('pack_hash', 'text', (c) => c.notNull())
    .addColumn('published_at', sql.raw(timestamp), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('seed', 'publish', 'rollback')`))
    .addColumn('restored_from', 'text')
    .execute()

  await db.schema
    .createTable('content_pointer')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('current_seq', 'integer', (c) => c.notNull().references('content_version.seq'))
    .addColumn('current_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', sql.raw(timestamp), (c) => c.notNull())
    .execute()

  if (dialect === 'postgres') {
    // Announce every move of the pointer to the other server processes. NOTIFY is transactional:
    // listeners hear it only once the publish has committed, never for a rolled-back attempt.
    await sql`
      create or replace function content_pointer_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('jdz_content', new.current_label);
        return new;
      end
      $$`.execute(db)
    await sql`
      create trigger content_pointer_notify after insert or update on content_pointer
      for each row execute function content_pointer_notify()`.execute(db)
  }
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger if exists content_pointer_notify on content_pointer`.execute(db)
    await sql`drop function if exists content_pointer_notify()`.execute(db)
  }
  await db.schema.dropTable('content_pointer').execute()
  await db.schema.dropTable('content_version').execute()
}
