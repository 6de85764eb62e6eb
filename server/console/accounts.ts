// Console accounts, server-side sessions and login throttling, all in the database so that every
// server process sees the same state and disabling an account ends its sessions at once.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role, Tables } from '../db/tables'
import { sha256Hex } from '../lib/sha256'
import { hashPassword } from './passwords'
import { newTotpSecret } from './totp'

export const ROLES: readonly Role[] = ['editor', 'reviewer', 'admin']
export const ROLE_LABEL: Record<Role, string> = { editor: '编辑', reviewer: '审核', admin: '管理员' }

/** ASVS 3.3: an idle session ends after 30 minutes, any session after 8 hours. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000

/** Failures allowed before any delay, and the longest delay (short enough to lock nobody out). */
export const THROTTLE_FREE_FAILURES = 5
export const THROTTLE_MAX_DELAY_S = 60

export const needsTotp = (role: Role): boolean => role !== 'editor'

export interface User {
  id: number
  name: string
  role: Role
  totpSecret: string | null
  totpLastStep: number | null
  passwordHash: string
  createdAt: string
  disabledAt: string | null
}

export interface Session {
  user: User
  csrfToken: string
  createdAt: string
  lastSeenAt: string
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString()
const hashId = (token: string): string => sha256Hex(`console-session:${token}`)

type UserRow = {
  id: number
  name: string
  role: Role
  password_hash: string
  totp_secret: string | null
  totp_last_step: number | string | null
  created_at: Date | string
  disabled_at: Date | string | null
}

function userOf(row: UserRow): User {
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    createdAt: iso(row.created_at),
    disabledAt: row.disabled_at === null ? null : iso(row.disabled_at),
  }
}

/** Account names: letters (any script), digits, dot, dash, underscore; no spaces. */
export const USER_NAME = /^[\p{L}\p{N}._-]{2,32}$/u

