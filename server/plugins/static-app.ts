// Serves the built H5 app at / next to the API. The H5 router is in hash mode, so `/` plus the
// static files is what matters; other paths fall back to index.html (see app.ts's 404 handler).
// Hashed bundles are immutable; index.html must always be revalidated so a deploy takes effect.
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** js/app.26488730.js, css/app.26488730ecf60750bdb7.css, static/img.1a2b3c4d.png */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

export function cacheControlFor(relativePath: string): string {
  const p = relativePath.split(path.sep).join('/')
  if (p === 'index.html' || p.endsWith('.html')) return 'no-cache'
  if (/^(js|css|static)\//.test(p) && HASHED.test(p)) return 'public, max-age=31536000, immutable'
  return 'public, max-age=300'
}

export async function registerStaticApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // We set Cache-Control ourselves, per file.
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', cacheControlFor(path.relative(root, file)))
    },
  })
}
