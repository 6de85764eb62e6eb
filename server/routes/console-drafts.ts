// Drafts, review and publishing in the console. Editors write drafts; a reviewer other than the
// author publishes them (four eyes), after confirming each plausibility warning and writing a
// change note, with If-Match on the version the draft was written against.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { todayInShanghai } from '../../src/domain/dates'
import { preparePack, withTexts } from '../../src/domain/pack-pipeline'
import type { ContentPack } from '../../src/domain'
import {
  type DraftContent,
  applyDraft,
  describeChanges,
  draftContentSchema,
  emptyDraft,
  plausibilityWarnings,
} from '../../src/domain/review'
import { requireIfMatch } from '../lib/if-match'
import { appendAudit } from '../console/audit'
import { type Draft, DraftStore } from '../console/drafts'
import { type GuardDeps, requireRole, requireSession } from '../console/guard'
import type { IngestFn } from '../console/ingest'
import { ApiError, notFound } from '../lib/errors'
import { sha256Hex } from '../lib/sha256'
import type { ApiContext } from './context'
import { INGEST_BODY_LIMIT, heldStandards, ingestBodySchema, ingestRequest } from './ingest'
import { passBodyValidator } from '../lib/pass-body'

export const NOTICE_BODY_LIMIT = 256 * 1024

const idParams = z.object({ id: z.coerce.number({ error: '草稿编号应为数字' }).int().positive('草稿编号应为正整数') })

function summary(d: Draft) {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    author: d.authorName,
    baseVersion: d.baseVersion,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    publishedVersion: d.publishedVersion,
  }
}

