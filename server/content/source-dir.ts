// Reads the content pack sources under content/ into one ContentPack (not yet validated).
// Used by the build script, the CLI and the server's first-start seeding.
import fs from 'node:fs'
import path from 'node:path'
import type { SourceTexts } from '../../src/domain/validate'

export const CONTENT_DIR = path.resolve(__dirname, '../../content')

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

/** The pack as assembled from the files, before schema validation. */
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

/** Texts of the gazette sources, by source id, for the verbatim checks. */
export function readSourceTexts(dir: string = CONTENT_DIR): SourceTexts {
  const gazette = fs.readFileSync(path.join(dir, 'source', 'gazette-2019-06.txt'), 'utf8')
  return { gazette }
}
