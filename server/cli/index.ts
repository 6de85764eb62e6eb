// `npm run cli -- <command>`: content operations against the configured database (DATABASE_URL,
// DATABASE_SCHEMA, as for the server). Exit codes a shell script can rely on:
//   0 ok · 1 validation failure or conflict · 2 usage, I/O or database error
import fs from 'node:fs'
import path from 'node:path'
import { type ContentPack } from '../../src/domain'
import { formatProblems, preparePack, withTexts } from '../../src/domain/pack-pipeline'
import type { SourceTexts } from '../../src/domain/validate'
import { ConfigError, loadConfig } from '../config'
import { buildManifest } from '../content/hash'
import { assemble, preparePublicationOffThread } from '../content/pack-thread'
import { ANY_VERSION, ContentRepository, type WriteResult } from '../content/repository'
import { CONTENT_DIR, PackFileError, readPackInput, readSourceTexts } from '../content/pack-files'
import { type Database, openDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { rollbackTargetProblem } from '../content/verify-stored'
import { ifMatchProblem, parseIfMatch } from '../lib/if-match'
import { AccountCommandError, readPipedPassword, runAuditExport, runUserCommand } from './accounts'

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** a password piped in (user add); null when there is none */
  readPassword?(): Promise<string | null>
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readPassword: readPipedPassword,
}

const USAGE = `用法：npm run cli -- <命令> [参数]

  validate <pack.json|目录>            校验内容包，列出全部问题
  publish [pack.json|目录] [选项]      发布到 DATABASE_URL 指定的数据库（默认发布 content/ 目录）
      --if-match <版本>                只有当前版本仍是它时才发布（防止覆盖他人的修改）
  export <文件|->                      导出当前内容包（{manifest, pack}），可用作备份；- 表示标准输出
  history                              发布历史，从新到旧
  rollback <版本> [--if-match <版本>]  回滚到以前的版本（记为一个新版本）
  user add <账号> --role editor|reviewer|admin
                                       创建编辑后台账号；密码从标准输入读取，不给则生成并只显示一次
  user list                            列出账号
  user disable <账号>                  停用账号，立即结束它的登录
  user enable <账号>                   恢复停用的账号
  user reset <账号>                    忘记密码或丢了手机时：新密码（标准输入或生成）和新的动态验证码，
                                       结束它原来的登录；请先当面核实本人
  audit export                         导出审计日志（每行一条 JSON）

退出码：0 成功；1 校验未通过或版本冲突；2 用法、文件或数据库错误。`

/** A usage or I/O problem: exit 2. */
class UsageError extends Error {}
/** A validation failure or a conflict: exit 1. */
class FailedError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message)
  }
}

interface Parsed {
  positional: string[]
  flags: Map<string, string | true>
}

const VALUE_FLAGS = new Set(['--if-match', '--role'])
const BOOL_FLAGS = new Set(['--help', '-h'])

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  // one iterator, so a value flag can take the argument after it
  const args = argv.values()
  for (const arg of args) {
    if (VALUE_FLAGS.has(arg)) {
      const value = args.next().value
      if (value === undefined) throw new UsageError(`${arg} 后面要跟一个版本，例如 ${arg} v3`)
      flags.set(arg, value)
    } else if (BOOL_FLAGS.has(arg)) flags.set(arg, true)
    else if (arg.startsWith('--')) throw new UsageError(`不认识的选项 ${arg}`)
    else positional.push(arg)
  }
  return { positional, flags }
}

/** A pack file or directory as read, with the texts beside it and the texts it brings. */
function readInput(target: string): ReturnType<typeof readPackInput> {
  try {
    return readPackInput(target)
  } catch (error) {
    if (error instanceof PackFileError) {
      if (error.kind === 'invalid-json') throw new FailedError(error.message)
      throw new UsageError(error.message)
    }
    throw error
  }
}

function invalid(problems: Parameters<typeof formatProblems>[0]): FailedError {
  const [headline = '', ...details] = formatProblems(problems)
  return new FailedError(headline, details)
}

/** A pack file or directory, through the one pipeline; the texts it brings go along to be stored. */
function validated(target: string, held: SourceTexts = new Map()): { pack: ContentPack; sourceTexts: ReadonlyMap<string, string> } {
  const input = readInput(target)
  const prepared = preparePack(input.pack, withTexts(withTexts(input.texts, held), input.sourceTexts))
  if (!prepared.ok) throw invalid(prepared.problems)
  return { pack: prepared.pack, sourceTexts: input.sourceTexts }
}

