// Drafts in the database: structured content (DraftContent) written against a base version.
import type { Kysely } from 'kysely'
import { type DraftContent, draftContentSchema } from '../../src/domain/review'
import type { DraftStatus, Tables } from '../db/tables'

export interface Draft {
  id: number
  title: string
  baseVersion: string
  content: DraftContent
  authorId: number
  authorName: string
  status: DraftStatus
  createdAt: string
  updatedAt: string
  publishedVersion: string | null
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString()

export class DraftStore {
  constructor(private readonly db: Kysely<Tables>) {}

  private query() {
    return this.db
      .selectFrom('console_draft')
      .innerJoin('console_user', 'console_user.id', 'console_draft.author_id')
      .selectAll('console_draft')
      .select('console_user.name as author_name')
  }

  async get(id: number): Promise<Draft | null> {
    const row = await this.query().where('console_draft.id', '=', id).executeTakeFirst()
    return row ? draftOf(row) : null
  }

  async list(): Promise<Draft[]> {
    const rows = await this.query().orderBy('console_draft.id', 'desc').limit(200).execute()
    return rows.map(draftOf)
  }

  async create(title: string, baseVersion: string, content: DraftContent, authorId: number, now: Date): Promise<number> {
    const row = await this.db
      .insertInto('console_draft')
      .values({
        title,
        base_version: baseVersion,
        content_json: JSON.stringify(content),
        author_id: authorId,
        status: 'draft',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        published_version: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(row.id)
  }

  async update(
    id: number,
    fields: { title?: string; content?: DraftContent; status?: DraftStatus; baseVersion?: string; publishedVersion?: string },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('console_draft')
      .set({
        updated_at: now.toISOString(),
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.content !== undefined ? { content_json: JSON.stringify(fields.content) } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.baseVersion !== undefined ? { base_version: fields.baseVersion } : {}),
        ...(fields.publishedVersion !== undefined ? { published_version: fields.publishedVersion } : {}),
      })
      .where('id', '=', id)
      .execute()
  }
}

type DraftRow = {
  id: number
  title: string
  base_version: string
  content_json: string
  author_id: number
  author_name: string
  status: DraftStatus
  created_at: Date | string
  updated_at: Date | string
  published_version: string | null
}

function draftOf(row: DraftRow): Draft {
  return {
    id: Number(row.id),
    title: row.title,
    baseVersion: row.base_version,
    content: draftContentSchema.parse(JSON.parse(row.content_json)),
    authorId: Number(row.author_id),
    authorName: row.author_name,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    publishedVersion: row.published_version,
  }
}
