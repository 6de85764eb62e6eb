// Builds the content pack from content/, through the one pipeline, and writes the copy bundled into
// the app (src/generated/bundled-content.json) so a first launch without network never shows a
// blank page. `--check` only compares.
import fs from 'node:fs'
import path from 'node:path'
import { formatProblems, preparePack } from '../src/domain/pack-pipeline'
import { readContentDir, readSourceTexts } from '../server/content/pack-files'
import { buildManifest } from '../server/content/hash'

const OUT = path.resolve(__dirname, '../src/generated/bundled-content.json')

const prepared = preparePack(readContentDir(), readSourceTexts())
if (!prepared.ok) {
  for (const line of formatProblems(prepared.problems)) console.error(line)
  process.exit(1)
}
const manifest = buildManifest(prepared.pack, prepared.pack.meta.version, 'bundled')
const json = JSON.stringify({ manifest, pack: prepared.pack }) + '\n'
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : ''
  if (current !== json) {
    console.error('src/generated/bundled-content.json is out of date: run `npm run content:build`')
    process.exit(1)
  }
  console.log('bundled content is up to date')
} else {
  fs.mkdirSync(path.dirname(OUT), { recursive: true })
  fs.writeFileSync(OUT, json)
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Buffer.byteLength(json)} bytes, version ${manifest.version})`)
}
