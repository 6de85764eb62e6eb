// `npm run server`: configuration → database (migrated, seeded on first start) → app → listen, with
// a graceful shutdown on SIGTERM/SIGINT. Boot failures print one line naming the cause and exit 1.
import { buildApp } from './app'
import { type AppConfig, ConfigError, loadConfig } from './config'
import { SeedError, seedIfEmpty } from './content/seed'
import { ContentRepository } from './content/repository'
import { type Database, openDatabase } from './db/database'
import { migrateToLatest, schemaIsCurrent } from './db/migrate'
import { isReadOnlyError } from './db/writable'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describeError(error.errors[0])
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

export async function runServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: AppConfig
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) fail(`配置错误（${error.variable}）：${error.message}`)
    throw error
  }

  let database: Database
  try {
    database = await openDatabase(config.database)
  } catch (error) {
    fail(`无法打开数据库（DATABASE_URL）：${describeError(error)}`)
  }

  try {
    await migrateToLatest(database)
  } catch (error) {
    // A database we may only read, whose schema is already current, is served read-only (the app
    // finds out by itself and disables publishing); anything else stops the boot.
    if (!(isReadOnlyError(error) && (await schemaIsCurrent(database)))) {
      await database.close().catch(() => undefined)
      fail(`数据库迁移失败（${database.describe}）：${describeError(error)}`)
    }
  }

  const app = await buildApp({ config, db: database })
  try {
    if ((await seedIfEmpty(new ContentRepository(database), app.log)) === 'seeded') await app.content.refresh()
  } catch (error) {
    await app.close().catch(() => undefined)
    await database.close().catch(() => undefined)
    fail(error instanceof SeedError ? error.message : `初始内容写入失败（${database.describe}）：${describeError(error)}`)
  }

  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await app.close().catch(() => undefined)
    await database.close().catch(() => undefined)
    fail(`无法监听 ${config.host}:${config.port}（PORT/HOST）：${describeError(error)}`)
  }
  app.log.info({ database: database.describe, staticDir: config.staticDir, admin: config.adminToken !== null }, 'server ready')

  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      // A second signal: the operator wants out now.
      process.exit(1)
    }
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting')
      process.exit(1)
    }, config.shutdownTimeoutMs)
    timer.unref()
    // app.close stops accepting connections and resolves once in-flight requests have finished.
    app
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error during shutdown')
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

if (require.main === module) {
  runServer().catch((error: unknown) => fail(`服务启动失败：${describeError(error)}`))
}
