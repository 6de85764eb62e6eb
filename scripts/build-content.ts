// Builds the content pack from content/, through the one pipeline, and writes the copy bundled into
// the app so a first launch without network never shows a blank page. `--check` only compares.
//   src/generated/bundled-content.json  {manifest, pack}: the whole pack (tests, benches, the server's seed)
//   src/generated/bundled-core.json     {manifest, pack: {meta, parameters, sources}}: what the first
//                                       screen needs, compiled into the app's entry script
//   src/generated/bundled-later.json    {policies, services, faq, news}: the rest, in a chunk of its
//                                       own loaded with the pages that show it (src/hooks/use-full-content.ts)
import fs from 'node:fs'
import path from 'node:path'
import { formatProblems, preparePack } from '../src/domain/pack-pipeline'
import { readContentDir, readSourceTexts } from '../server/content/pack-files'
import { buildManifest } from '../server/content/hash'

const DIR = path.resolve(__dirname, '../src/generated')

const prepared = preparePack(readContentDir(), readSourceTexts())
if (!prepared.ok) {
  for (const line of formatProblems(prepared.problems)) console.error(line)
  process.exit(1)
}
const pack = prepared.pack
const manifest = buildManifest(pack, pack.meta.version, 'bundled')
const { meta, parameters, sources, policies, services, faq, news } = pack
const files: Record<string, string> = {
  'bundled-content.json': JSON.stringify({ manifest, pack }) + '\n',
  'bundled-core.json': JSON.stringify({ manifest, pack: { meta, parameters, sources } }) + '\n',
  'bundled-later.json': JSON.stringify({ policies, services, faq, news }) + '\n',
}
if (process.argv.includes('--check')) {
  const stale = Object.keys(files).filter((name) => {
    const file = path.join(DIR, name)
    return (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== files[name]
  })
  if (stale.length > 0) {
    console.error(`${stale.map((name) => `src/generated/${name}`).join(', ')} out of date: run \`npm run content:build\``)
    process.exit(1)
  }
  console.log('bundled content is up to date')
} else {
  fs.mkdirSync(DIR, { recursive: true })
  for (const [name, json] of Object.entries(files)) {
    fs.writeFileSync(path.join(DIR, name), json)
    console.log(`wrote src/generated/${name} (${Buffer.byteLength(json)} bytes, version ${manifest.version})`)
  }
}
