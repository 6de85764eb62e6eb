// A route validator that leaves the body to the route handler while params, query and headers are
// still checked by zod. Used where the body schema is for the OpenAPI document only and the real
// check is a domain function with better, field-naming messages (assess, publish).
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema'
import { validatorCompiler } from 'fastify-type-provider-zod'
import type { $ZodType } from 'zod/v4/core'

export function passBodyValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data })
  // The other parts' schemas are zod schemas, as everywhere else in this server.
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<$ZodType>)
}
