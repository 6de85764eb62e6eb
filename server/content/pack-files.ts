// Reading content packs from disk: the content/ directory (the bundled sources) or a pack file.
// Used by the build scripts, the CLI and first-start seeding, which all then hand the raw pack to
// the one pipeline (src/domain/pack-pipeline.ts).
import fs from 'node:fs'
import path from 'node:path'
import { type PackInput, unwrapPack } from '../../src/domain/pack-pipeline'
import type { SourceTexts } from '../../src/domain/validate'
import { PROJECT_ROOT } from '../paths'

export const CONTENT_DIR = path.join(PROJECT_ROOT, 'content')

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

function readDirOfJson(dir: string): unknown[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(path.join(dir, name)))
}

/** The pack as assembled from the files, before validation. */
export function readContentDir(dir: string = CONTENT_DIR): Record<string, unknown> {
  return {
    meta: readJson(path.join(dir, 'meta.json')),
    sources: readJson(path.join(dir, 'sources.json')),
    parameters: readJson(path.join(dir, 'parameters.json')),
    policies: readDirOfJson(path.join(dir, 'policies')),
    services: readDirOfJson(path.join(dir, 'services')),
    faq: readJson(path.join(dir, 'faq.json')),
    news: readJson(path.join(dir, 'news.json')),
  }
}

/** Full texts of the bundled sources: content/source/<textId>.txt. */
export function readSourceTexts(dir: string = CONTENT_DIR): SourceTexts {
  const sourceDir = path.join(dir, 'source')
  const texts = new Map<string, string>()
  if (!fs.existsSync(sourceDir)) return texts
  for (const name of fs.readdirSync(sourceDir).sort()) {
    if (name.endsWith('.txt')) texts.set(name.slice(0, -'.txt'.length), fs.readFileSync(path.join(sourceDir, name), 'utf8'))
  }
  return texts
}

export class PackFileError extends Error {
  constructor(
    message: string,
    /** 'unreadable': the file or directory could not be read; 'invalid-json': it is not JSON */
    readonly kind: 'unreadable' | 'invalid-json',
  ) {
    super(message)
  }
}

/**
 * A pack file (bare, {manifest, pack}, optionally with sourceTexts) or a content directory, with the
 * texts to check it against: the directory's own source/ when it has one, else content/source.
 */
export function readPackInput(target: string): PackInput & { texts: SourceTexts } {
  const resolved = path.resolve(target)
  let stat: fs.Stats
  try {
    stat = fs.statSync(resolved)
  } catch {
    throw new PackFileError(`找不到文件或目录：${target}`, 'unreadable')
  }
  if (stat.isDirectory()) {
    try {
      const hasSource = fs.existsSync(path.join(resolved, 'source'))
      return { pack: readContentDir(resolved), sourceTexts: new Map(), texts: readSourceTexts(hasSource ? resolved : CONTENT_DIR) }
    } catch (error) {
      if (error instanceof SyntaxError) throw new PackFileError(`${target} 中有文件不是有效的 JSON：${error.message}`, 'invalid-json')
      throw new PackFileError(`读取目录 ${target} 失败：${(error as Error).message}`, 'unreadable')
    }
  }
  let text: string
  try {
    text = fs.readFileSync(resolved, 'utf8')
  } catch (error) {
    throw new PackFileError(`读取 ${target} 失败：${(error as Error).message}`, 'unreadable')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new PackFileError(`${target} 不是有效的 JSON：${(error as Error).message}`, 'invalid-json')
  }
  return { ...unwrapPack(json), texts: readSourceTexts() }
}