export class AccountStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async findByName(name: string): Promise<User | null> {
    const row = await this.db.selectFrom('console_user').selectAll().where('name', '=', name).executeTakeFirst()
    return row ? userOf(row) : null
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('console_user').selectAll().orderBy('name').execute()
    return rows.map(userOf)
  }

  /** Creates the account; reviewers and admins get a TOTP secret. Null when the name is taken. */
  async add(name: string, role: Role, password: string, now: Date): Promise<User | null> {
    if (await this.findByName(name)) return null
    const passwordHash = await hashPassword(password)
    await this.db
      .insertInto('console_user')
      .values({
        name,
        role,
        password_hash: passwordHash,
        totp_secret: needsTotp(role) ? newTotpSecret() : null,
        totp_last_step: null,
        created_at: now.toISOString(),
        disabled_at: null,
      })
      .execute()
    return this.findByName(name)
  }

  /** Disables the account and ends every session it has, in one transaction. */
  async disable(name: string, now: Date): Promise<User | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('console_user').selectAll().where('name', '=', name).executeTakeFirst()
      if (!row) return null
      await trx.deleteFrom('console_session').where('user_id', '=', row.id).execute()
      if (row.disabled_at === null)
        await trx.updateTable('console_user').set({ disabled_at: now.toISOString() }).where('id', '=', row.id).execute()
      return userOf({ ...row, disabled_at: row.disabled_at ?? now.toISOString() })
    })
  }

  /**
   * A forgotten password or a lost phone: a new password and, for roles that need one, a new TOTP
   * secret (the old authenticator stops working), and every session ends. An admin does this after
   * checking who is asking, in person; the new secrets are shown once.
   */
  async resetCredentials(name: string, password: string): Promise<User | null> {
    const passwordHash = await hashPassword(password)
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('console_user').selectAll().where('name', '=', name).executeTakeFirst()
      if (!row) return null
      const totpSecret = needsTotp(row.role) ? newTotpSecret() : null
      await trx
        .updateTable('console_user')
        .set({ password_hash: passwordHash, totp_secret: totpSecret, totp_last_step: null })
        .where('id', '=', row.id)
        .execute()
      await trx.deleteFrom('console_session').where('user_id', '=', row.id).execute()
      return userOf({ ...row, password_hash: passwordHash, totp_secret: totpSecret, totp_last_step: null })
    })
  }

  /** Undoes a disable; the account signs in again with its existing password. */
  async enable(name: string): Promise<User | null> {
    const row = await this.db.selectFrom('console_user').selectAll().where('name', '=', name).executeTakeFirst()
    if (!row) return null
    await this.db.updateTable('console_user').set({ disabled_at: null }).where('id', '=', row.id).execute()
    return userOf({ ...row, disabled_at: null })
  }

  /**
   * The signed-in person's own change of password (ASVS 2.1.5/2.1.6: the current one is asked for
   * by the route). Every other session of the account ends (3.3.3): whoever else knew the old
   * password is signed out; the session that made the change stays.
   */
  async changePassword(userId: number, password: string, keepToken: string): Promise<void> {
    const passwordHash = await hashPassword(password)
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('console_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
      await trx.deleteFrom('console_session').where('user_id', '=', userId).where('id_hash', '!=', hashId(keepToken)).execute()
    })
  }

  async recordTotpStep(userId: number, step: number): Promise<void> {
    await this.db.updateTable('console_user').set({ totp_last_step: step }).where('id', '=', userId).execute()
  }

  // ── sessions ───────────────────────────────────────────────────────────────────────────────

  /** A new session (a new id at every login, ASVS 3.2.1); returns the cookie value. */
  async createSession(user: User, now: Date, ip: string | null): Promise<{ token: string; csrfToken: string }> {
    const token = crypto.randomBytes(32).toString('base64url')
    const csrfToken = crypto.randomBytes(32).toString('base64url')
    await this.db
      .insertInto('console_session')
      .values({
        id_hash: hashId(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        ip,
      })
      .execute()
    return { token, csrfToken }
  }

  /** The live session for a cookie value, its idle clock restarted; null when expired, ended or disabled. */
  async touchSession(token: string, now: Date): Promise<Session | null> {
    const idHash = hashId(token)
    const row = await this.db
      .selectFrom('console_session')
      .innerJoin('console_user', 'console_user.id', 'console_session.user_id')
      .selectAll('console_user')
      .select(['console_session.csrf_token', 'console_session.created_at as session_created', 'console_session.last_seen_at'])
      .where('console_session.id_hash', '=', idHash)
      .executeTakeFirst()
    if (!row) return null
    const created = new Date(row.session_created).getTime()
    const lastSeen = new Date(row.last_seen_at).getTime()
    const t = now.getTime()
    if (row.disabled_at !== null || t - lastSeen > SESSION_IDLE_MS || t - created > SESSION_ABSOLUTE_MS || t < created) {
      await this.db.deleteFrom('console_session').where('id_hash', '=', idHash).execute()
      return null
    }
    await this.db.updateTable('console_session').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute()
    return { user: userOf(row), csrfToken: row.csrf_token, createdAt: iso(row.session_created), lastSeenAt: now.toISOString() }
  }

  async endSession(token: string): Promise<void> {
    await this.db.deleteFrom('console_session').where('id_hash', '=', hashId(token)).execute()
  }

  // ── login throttling ───────────────────────────────────────────────────────────────────────

  /** Seconds until this account may be tried again from this address; 0 when it may now. */
  async throttleWait(name: string, ip: string, now: Date): Promise<number> {
    const row = await this.db
      .selectFrom('console_login_throttle')
      .select('blocked_until')
      .where('key', '=', throttleKey(name, ip))
      .executeTakeFirst()
    if (!row) return 0
    return Math.max(0, Math.ceil((new Date(row.blocked_until).getTime() - now.getTime()) / 1000))
  }

  /** Counts a failure; after the free ones, each doubles the wait (2 s, 4 s … at most a minute). */
  async recordFailure(name: string, ip: string, now: Date): Promise<number> {
    const key = throttleKey(name, ip)
    const row = await this.db.selectFrom('console_login_throttle').select('failures').where('key', '=', key).executeTakeFirst()
    const failures = (row?.failures ?? 0) + 1
    const over = failures - THROTTLE_FREE_FAILURES
    const delay = over <= 0 ? 0 : Math.min(THROTTLE_MAX_DELAY_S, 2 ** over)
    const blockedUntil = new Date(now.getTime() + delay * 1000).toISOString()
    if (row)
      await this.db.updateTable('console_login_throttle').set({ failures, blocked_until: blockedUntil }).where('key', '=', key).execute()
    else await this.db.insertInto('console_login_throttle').values({ key, failures, blocked_until: blockedUntil }).execute()
    return delay
  }

  async clearFailures(name: string, ip: string): Promise<void> {
    await this.db.deleteFrom('console_login_throttle').where('key', '=', throttleKey(name, ip)).execute()
  }
}

function throttleKey(name: string, ip: string): string {
  return `${name.toLowerCase()}|${ip}`
}