export const consoleDraftRoutes: FastifyPluginAsyncZod<{ deps: GuardDeps; ctx: ApiContext; ingest: IngestFn | null }> = async (
  scope,
  { deps, ctx, ingest },
) => {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  const drafts = new DraftStore(deps.db)
  app.addHook('onRequest', requireSession(deps))

  const load = async (id: number): Promise<Draft> => {
    const draft = await drafts.get(id)
    if (!draft) throw notFound('id', `没有编号为 ${id} 的草稿`)
    return draft
  }
  const basePack = async (draft: Draft): Promise<ContentPack> => {
    const base = await ctx.repository.get(draft.baseVersion)
    if (!base) throw new ApiError(409, 'base_missing', `草稿依据的版本 ${draft.baseVersion} 已不存在，请基于最新版本重新比对`)
    return base.pack
  }
  const noticeTexts = (content: DraftContent) => new Map(content.notice ? [[content.notice.sourceId, content.notice.text]] : [])
  const heldTexts = async () => withTexts(ctx.texts, await ctx.repository.storedTexts())
  const audit = (
    request: FastifyRequest,
    action: string,
    extra: { version?: string | null; draftId?: number; detail?: Record<string, unknown> },
  ) => appendAudit(deps.db, deps.now(), { actor: request.consoleSession?.user.name ?? '', action, ip: request.ip, ...extra })

  app.get('/drafts', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return { drafts: (await drafts.list()).map(summary) }
  })

  app.post(
    '/drafts',
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      schema: {
        body: z.object({
          title: z.string().trim().max(200, '标题太长了').optional(),
          /** the pasted notice: its values are read by the notice extractor */
          text: z.string().max(200_000, '通知全文太长（最多 20 万字）').optional(),
        }),
      },
    },
    async (request, reply) => {
      const session = await requireRole(deps, request, ['editor'])
      const pointer = await ctx.repository.currentPointer()
      if (!pointer) throw new ApiError(503, 'no_content', '内容尚未发布，暂时不能起草')
      const content = emptyDraft()
      let title = request.body.title ?? ''
      const text = request.body.text
      if (text !== undefined) {
        if (text.trim() === '') throw new ApiError(400, 'invalid_input', '请粘贴通知全文', [{ field: 'text', message: '请粘贴通知全文' }])
        if (!ingest) throw new ApiError(503, 'ingest_unavailable', '通知识别暂不可用')
        const read = ingest(text, heldStandards(ctx.store))
        content.notice = {
          text,
          sourceId: `notice-${sha256Hex(text).slice(0, 12)}`,
          docNumber: read.document.docNumber ?? '',
          title: read.document.title ?? '',
          issuer: read.document.issuer ?? '',
          issuedOn: read.document.issuedOn,
          effectiveFrom: read.document.effectiveFrom,
          location: '',
          values: read.proposals.map((p) => ({
            parameterId: p.parameterId,
            label: p.label,
            amountFen: p.amountFen,
            proposedAmountFen: p.amountFen,
            previousAmountFen: p.previousAmountFen,
            effectiveFrom: p.effectiveFrom,
            quote: p.quote,
            quoteStart: p.quoteStart ?? null,
            quoteEnd: p.quoteEnd ?? null,
            article: '',
            decision: 'accepted',
            correctedBy: null,
            notes: p.notes,
            needsReview: p.needsReview,
          })),
          unmatched: read.unmatched.map((u) => ({ quote: u.quote, reason: u.reason })),
        }
        title ||= read.document.title ?? ''
      }
      const id = await drafts.create(title || '未命名草稿', pointer.version, content, session.user.id, deps.now())
      await audit(request, 'draft.create', { draftId: id, version: pointer.version, detail: { fromNotice: text !== undefined } })
      reply.code(201)
      return { ...summary(await load(id)), content }
    },
  )

  // The extractor alone, with no side effect (as POST /admin/ingest, for an editor's session).
  app.post(
    '/ingest',
    { bodyLimit: INGEST_BODY_LIMIT, validatorCompiler: passBodyValidator, schema: { body: ingestBodySchema } },
    async (request) => {
      await requireRole(deps, request, ['editor'])
      return ingestRequest(request.body, heldStandards(ctx.store))
    },
  )

  app.get('/drafts/:id', { schema: { params: idParams } }, async (request, reply) => {
    const draft = await load(request.params.id)
    reply.header('cache-control', 'no-store')
    return { ...summary(draft), content: draft.content }
  })

  app.put(
    '/drafts/:id',
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      schema: {
        params: idParams,
        body: z.object({ title: z.string().trim().min(1, '请填写草稿标题').max(200, '标题太长了'), content: draftContentSchema }),
      },
    },
    async (request) => {
      const session = await requireRole(deps, request, ['editor'])
      const draft = await load(request.params.id)
      if (draft.status === 'published' || draft.status === 'withdrawn')
        throw new ApiError(409, 'draft_closed', '这份草稿已发布或已撤回，不能再修改')
      const content = reconcile(draft.content, request.body.content, session.user.name)
      await drafts.update(draft.id, { title: request.body.title, content, status: 'draft' }, deps.now())
      await audit(request, 'draft.save', { draftId: draft.id, version: draft.baseVersion })
      return { ...summary(await load(draft.id)), content }
    },
  )

  app.post('/drafts/:id/submit', { schema: { params: idParams } }, async (request) => {
    await requireRole(deps, request, ['editor'])
    const draft = await load(request.params.id)
    if (draft.status !== 'draft') throw new ApiError(409, 'not_draft', '只有“草稿”状态的可以提交审核')
    await drafts.update(draft.id, { status: 'submitted' }, deps.now())
    await audit(request, 'draft.submit', { draftId: draft.id, version: draft.baseVersion })
    return summary(await load(draft.id))
  })

  app.get('/drafts/:id/review', { schema: { params: idParams } }, async (request, reply) => {
    const draft = await load(request.params.id)
    const base = await basePack(draft)
    const preview = applyDraft(base, draft.content, {
      today: todayInShanghai(deps.now()),
      version: `d${draft.id}`,
      reviewer: null,
      confirmed: new Set(),
    })
    const warnings = plausibilityWarnings(base, preview.pack, draft.content)
    // Validate as if every derivation were confirmed: those are listed as warnings to tick instead.
    const confirmedAll = applyDraft(base, draft.content, {
      today: todayInShanghai(deps.now()),
      version: `d${draft.id}`,
      reviewer: '审核人',
      confirmed: new Set(warnings.map((w) => w.key)),
    })
    const prepared = preparePack(confirmedAll.pack, withTexts(await heldTexts(), noticeTexts(draft.content)))
    const problems = [...preview.problems, ...(prepared.ok ? [] : prepared.problems.map((p) => ({ field: p.path, message: p.message })))]
    const pointer = await ctx.repository.currentPointer()
    reply.header('cache-control', 'no-store')
    return {
      ...summary(draft),
      currentVersion: pointer?.version ?? null,
      stale: pointer?.version !== draft.baseVersion,
      changes: describeChanges(base, preview.pack),
      warnings,
      problems,
    }
  })

  app.post('/drafts/:id/rebase', { schema: { params: idParams } }, async (request) => {
    await requireRole(deps, request, ['editor', 'reviewer'])
    const draft = await load(request.params.id)
    const pointer = await ctx.repository.currentPointer()
    if (!pointer) throw new ApiError(503, 'no_content', '内容尚未发布')
    if (draft.status === 'published' || draft.status === 'withdrawn') throw new ApiError(409, 'draft_closed', '这份草稿已发布或已撤回')
    await drafts.update(draft.id, { baseVersion: pointer.version }, deps.now())
    await audit(request, 'draft.rebase', { draftId: draft.id, version: pointer.version, detail: { from: draft.baseVersion } })
    return summary(await load(draft.id))
  })

  app.post(
    '/drafts/:id/publish',
    {
      schema: {
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.object({
          changeNote: z
            .string({ error: '请填写修改说明' })
            .trim()
            .min(1, '请填写修改说明：这次改了什么、依据哪份文件')
            .max(1000, '修改说明太长了'),
          confirmed: z.array(z.string().max(200)).max(200).default([]),
        }),
      },
    },
    async (request, reply) => {
      const session = await requireRole(deps, request, ['reviewer'])
      const draft = await load(request.params.id)
      if (draft.authorId === session.user.id) {
        await audit(request, 'denied', { draftId: draft.id, detail: { reason: 'four_eyes' } })
        throw new ApiError(403, 'four_eyes', '不能审核发布自己写的草稿：请另一位审核人员发布')
      }
      if (draft.status !== 'submitted') throw new ApiError(409, 'not_submitted', '这份草稿还没有提交审核（或已发布）')
      const expected = requireIfMatch(request.headers['if-match'])
      if (expected !== draft.baseVersion) {
        throw new ApiError(412, 'version_conflict', `草稿依据的是 ${draft.baseVersion}，而您提交的是 ${expected}：请刷新审核页`, [
          { field: 'If-Match', message: '与草稿不符' },
        ])
      }
      const base = await basePack(draft)
      const today = todayInShanghai(deps.now())
      const confirmed = new Set(request.body.confirmed)
      const preview = applyDraft(base, draft.content, { today, version: `d${draft.id}`, reviewer: null, confirmed: new Set() })
      const open = plausibilityWarnings(base, preview.pack, draft.content).filter((w) => !confirmed.has(w.key))
      if (open.length) {
        throw new ApiError(
          422,
          'unconfirmed_warnings',
          `还有 ${open.length} 条提醒没有确认`,
          open.map((w) => ({ field: `confirmed.${w.key}`, message: w.message })),
        )
      }
      const version = `d${draft.id}-${today}`
      const applied = applyDraft(base, draft.content, { today, version, reviewer: session.user.name, confirmed })
      if (applied.problems.length)
        throw new ApiError(422, 'invalid_draft', `草稿有 ${applied.problems.length} 个问题，请退回编辑修改`, applied.problems)
      const texts = noticeTexts(draft.content)
      const prepared = preparePack(applied.pack, withTexts(await heldTexts(), texts))
      if (!prepared.ok) {
        const fields = prepared.problems.map((p) => ({ field: p.path || 'pack', message: p.message }))
        throw new ApiError(422, 'invalid_pack', `内容有 ${fields.length} 个问题，请退回编辑修改`, fields)
      }
      const result = await ctx.repository.publish(prepared.pack, draft.baseVersion, 'publish', texts)
      if (!result.ok) {
        if (result.reason === 'stale') {
          await audit(request, 'publish.conflict', { draftId: draft.id, version: result.current, detail: { base: draft.baseVersion } })
          throw new ApiError(
            409,
            'version_conflict',
            `在您审核期间已经发布了 ${result.current ?? '新版本'}，草稿依据的 ${draft.baseVersion} 已不是当前版本。请“基于最新版本重新比对”，核对差异后再发布。`,
            [{ field: 'If-Match', message: `当前版本是 ${result.current ?? '（无）'}` }],
          )
        }
        throw new ApiError(409, result.reason, result.reason === 'text_conflict' ? '这份通知的全文已以不同文字保存过' : '无法发布')
      }
      await ctx.store.accept(result.version)
      await drafts.update(draft.id, { status: 'published', publishedVersion: result.version.version }, deps.now())
      await audit(request, 'publish', {
        draftId: draft.id,
        version: result.version.version,
        detail: { changeNote: request.body.changeNote, base: draft.baseVersion, author: draft.authorName, confirmed: [...confirmed] },
      })
      reply.code(201)
      return { version: result.version.version, publishedAt: result.version.publishedAt }
    },
  )

  app.get('/history', async (_request, reply) => {
    const [pointer, versions, notes] = await Promise.all([
      ctx.repository.currentPointer(),
      ctx.repository.history(),
      deps.db
        .selectFrom('audit_log')
        .select(['version', 'actor', 'detail', 'draft_id'])
        .where('action', 'in', ['publish', 'rollback'])
        .execute(),
    ])
    const byVersion = new Map(notes.map((n) => [n.version, n]))
    reply.header('cache-control', 'no-store')
    return {
      current: pointer?.version ?? null,
      versions: versions.map((v) => {
        const note = byVersion.get(v.version)
        const detail = note ? (JSON.parse(note.detail) as { changeNote?: string }) : {}
        return {
          version: v.version,
          publishedAt: v.publishedAt,
          kind: v.kind,
          restoredFrom: v.restoredFrom,
          current: v.version === pointer?.version,
          by: note?.actor ?? null,
          draftId: note?.draft_id ?? null,
          changeNote: detail.changeNote ?? null,
        }
      }),
    }
  })

  app.post(
    '/rollback',
    {
      schema: {
        headers: z.object({ 'if-match': z.string().optional() }),
        body: z.object({
          version: z.string({ error: '请选择要回滚到的版本' }).trim().min(1).max(64),
          changeNote: z.string({ error: '请填写回滚原因' }).trim().min(1, '请填写回滚原因').max(1000),
        }),
      },
    },
    async (request, reply) => {
      const session = await requireRole(deps, request, ['reviewer'])
      const expected = requireIfMatch(request.headers['if-match'])
      const result = await ctx.repository.rollback(request.body.version, expected)
      if (!result.ok) {
        if (result.reason === 'stale')
          throw new ApiError(409, 'version_conflict', `当前版本已变为 ${result.current ?? '（无）'}，请刷新后再操作`)
        if (result.reason === 'already_current') throw new ApiError(409, 'already_current', '这个版本已经是当前版本')
        throw notFound('version', '没有这个版本')
      }
      await ctx.store.accept(result.version)
      await appendAudit(deps.db, deps.now(), {
        actor: session.user.name,
        action: 'rollback',
        ip: request.ip,
        version: result.version.version,
        detail: { changeNote: request.body.changeNote, restoredFrom: request.body.version },
      })
      reply.code(201)
      return { version: result.version.version, restoredFrom: result.version.restoredFrom }
    },
  )
}