async function withDatabase<T>(env: NodeJS.ProcessEnv, fn: (repo: ContentRepository, db: Database) => Promise<T>): Promise<T> {
  let database: Database
  try {
    database = await openDatabase(loadConfig(env).database)
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`配置错误（${error.variable}）：${error.message}`)
    throw new UsageError(`无法打开数据库（DATABASE_URL）：${(error as Error).message}`)
  }
  try {
    await migrateToLatest(database)
    return await fn(new ContentRepository(database), database)
  } finally {
    await database.close()
  }
}

function conflictMessage(result: Extract<WriteResult, { ok: false }>, expected: string | null): FailedError {
  if (result.reason === 'stale')
    return new FailedError(`版本冲突：当前版本是 ${result.current ?? '（无）'}，不是 ${expected ?? '（无）'}；未做任何修改`)
  if (result.reason === 'unchanged') return new FailedError(`内容与当前版本 ${result.current.version} 相同`)
  if (result.reason === 'corrupt_version') return new FailedError(`这个版本保存的内容已损坏或被改动，不能回滚到它：${result.problem}`)
  if (result.reason === 'already_current') return new FailedError('这个版本已经是当前版本，无需回滚')
  if (result.reason === 'text_conflict')
    return new FailedError(`全文“${result.textId}”已经以不同的文字保存过；已发布的全文不能更改，请为新文本使用新的编号`)
  return new FailedError('没有这个版本；用 history 查看可选的版本')
}

/** --if-match: the same rule as the HTTP header (one named version; no *, no W/). */
function namedVersion(flag: string | true | undefined): string | undefined {
  if (typeof flag !== 'string') return undefined
  const parsed = parseIfMatch(flag)
  if (parsed.kind === 'version') return parsed.version
  if (parsed.kind === 'missing') throw new UsageError('--if-match 后面要跟一个版本，例如 --if-match v3')
  throw new UsageError(`--if-match：${ifMatchProblem(parsed)}`)
}

