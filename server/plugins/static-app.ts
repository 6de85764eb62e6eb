// Serves the built H5 app at / next to the API. The H5 router is in hash mode, so `/` plus the
// static files is what matters; other paths fall back to index.html (see app.ts's 404 handler).
// Hashed bundles are immutable; index.html must always be revalidated so a deploy takes effect.
// JS and CSS go out brotli- or gzip-compressed from the copies the build wrote (scripts/precompress.ts).
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { PRECOMPRESSED_FILE, addVary } from '../lib/compression'

/** js/app.26488730.js, css/app.26488730ecf60750bdb7.css, static/img.1a2b3c4d.png */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

export function cacheControlFor(relativePath: string): string {
  const p = relativePath.split(path.sep).join('/')
  // the service worker too: browsers check it for updates, and a stale one would pin an old build
  if (p === 'index.html' || p.endsWith('.html') || p === 'sw.js') return 'no-cache'
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
    preCompressed: true,
    etag: true,
    lastModified: true,
    setHeaders: (res, file) => {
      // `file` is the .br or .gz copy when one is sent: its headers are the original's
      const original = path.relative(root, file).replace(/\.(br|gz)$/, '')
      res.setHeader('cache-control', cacheControlFor(original))
    },
  })
  // Caches in between must keep the compressed and plain copies apart. (Set here, not in setHeaders:
  // the reply's own `vary: Origin` from CORS would replace it.)
  app.addHook('onSend', async (request, reply) => {
    const [pathname = ''] = request.url.split('?')
    if (PRECOMPRESSED_FILE.test(pathname)) addVary(reply, 'Accept-Encoding')
  })
}
