// Console test setup: an app with a clock the test moves, accounts made as the CLI makes them,
// and a signed-in client that carries its cookie and CSRF token.
import type { LightMyRequestResponse } from 'fastify'
import { AccountStore } from '../../server/console/accounts'
import { totpCode } from '../../server/console/totp'
import type { Role } from '../../server/db/tables'
import { type DialectName, type TestApp, createTestApp } from './helpers'

export const PASSWORD = 'correct horse battery staple'

export class Clock {
  t = Date.parse('2026-12-01T02:00:00Z')
  now = (): Date => new Date(this.t)
  advance(ms: number): void {
    this.t += ms
  }
}

export interface ConsoleTest extends TestApp {
  clock: Clock
  accounts: AccountStore
  addUser(name: string, role: Role): Promise<void>
  login(name: string, options?: { password?: string; code?: string | null; ip?: string }): Promise<LightMyRequestResponse>
  signIn(name: string): Promise<Client>
  /** addUser, then signIn: a member of staff ready to make requests */
  addSignedIn(name: string, role: Role): Promise<Client>
}

export interface Client {
  cookie: string
  csrf: string
  request(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>
}

export async function createConsoleTest(dialect: DialectName): Promise<ConsoleTest> {
  const clock = new Clock()
  const t = await createTestApp(dialect, {}, { now: clock.now })
  const accounts = new AccountStore(t.db.database.db)
  const secrets = new Map<string, string>()
  const test: ConsoleTest = {
    ...t,
    clock,
    accounts,
    addUser: async (name, role) => {
      const user = await accounts.add(name, role, PASSWORD, clock.now())
      if (!user) throw new Error(`user ${name} exists`)
      if (user.totpSecret) secrets.set(name, user.totpSecret)
    },
    login: (name, options = {}) => {
      const secret = secrets.get(name)
      // each login uses the next 30-second step, as a person would a fresh code
      if (secret && options.code === undefined) clock.advance(30_000)
      const code = options.code === undefined ? (secret ? totpCode(secret, clock.now()) : undefined) : (options.code ?? undefined)
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/console/login',
        remoteAddress: options.ip ?? '10.0.0.1',
        payload: { name, password: options.password ?? PASSWORD, ...(code ? { code } : {}) },
      })
    },
    signIn: async (name) => {
      const res = await test.login(name)
      if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`)
      return clientFor(t, cookieOf(res), res.json().csrfToken as string)
    },
    addSignedIn: async (name, role) => {
      await test.addUser(name, role)
      return test.signIn(name)
    },
  }
  return test
}

/** An editor's draft with this content, saved and submitted for review, as the console does it. */
export async function submitDraft(author: Client, title: string, content: object): Promise<{ id: number; baseVersion: string }> {
  const created = await author.request('POST', '/drafts', { title })
  expect(created.statusCode).toBe(201)
  const { id } = created.json() as { id: number }
  const saved = await author.request('PUT', `/drafts/${id}`, { title, content })
  expect(saved.statusCode).toBe(200)
  const submitted = await author.request('POST', `/drafts/${id}/submit`, {})
  expect(submitted.statusCode).toBe(200)
  return { id, baseVersion: submitted.json().baseVersion as string }
}

export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie']
  const first = Array.isArray(header) ? header[0] : header
  if (!first) throw new Error('no cookie set')
  // split always yields at least one part
  const [nameAndValue = ''] = first.split(';')
  return nameAndValue
}

export function clientFor(t: TestApp, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    request: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url: `/api/v1/console${url}`,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
        ...(payload ? { payload } : {}),
      }),
  }
}