async function run(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  const { positional, flags } = parseArgs(rest)
  if (!command || command === 'help' || command === '--help' || command === '-h' || flags.has('--help') || flags.has('-h')) {
    io.out(USAGE)
    return command ? EXIT.ok : EXIT.usage
  }
  const ifMatch = namedVersion(flags.get('--if-match'))
  const expectNone = () => {
    if (positional.length > 0) throw new UsageError(`参数太多：${positional.join(' ')}`)
  }
  /** The one positional argument of a command. */
  const expectOne = (what: string): string => {
    const [first, ...extra] = positional
    if (extra.length > 0) throw new UsageError(`参数太多：${extra.join(' ')}`)
    if (first === undefined) throw new UsageError(`请给出${what}`)
    return first
  }

  switch (command) {
    case 'validate': {
      const target = expectOne('要校验的内容包文件或目录')
      const { pack } = validated(target)
      io.out(
        `内容包校验通过：${pack.meta.version}（政策 ${pack.policies.length} 份，办事指南 ${pack.services.length} 项，救助标准 ${pack.parameters.length} 项）`,
      )
      return EXIT.ok
    }
    case 'publish': {
      if (positional.length > 1) throw new UsageError(`参数太多：${positional.slice(1).join(' ')}`)
      return withDatabase(env, async (repo, db) => {
        // the same path as the HTTP publish: prepared (validated, serialized) in the pack worker
        const input = readInput(positional[0] ?? CONTENT_DIR)
        const held = withTexts(input.texts, await repo.storedTexts())
        const value = { pack: input.pack, sourceTexts: Object.fromEntries(input.sourceTexts) }
        const prepared = await preparePublicationOffThread({ kind: 'value', value }, held)
        if (!prepared.ok) throw prepared.reason === 'invalid_pack' ? invalid(prepared.problems) : new FailedError('内容包不是有效的 JSON')
        const { publication } = prepared
        const { pack } = await assemble(publication)
        const expected = typeof ifMatch === 'string' ? ifMatch : ((await repo.currentPointer())?.version ?? null)
        const stored = { json: publication.json, hash: publication.hash, pack }
        const result = await repo.publishStorable(stored, expected, 'publish', publication.sourceTexts)
        // The same rule as HTTP publishing: an identical pack is not a new version.
        if (!result.ok && result.reason === 'unchanged') {
          io.out(`内容与当前版本 ${result.current.version} 相同，未发布新版本`)
          return EXIT.ok
        }
        if (!result.ok) throw conflictMessage(result, expected)
        io.out(`已发布 ${result.version.version}（内容版本 ${result.version.packVersion}）到 ${db.describe}`)
        return EXIT.ok
      })
    }
    case 'export': {
      const destination = expectOne('导出到的文件（- 表示标准输出）')
      return withDatabase(env, async (repo) => {
        const current = await repo.current()
        if (!current) throw new FailedError('数据库中还没有发布过内容')
        // The texts stored with publishes go along, so the export can be published into a new database.
        const stored = await repo.storedTexts()
        const sourceTexts = Object.fromEntries(
          current.pack.sources.flatMap((source) => {
            const text = source.textId === undefined ? undefined : stored.get(source.textId)
            return source.textId !== undefined && text !== undefined ? [[source.textId, text]] : []
          }),
        )
        const manifest = buildManifest(current.pack, current.version, current.publishedAt)
        const json = `${JSON.stringify({ manifest, pack: current.pack, sourceTexts }, null, 2)}\n`
        if (destination === '-') {
          process.stdout.write(json)
          return EXIT.ok
        }
        try {
          fs.writeFileSync(path.resolve(destination), json)
        } catch (error) {
          throw new UsageError(`写入 ${destination} 失败：${(error as Error).message}`)
        }
        io.out(`已导出 ${current.version}（内容版本 ${current.packVersion}）到 ${destination}`)
        return EXIT.ok
      })
    }
    case 'history': {
      expectNone()
      return withDatabase(env, async (repo) => {
        const [pointer, versions] = await Promise.all([repo.currentPointer(), repo.history()])
        if (versions.length === 0) {
          io.out('还没有发布过内容')
          return EXIT.ok
        }
        for (const v of versions) {
          const mark = v.version === pointer?.version ? '*' : ' '
          const how = v.kind === 'rollback' ? `回滚自 ${v.restoredFrom}` : v.kind === 'seed' ? '初始内容' : '发布'
          io.out(`${mark} ${v.version.padEnd(6)} ${v.publishedAt}  ${v.packVersion}  ${how}`)
        }
        return EXIT.ok
      })
    }
    case 'rollback': {
      const target = expectOne('要回滚到的版本，例如 v2')
      return withDatabase(env, async (repo) => {
        const expected = typeof ifMatch === 'string' ? ifMatch : ANY_VERSION
        const problem = await rollbackTargetProblem(repo, target, readSourceTexts())
        if (problem) throw conflictMessage({ ok: false, reason: 'corrupt_version', problem }, null)
        const result = await repo.rollback(target, expected)
        if (!result.ok) throw conflictMessage(result, expected === ANY_VERSION ? null : expected)
        io.out(`已回滚：${result.version.version} 恢复了 ${target} 的内容（内容版本 ${result.version.packVersion}）`)
        return EXIT.ok
      })
    }
    case 'user': {
      const role = flags.get('--role')
      return withDatabase(env, async (_repo, db) => {
        try {
          await runUserCommand(db.db, positional, typeof role === 'string' ? role : undefined, {
            out: io.out,
            readPassword: io.readPassword ?? (async () => null),
          })
        } catch (error) {
          if (error instanceof AccountCommandError) throw error.usage ? new UsageError(error.message) : new FailedError(error.message)
          throw error
        }
        return EXIT.ok
      })
    }
    case 'audit': {
      if (positional[0] !== 'export' || positional.length > 1) throw new UsageError('用法：audit export（每行一条 JSON，输出到标准输出）')
      return withDatabase(env, async (_repo, db) => {
        await runAuditExport(db.db, io.out)
        return EXIT.ok
      })
    }
    default:
      throw new UsageError(`不认识的命令“${command}”`)
  }
}

/** Run one command; never throws, returns the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = consoleIo): Promise<number> {
  try {
    return await run(argv, env, io)
  } catch (error) {
    if (error instanceof FailedError) {
      io.err(error.message)
      for (const line of error.details) io.err(line)
      return EXIT.failed
    }
    if (error instanceof UsageError) {
      io.err(error.message)
      io.err('（npm run cli -- help 查看用法）')
      return EXIT.usage
    }
    io.err(`出错了：${error instanceof Error ? error.message : String(error)}`)
    return EXIT.usage
  }
}

if (require.main === module) {
  // `export - | head`: the reader may stop early. A closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok)
    throw error
  })
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
