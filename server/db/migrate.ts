// Migrations are plain modules listed here (no directory scanning, so they bundle and typecheck),
// each given the dialect so the SQL can differ where the databases do.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { Database, Dialect } from './database'
import * as m0001 from './migrations/0001-content-versions'
import * as m0002 from './migrations/0002-source-texts'
import * as m0003 from './migrations/0003-console-accounts'

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>
}

const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-content-versions': m0001,
  '0002-source-texts': m0002,
  '0003-console-accounts': m0003,
}

class DialectMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {}
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      const down = m.down
      out[name] = {
        up: (db) => m.up(db, this.dialect),
        ...(down ? { down: (db: Kysely<unknown>) => down(db, this.dialect) } : {}),
      }
    }
    return out
  }
}

/** Bring the schema up to date. Safe to run from several processes at once (the migrator locks). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new DialectMigrationProvider(database.dialect),
    // The migrator looks for its own tables in every schema unless told which one: name ours, or
    // another deployment's (or test's) schema in the same database would fool it.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Every migration already applied? Read only, for a database the server may not write to: such a
 * database can still be served when its schema is current.
 */
export async function schemaIsCurrent(database: Database): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(database.db)
    const done = new Set(rows.map((row) => row.name))
    return Object.keys(MIGRATIONS).every((name) => done.has(name))
  } catch {
    return false
  }
}
