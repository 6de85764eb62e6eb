// The one error shape every 4xx/5xx answer uses: {"error":{"code","message","fields"?}}, with a
// message in Chinese a person can act on and `fields` naming the input at fault.
import { z } from 'zod'

export interface FieldProblem {
  field: string
  message: string
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[] }
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** A 404 for an id, version or section that does not exist, naming the parameter at fault. */
export function notFound(field: string, message: string): ApiError {
  return new ApiError(404, 'not_found', message, [{ field, message }])
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error', description: '所有 4xx/5xx 响应的统一格式' })

export function errorBody(code: string, message: string, fields?: FieldProblem[]): ErrorBody {
  return { error: fields && fields.length ? { code, message, fields } : { code, message } }
}
