// Checks a content pack and lists every problem: the content/ directory by default, or a pack file
// or directory given as the argument. The same pipeline as publishing (src/domain/pack-pipeline.ts).
// Exit codes: 0 valid, 1 problems found, 2 the input could not be read at all.
import path from 'node:path'
import type { ContentPack } from '../src/domain'
import { formatProblems, preparePack, withTexts } from '../src/domain/pack-pipeline'
import { CONTENT_DIR, PackFileError, readPackInput } from '../server/content/pack-files'

function describeCounts(pack: ContentPack): string {
  return [
    `版本 ${pack.meta.version}`,
    `${pack.sources.length} 个来源文件`,
    `${pack.parameters.length} 项救助标准`,
    `${pack.policies.length} 份政策文件`,
    `${pack.services.length} 项办事指南`,
    `${pack.faq.length} 条问答`,
    `${pack.news.length} 条新闻`,
  ].join('，')
}

export interface ValidateIo {
  out(line: string): void
  err(line: string): void
}

/** The command with its arguments (a pack file or directory, or none); returns the exit code. */
export function validateContent(args: readonly string[], io: ValidateIo, cwd: string): number {
  const file = args[0]
  const target = file === undefined ? CONTENT_DIR : path.resolve(cwd, file)
  const label = file ?? 'content/'
  let input
  try {
    input = readPackInput(target)
  } catch (error) {
    if (!(error instanceof PackFileError)) throw error
    io.err(error.message)
    return 2
  }
  const prepared = preparePack(input.pack, withTexts(input.texts, input.sourceTexts))
  if (prepared.ok) {
    io.out(`内容包校验通过：${describeCounts(prepared.pack)}（${label}）`)
    return 0
  }
  io.err(`（${label}）`)
  for (const line of formatProblems(prepared.problems)) io.err(line)
  return 1
}

if (require.main === module) {
  // npm runs scripts from the package root; a relative path means relative to where npm was invoked.
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) }
  process.exit(validateContent(process.argv.slice(2), io, process.env.INIT_CWD ?? process.cwd()))
}
