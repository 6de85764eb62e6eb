// Serves the built editor console (npm run build:console → dist/console) at /admin/, under the same
// CSP as the app. Nothing is cached: a deploy must take effect at once for the staff using it.
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

export const CONSOLE_DIR = path.resolve(__dirname, '../../dist/console')

export async function registerConsoleStatic(app: FastifyInstance, root: string = CONSOLE_DIR): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.get('/admin/', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('编辑后台尚未构建：请先运行 npm run build:console'),
    )
  } else {
    await app.register(fastifyStatic, {
      root,
      prefix: '/admin/',
      decorateReply: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res) => {
        res.setHeader('cache-control', 'no-cache')
        res.setHeader('x-robots-tag', 'noindex')
      },
    })
  }
  // pages, not API: kept out of the API document
  app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/', 301))
}
