// Logger options. Logs must never carry personal or household data: no request bodies (Fastify does
// not log them, and nothing here does), no query strings (a search or an /assess query may hold
// them), no path parameters (the route's pattern is logged instead), no headers (tokens), no client
// addresses.
import type { FastifyServerOptions } from 'fastify'
import type { LogLevel } from '../config'

interface LoggedRequest {
  method: string
  url: string
  /** Fastify passes its request to this serializer: the matched route's pattern, if any */
  routeOptions?: { url?: string }
}

/**
 * The matched route's pattern (/api/v1/policies/:id), not the path as typed: a path is text a person
 * can type anything into (a mistyped id, an ID-card number), so what was in it is not logged either.
 */
function loggedPath(req: LoggedRequest): string {
  const route = req.routeOptions?.url
  return route && route !== '*' && route !== '/*' ? route : '(no route)'
}

interface LoggedReply {
  statusCode: number
}

export function loggerOptions(level: LogLevel, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, path: loggedPath(req) }),
      res: (res: LoggedReply) => ({ statusCode: res.statusCode }),
    },
    // In case a future log line passes a request or body object by mistake.
    redact: {
      paths: ['req.headers', 'req.body', 'body', 'headers.authorization', 'req.query', 'query'],
      remove: true,
    },
  }
}
