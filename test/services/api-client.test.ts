// The API client: typed results (never a thrown network error), validation, one retry for GETs.
import Taro from '@tarojs/taro'
import { z } from 'zod'
import { createApiClient } from '../../src/services/api-client'
import { WEAPP_PLACEHOLDER_API_BASE, apiBase } from '../../src/services/api-config'
import { manifestSchema } from '../../src/domain'

const schema = z.object({ n: z.number() })
const client = () => createApiClient({ base: 'https://x.test/api', timeoutMs: 30, retryDelayMs: 1 })
const reply = (r: Record<string, unknown>) =>
  jest.spyOn(Taro, 'request').mockImplementation((() => Promise.resolve({ header: {}, ...r })) as never)

afterEach(() => jest.restoreAllMocks())

it('returns validated data with the ETag (any header case) and sends If-None-Match', async () => {
  const spy = reply({ statusCode: 200, data: { n: 1 }, header: { etag: '"abc"' } })
  await expect(client().get('/v1/thing', schema, { etag: '"old"' })).resolves.toEqual({
    ok: true,
    status: 200,
    data: { n: 1 },
    etag: '"abc"',
  })
  expect(spy).toHaveBeenCalledWith(
    expect.objectContaining({
      url: 'https://x.test/api/v1/thing',
      method: 'GET',
      header: expect.objectContaining({ 'If-None-Match': '"old"' }),
    }),
  )
})

it('reports 304 as current, without data', async () => {
  reply({ statusCode: 304, data: '' })
  await expect(client().get('/v1/thing', schema, { etag: '"abc"' })).resolves.toEqual({ ok: true, status: 304, etag: '"abc"' })
})

it('does not retry a 404 or data of the wrong shape', async () => {
  const spy = reply({ statusCode: 404, data: { error: 'no' } })
  await expect(client().get('/v1/thing', schema)).resolves.toMatchObject({ ok: false, kind: 'http', status: 404 })
  expect(spy).toHaveBeenCalledTimes(1)
  spy.mockRestore()
  const bad = reply({ statusCode: 200, data: { n: 'one' } })
  await expect(client().get('/v1/thing', schema)).resolves.toMatchObject({ ok: false, kind: 'invalid' })
  expect(bad).toHaveBeenCalledTimes(1)
})

it('turns a thrown error or a hang into a result, after one retry', async () => {
  const offline = jest.spyOn(Taro, 'request').mockImplementation((() => {
    throw new Error('boom')
  }) as never)
  await expect(client().get('/v1/thing', schema)).resolves.toMatchObject({ ok: false, kind: 'offline' })
  expect(offline).toHaveBeenCalledTimes(2)
  offline.mockRestore()
  const hang = jest.spyOn(Taro, 'request').mockImplementation((() => new Promise(() => undefined)) as never)
  await expect(client().get('/v1/thing', schema)).resolves.toMatchObject({ ok: false, kind: 'timeout', message: '网络响应超时' })
  expect(hang).toHaveBeenCalledTimes(2)
})

it('validates the manifest strictly', async () => {
  reply({ statusCode: 200, data: { version: '1', publishedAt: 'x', asOf: '2019-02-30', sections: {} } })
  await expect(client().get('/v1/content/manifest', manifestSchema)).resolves.toMatchObject({ ok: false, kind: 'invalid' })
})

describe('apiBase', () => {
  const saved = { base: process.env.TARO_APP_API_BASE, env: process.env.TARO_ENV }
  afterEach(() => {
    // assigning undefined would store the string "undefined"
    if (saved.base === undefined) delete process.env.TARO_APP_API_BASE
    else process.env.TARO_APP_API_BASE = saved.base
    process.env.TARO_ENV = saved.env
  })

  it('uses TARO_APP_API_BASE when set, else same-origin /api on h5 and the placeholder on weapp', () => {
    process.env.TARO_APP_API_BASE = 'https://api.example.gov.cn/api/'
    expect(apiBase()).toBe('https://api.example.gov.cn/api')
    process.env.TARO_APP_API_BASE = ''
    process.env.TARO_ENV = 'h5'
    expect(apiBase()).toBe('/api')
    process.env.TARO_ENV = 'weapp'
    expect(apiBase()).toBe(WEAPP_PLACEHOLDER_API_BASE)
  })
})
