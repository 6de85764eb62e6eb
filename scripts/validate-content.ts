// Checks a content pack and lists every problem: the content/ directory by default, or a pack JSON
// file given as the argument (a bare ContentPack, or {manifest, pack} as bundled into the app).
// Exit codes: 0 valid, 1 problems found, 2 the input could not be read at all.
import fs from 'node:fs'
import path from 'node:path'
import type { ContentPack } from '../src/domain'
import { type SourceTexts, validatePack } from '../src/domain/validate'
import { CONTENT_DIR, readContentDir, readSourceTexts } from '../server/content/source-dir'

type Input = { ok: true; raw: unknown; label: string } | { ok: false; message: string }

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function readPackFile(file: string): Input {
  // npm runs scripts from the package root; a relative path means relative to where npm was invoked.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
  let text: string
  try {
    text = fs.readFileSync(resolved, 'utf8')
  } catch (error) {
    return { ok: false, message: `无法读取文件 ${file}：${errorText(error)}` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `${file} 不是有效的 JSON：${errorText(error)}` }
  }
  return { ok: true, raw: unwrapBundled(json), label: file }
}

/** The app's bundled copy wraps the pack with its manifest; validate the pack inside. */
function unwrapBundled(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && 'pack' in json && !('meta' in json)) return json.pack
  return json
}

function readContent(): Input {
  try {
    return { ok: true, raw: readContentDir(), label: 'content/' }
  } catch (error) {
    return { ok: false, message: `无法读取内容目录 ${CONTENT_DIR}：${errorText(error)}` }
  }
}

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

function main(): number {
  const file = process.argv[2]
  const input = file === undefined ? readContent() : readPackFile(file)
  if (!input.ok) {
    console.error(input.message)
    return 2
  }
  let texts: SourceTexts
  try {
    texts = readSourceTexts()
  } catch (error) {
    console.error(`无法读取公报原文：${errorText(error)}`)
    return 2
  }
  const result = validatePack(input.raw, texts)
  if (result.ok) {
    console.log(`内容包校验通过：${describeCounts(result.pack)}（${input.label}）`)
    return 0
  }
  console.error(`内容包（${input.label}）有 ${result.problems.length} 个问题：`)
  for (const p of result.problems) console.error(`- ${p.path}: ${p.message}`)
  return 1
}

process.exit(main())
