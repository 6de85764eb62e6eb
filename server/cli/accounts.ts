// `user add|list|disable|enable|reset` and `audit export`: console accounts are made on the server's own
// command line, never over the network, so the first admin needs no bootstrap route.
import crypto from 'node:crypto'
import QRCode from 'qrcode'
import type { Kysely } from 'kysely'
import { AccountStore, ROLES, ROLE_LABEL, USER_NAME, type User } from '../console/accounts'
import { allAudit, appendAudit } from '../console/audit'
import { passwordProblem } from '../console/passwords'
import { totpUri } from '../console/totp'
import type { Role, Tables } from '../db/tables'

export interface AccountIo {
  out(line: string): void
  /** the password piped to stdin (first line), or null when stdin is a terminal */
  readPassword(): Promise<string | null>
}

export class AccountCommandError extends Error {
  constructor(
    message: string,
    /** usage: exit 2; otherwise exit 1 */
    readonly usage: boolean,
  ) {
    super(message)
  }
}

/** 20 characters from a 57-letter alphabet without look-alikes: about 117 bits. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  return Array.from({ length: 20 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('')
}

export async function runUserCommand(
  db: Kysely<Tables>,
  positional: string[],
  role: string | undefined,
  io: AccountIo,
  now: Date = new Date(),
): Promise<void> {
  const [sub, name, ...extra] = positional
  const accounts = new AccountStore(db)
  if (extra.length) throw new AccountCommandError(`参数太多：${extra.join(' ')}`, true)
  switch (sub) {
    case 'add': {
      if (!name || !USER_NAME.test(name))
        throw new AccountCommandError('请给出账号名（2–32 个字母、数字、点、横线或下划线），例如 user add zhangsan --role editor', true)
      if (!role || !ROLES.includes(role as Role))
        throw new AccountCommandError('请用 --role 指定角色：editor（编辑）、reviewer（审核）或 admin（管理员）', true)
      const piped = await io.readPassword()
      const password = piped ?? generatePassword()
      const problem = passwordProblem(password)
      if (problem) throw new AccountCommandError(problem, true)
      const user = await accounts.add(name, role as Role, password, now)
      if (!user) throw new AccountCommandError(`账号“${name}”已经存在`, false)
      await appendAudit(db, now, { actor: 'cli', action: 'user.add', detail: { name, role } })
      io.out(`已创建账号 ${name}（${ROLE_LABEL[user.role]}）`)
      await printCredentials(io, user, piped === null ? password : null)
      return
    }
    case 'reset': {
      if (!name) throw new AccountCommandError('请给出要重置的账号名，例如 user reset zhangsan', true)
      const piped = await io.readPassword()
      const password = piped ?? generatePassword()
      const problem = passwordProblem(password)
      if (problem) throw new AccountCommandError(problem, true)
      const user = await accounts.resetCredentials(name, password)
      if (!user) throw new AccountCommandError(`没有账号“${name}”`, false)
      await appendAudit(db, now, { actor: 'cli', action: 'user.reset', detail: { name } })
      io.out(`已重置账号 ${name} 的密码${user.totpSecret ? '和动态验证码' : ''}，它原来的登录已全部结束`)
      if (user.disabledAt) io.out(`注意：这个账号仍是停用状态；确需恢复请用 user enable ${name}`)
      await printCredentials(io, user, piped === null ? password : null)
      return
    }
    case 'enable': {
      if (!name) throw new AccountCommandError('请给出要恢复的账号名', true)
      const user = await accounts.enable(name)
      if (!user) throw new AccountCommandError(`没有账号“${name}”`, false)
      await appendAudit(db, now, { actor: 'cli', action: 'user.enable', detail: { name } })
      io.out(`已恢复账号 ${name}，它可以用原来的密码登录`)
      return
    }
    case 'list': {
      if (name) throw new AccountCommandError(`参数太多：${name}`, true)
      const users = await accounts.list()
      if (users.length === 0) io.out('还没有账号；用 user add <账号> --role admin 创建第一个')
      for (const u of users)
        io.out(
          `${u.name.padEnd(16)} ${ROLE_LABEL[u.role].padEnd(4)} ${u.disabledAt ? `已停用（${u.disabledAt}）` : '正常'}  创建于 ${u.createdAt}`,
        )
      return
    }
    case 'disable': {
      if (!name) throw new AccountCommandError('请给出要停用的账号名', true)
      const user = await accounts.disable(name, now)
      if (!user) throw new AccountCommandError(`没有账号“${name}”`, false)
      await appendAudit(db, now, { actor: 'cli', action: 'user.disable', detail: { name } })
      io.out(`已停用账号 ${name}，它的登录状态已全部结束`)
      return
    }
    default:
      throw new AccountCommandError('user 后面应是 add、list、disable、enable 或 reset', true)
  }
}

/** What the person needs to sign in, shown once: the password (unless it was piped in) and the TOTP secret. */
async function printCredentials(io: AccountIo, user: User, generatedPassword: string | null): Promise<void> {
  if (generatedPassword !== null) io.out(`初始密码（只显示这一次，请当面交给本人）：${generatedPassword}`)
  if (!user.totpSecret) return
  const uri = totpUri(user.totpSecret, user.name)
  io.out(
    '这个角色登录时还要输入动态验证码。请本人用身份验证器 App（如 Microsoft Authenticator、Google 身份验证器）扫描下面的二维码，或手动输入：',
  )
  io.out(uri)
  io.out(await QRCode.toString(uri, { type: 'terminal', small: true }))
}

export async function runAuditExport(db: Kysely<Tables>, write: (line: string) => void): Promise<number> {
  let n = 0
  for await (const entry of allAudit(db)) {
    write(JSON.stringify(entry))
    n++
  }
  return n
}

/** The first line of stdin when it is piped; null when it is a terminal (then a password is generated). */
export async function readPipedPassword(): Promise<string | null> {
  if (process.stdin.isTTY) return null
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  const line = text.split(/\r?\n/)[0] ?? ''
  return line === '' ? null : line
}
