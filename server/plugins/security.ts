// Helmet headers, CORS for configured origins only, and the rate limiter (applied per route to
// /assess and to the admin routes; reading content is cheap and left to the CDN).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from '../config'
import { clientKey } from '../lib/client-key'
import { ApiError } from '../lib/errors'
import { captured } from '../../src/domain/captured'

/**
 * sha256 sources for the inline scripts of the built H5 index.html (Taro inlines a small script
 * that sets the root font size), so the CSP can allow exactly those and no other inline script.
 */
export function inlineScriptHashes(staticDir: string | null): string[] {
  if (!staticDir) return []
  const file = path.join(staticDir, 'index.html')
  if (!fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const script = captured(m, 1)
    if (script.trim() === '') continue
    hashes.push(`'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`)
  }
  return hashes
}

export async function registerSecurity(app: FastifyInstance, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(config.staticDir)],
        scriptSrcAttr: ["'none'"],
        // Taro H5 and NutUI set inline style attributes and inject <style> at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The API is meant to be read by the mini-program and other origins' clients through CORS.
    crossOriginResourcePolicy: { policy: config.corsOrigins.length ? 'cross-origin' : 'same-origin' },
    // HSTS means nothing over plain HTTP (RFC 6797 §7.2): sent below only when the request came over TLS
    strictTransportSecurity: false,
  })
  // request.protocol is https on a TLS socket, or behind TRUST_PROXY hops whose X-Forwarded-Proto says so
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
  })

  const allowed = new Set(config.corsOrigins)
  await app.register(cors, {
    // Only listed origins get CORS headers; everything else gets none (the browser then refuses).
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match'],
    exposedHeaders: ['ETag'],
    maxAge: 600,
    // The strict check answers an OPTIONS without Access-Control-Request-Method with a text/plain
    // 400 outside the common error shape; such a request is simply answered like a preflight.
    strictPreflight: false,
  })

  await app.register(rateLimit, {
    global: false,
    timeWindow: config.rateLimit.windowMs,
    // request.ip is undefined once the socket is gone; the default key generator then throws (a 500).
    keyGenerator: (request) => clientKey(request.ip),
    errorResponseBuilder: (_req, context) =>
      new ApiError(429, 'rate_limited', `请求太频繁了，请在 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  })
}
