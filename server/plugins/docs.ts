// OpenAPI document generated from the routes' zod schemas, served as JSON at /api/openapi.json and
// as a readable page (Swagger UI) at /api/docs.
//
// The page is served here from @fastify/swagger-ui's bundled assets rather than by registering that
// plugin: its current release pulls in an ESM-only dependency that the CommonJS test runner cannot
// load. Our page needs no inline script (the initializer is a file), so the strict CSP holds.
import path from 'node:path'
import swagger from '@fastify/swagger'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

const SWAGGER_UI_ASSETS = path.join(path.dirname(require.resolve('@fastify/swagger-ui/package.json')), 'static')

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>景德镇惠民通 API 文档</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: false, docExpansion: 'list' })\n`

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '景德镇惠民通 API',
        description:
          '救助标准（按日期，附出处）、政策文件、办事指南、搜索与低保/特困自测。金额单位为元。所有错误响应格式为 {"error":{"code","message","fields"?}}。',
        version: '1',
      },
      tags: [
        { name: 'content', description: '内容包（供 App 离线缓存，带 ETag）' },
        { name: 'standards', description: '救助标准' },
        { name: 'catalog', description: '政策文件、办事指南与搜索' },
        { name: 'assess', description: '低保、特困自测' },
        { name: 'admin', description: '内容发布（需 ADMIN_TOKEN）' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })

  const hide = { schema: { hide: true } }
  app.get('/api/openapi.json', hide, async (_request, reply) => {
    reply.header('cache-control', 'no-cache')
    return app.swagger()
  })
  app.get('/api/docs', hide, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(DOCS_HTML),
  )
  app.get('/api/docs/init.js', hide, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(INIT_JS),
  )
  await app.register(fastifyStatic, {
    root: SWAGGER_UI_ASSETS,
    prefix: '/api/docs/static/',
    // The H5 app's static plugin owns reply.sendFile.
    decorateReply: false,
    allowedPath: (pathName) => /^\/(swagger-ui(-bundle)?\.(js|css)|favicon-(16x16|32x32)\.png)$/.test(pathName),
    maxAge: '1d',
  })
}
