// Logger options. Logs must never carry personal or household data: no request bodies (Fastify does
// not log them, and nothing here does), no query strings (a search or an /assess query may hold
// them), no headers (tokens), no client addresses.
import type { FastifyServerOptions } from 'fastify'
import type { LogLevel } from '../config'

interface LoggedRequest {
  method: string
  url: string
}

interface LoggedReply {
  statusCode: number
}

export function loggerOptions(level: LogLevel, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: LoggedReply) => ({ statusCode: res.statusCode }),
    },
    // In case a future log line passes a request or body object by mistake.
    redact: {
      paths: ['req.headers', 'req.body', 'body', 'headers.authorization', 'req.query', 'query'],
      remove: true,
    },
  }
}
