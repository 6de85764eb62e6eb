// The project root (where package.json and content/ are), found the same way from the TypeScript
// sources (server/…, run by tsx) and from the built bundle (dist/server/main.js), so the two need no
// different relative paths.
import fs from 'node:fs'
import path from 'node:path'

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`)
  }
}

export const PROJECT_ROOT = findRoot(__dirname)
