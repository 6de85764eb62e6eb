// The real API (server/app.ts buildApp over a fresh SQLite database seeded with the content pack),
// listening on a free local port, and the route that sends the app's compiled-in API address to it.
import type { AddressInfo } from 'node:net'
import { WEAPP_PLACEHOLDER_API_BASE } from '../../src/services/api-config'
import { type TestApp, createTestApp } from '../server'
import type { RequestRoute } from './wx-request'

export interface ApiServer extends TestApp {
  route: RequestRoute
}

export async function startApiServer(): Promise<ApiServer> {
  const testApp = await createTestApp('sqlite')
  await testApp.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = testApp.app.server.address() as AddressInfo
  return { ...testApp, route: { from: WEAPP_PLACEHOLDER_API_BASE, to: `http://127.0.0.1:${port}/api` } }
}