/**
 * The saved content, with what the editor may not change put back: the notice text and its source id
 * are fixed at creation, each quote must be a verbatim part of the text, and a corrected figure
 * records who corrected it (the signed-in editor, when the figure changed).
 */
function reconcile(stored: DraftContent, incoming: DraftContent, editor: string): DraftContent {
  const content = structuredClone(incoming)
  if (!stored.notice) {
    if (content.notice)
      throw new ApiError(422, 'notice_fixed', '通知全文只能在新建草稿时粘贴', [{ field: 'content.notice', message: '不能添加' }])
    return content
  }
  if (!content.notice)
    throw new ApiError(422, 'notice_fixed', '不能删除草稿中的通知；不需要的数值请选择“不采用”', [
      { field: 'content.notice', message: '不能删除' },
    ])
  content.notice.text = stored.notice.text
  content.notice.sourceId = stored.notice.sourceId
  const problems: { field: string; message: string }[] = []
  content.notice.values.forEach((value, i) => {
    if (!stored.notice?.text.includes(value.quote)) {
      problems.push({ field: `content.notice.values[${i}].quote`, message: '引文必须是通知原文中的一段，一字不差' })
    }
    const before = stored.notice?.values.find((v) => v.parameterId === value.parameterId && v.quote === value.quote)
    if (value.decision !== 'corrected') value.correctedBy = null
    else if (!before || before.amountFen !== value.amountFen || before.decision !== 'corrected') value.correctedBy = editor
    else value.correctedBy = before.correctedBy ?? editor
    value.proposedAmountFen = before?.proposedAmountFen ?? value.proposedAmountFen
  })
  const [firstProblem] = problems
  if (firstProblem) throw new ApiError(422, 'quote_not_verbatim', firstProblem.message, problems)
  return content
}
