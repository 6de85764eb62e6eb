// Shapes the console API answers with (the server's routes/console-*.ts).
import type { DraftContent } from '../domain/review/draft'

export interface DraftSummary {
  id: number
  title: string
  status: 'draft' | 'submitted' | 'published' | 'withdrawn'
  author: string
  baseVersion: string
  createdAt: string
  updatedAt: string
  publishedVersion: string | null
}

export interface DraftFull extends DraftSummary {
  content: DraftContent
}

export interface Review extends DraftSummary {
  currentVersion: string | null
  stale: boolean
  changes: Array<{ kind: string; text: string; quote?: string }>
  warnings: Array<{ key: string; message: string }>
  problems: Array<{ field: string; message: string }>
}

export const STATUS_LABEL: Record<DraftSummary['status'], string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
}
