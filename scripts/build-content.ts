// Builds the content pack from content/, validates it, and writes the copy bundled into the app
// (src/generated/bundled-content.json) so a first launch without network never shows a blank page.
import fs from 'node:fs'
import path from 'node:path'
import { validatePack } from '../src/domain/validate'
import { readContentDir, readSourceTexts } from '../server/content/source-dir'
import { buildManifest } from '../server/content/hash'

const OUT = path.resolve(__dirname, '../src/generated/bundled-content.json')

const result = validatePack(readContentDir(), readSourceTexts())
if (!result.ok) {
  console.error(`内容包有 ${result.problems.length} 个问题：`)
  for (const p of result.problems) console.error(`  - ${p.path}: ${p.message}`)
  process.exit(1)
}
const manifest = buildManifest(result.pack, result.pack.meta.version, 'bundled')
const json = JSON.stringify({ manifest, pack: result.pack }) + '\n'
fs.mkdirSync(path.dirname(OUT), { recursive: true })
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : ''
  if (current !== json) {
    console.error('src/generated/bundled-content.json is out of date: run `npm run content:build`')
    process.exit(1)
  }
  console.log('bundled content is up to date')
} else {
  fs.writeFileSync(OUT, json)
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Buffer.byteLength(json)} bytes, version ${manifest.version})`)
}
