// One error handler for the whole server (as in fastify/demo): validation, body-parser, rate-limit
// and route errors all become the same JSON shape; a 5xx is logged in full but answered with a
// generic sentence, never with internals.
import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseCorrupt, isDatabaseUnavailable } from '../lib/db-errors'
import { ApiError, type FieldProblem, errorBody } from '../lib/errors'

interface ValidationIssue {
  instancePath?: string
  message?: string
  params?: Record<string, unknown>
}

/** `/householdSize` → householdSize, `/items/0/id` → items[0].id; '' → the request part. */
function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const parts = (issue.instancePath ?? '').split('/').filter(Boolean)
  if (parts.length === 0) {
    const missing = issue.params?.missingProperty
    return typeof missing === 'string' ? missing : (context ?? 'body')
  }
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '')
}

function fromValidation(error: FastifyError): ApiError {
  const issues = (error.validation ?? []) as ValidationIssue[]
  // One problem per field: the first is the one to fix first (e.g. format before existence).
  const fields: FieldProblem[] = []
  for (const issue of issues) {
    const field = fieldOf(issue, error.validationContext)
    if (!fields.some((f) => f.field === field)) fields.push({ field, message: issue.message ?? '填写有误' })
  }
  const first = fields[0]
  return new ApiError(400, 'invalid_input', first ? `${first.field}：${first.message}` : '请求参数有误', fields)
}

/** A body that is empty or not JSON (also said by the publish route, which parses its body in a worker). */
export function invalidJsonError(empty: boolean): ApiError {
  if (empty) return new ApiError(400, 'invalid_json', '请求内容为空：请提交 JSON')
  return new ApiError(400, 'invalid_json', '请求内容不是有效的 JSON，请检查括号、引号和逗号')
}

/** Fastify's own client errors, by code, in words a caller can act on. */
function fromFastify(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', '请求内容太大，请精简后再提交')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', '请以 JSON 格式提交（Content-Type: application/json）')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'invalid_content_length', '请求的 Content-Length 与内容不符')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidJsonError(true)
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidJsonError(false)
    default:
      return null
  }
}

export const DATABASE_UNAVAILABLE = 'database_unavailable'
const DATABASE_CORRUPT = 'database_corrupt'

/** Fastify's router errors (a malformed %-escape, an over-long path parameter) in our words. */
export function fromRouter(error: FastifyError): ApiError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new ApiError(414, 'uri_too_long', '地址太长了，请检查后重试')
  if (error.code === 'FST_ERR_BAD_URL') return new ApiError(400, 'bad_url', '地址中有无效的字符编码，请检查后重试')
  return toApiError(error)
}

const READ_ONLY = 'read_only'

export function readOnlyError(): ApiError {
  return new ApiError(503, READ_ONLY, '数据库当前只读，暂时不能发布或回滚；已发布的内容仍可正常查看')
}

export function toApiError(error: FastifyError | ApiError | Error): ApiError {
  if (error instanceof ApiError) return error
  const fe = error as FastifyError
  if (fe.validation) return fromValidation(fe)
  const known = fromFastify(fe)
  if (known) return known
  // JSON.parse errors thrown by the body parser carry statusCode 400 but no code in some paths.
  if (error instanceof SyntaxError && fe.statusCode === 400) return invalidJsonError(false)
  const status = fe.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new ApiError(404, 'not_found', '找不到这个地址')
    if (status === 405) return new ApiError(405, 'method_not_allowed', '这个地址不支持该请求方法')
    // e.g. a static path that climbs out of the app's folder
    if (status === 403) return new ApiError(403, 'forbidden', '不能访问这个地址')
    return new ApiError(status, 'bad_request', '请求有误，请检查后重试')
  }
  // Down, full, read-only or locked: a retry later will do, and nothing was half-written (every
  // write is one transaction).
  // a role without write grants (SQLite's read-only file, seen at runtime, stays "unavailable, retry")
  if ((error as { code?: unknown }).code === '42501') return readOnlyError()
  if (isDatabaseCorrupt(error))
    return new ApiError(503, DATABASE_CORRUPT, '数据库文件已损坏，发布历史和回滚暂不可用；已发布的内容仍可正常查看。请联系运维从备份恢复')
  if (isDatabaseUnavailable(error))
    return new ApiError(503, DATABASE_UNAVAILABLE, '数据库暂时无法访问，请稍后再试；已发布的内容仍可正常查看')
  return new ApiError(500, 'internal_error', '服务器出了点问题，请稍后再试；如果一直这样，请拨打 12345 反映')
}

/** Installed on the root instance so it covers every route and plugin. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const api = toApiError(error)
    if (api.code === DATABASE_UNAVAILABLE) {
      // Expected while the database is away: a warning naming the cause, and a hint to retry.
      request.log.warn({ err: error }, 'database unavailable')
      request.server.health.noteDatabaseFailure()
      reply.header('retry-after', '5')
    } else if (api.code === READ_ONLY && error instanceof ApiError) {
      // refused up front because the database is read-only: reported once at start, nothing to log
    } else if (api.code === DATABASE_CORRUPT || api.code === READ_ONLY) {
      // reported once at start by the integrity check and in /health; per request a warning will do
      request.log.warn({ err: error }, 'database damaged')
    } else if (api.statusCode >= 500) {
      // Full detail goes to the log only (request bodies are never logged, see logger.ts).
      request.log.error({ err: error }, 'request failed')
    }
    // A body parsed halfway or a 413 may leave the connection unusable; let the client reconnect.
    if (api.statusCode === 413) reply.header('connection', 'close')
    reply
      .status(api.statusCode)
      .type('application/json; charset=utf-8')
      .send(errorBody(api.code, api.message, api.fields))
  })
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (a header with a control character, a
 * raw non-ASCII path, headers over the size limit, a client too slow to send its headers): answered
 * in the common error shape as well, then the connection is closed, as Node itself would.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  let status = 400
  let body = errorBody('bad_request', '请求格式有误，请检查后重试')
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408
    body = errorBody('request_timeout', '请求发送得太慢，已超时，请重试')
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431
    body = errorBody('headers_too_large', '请求头太大了，请检查后重试')
  }
  const json = JSON.stringify(body)
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    )
  }
  socket.destroy(error)
}
