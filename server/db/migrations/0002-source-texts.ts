// Full texts of sources published with the content (notices pasted into the editor console). The
// bundled sources' texts stay in content/source; these are kept beside the versions that cite them.
// A text id, once stored, never changes: quotes already published were checked against it.
import { type Kysely, sql } from 'kysely'
import type { Dialect } from '../database'

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema
    .createTable('source_text')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('stored_at', sql.raw(timestamp), (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('source_text').execute()
}
