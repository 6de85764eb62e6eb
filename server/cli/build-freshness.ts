// When a build must be redone: its marker file (index.html of H5, app.json of weapp) is missing or
// older than the newest file of its sources. One rule for `npm start`, the e2e harness and the
// benchmarks' builds.
import fs from 'node:fs'
import path from 'node:path'

/** The editor console's source: bundled by build:console alone, never part of the H5 or weapp build. */
export const CONSOLE_SOURCE_DIR = 'src/console'

/** The newest modification time of any file under these paths, except under excluded (0 when none exists). */
export function newestMtime(paths: readonly string[], excluded: readonly string[] = []): number {
  let newest = 0
  const skip = new Set(excluded.map((p) => path.resolve(p)))
  const walk = (p: string) => {
    if (skip.has(path.resolve(p))) return
    let stat: fs.Stats
    try {
      stat = fs.statSync(p)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) walk(path.join(p, name))
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  paths.forEach(walk)
  return newest
}

/** Why the build in `dist` is out of date, or null when it is current. */
export function staleReason(
  dist: string,
  sources: readonly string[],
  marker = 'index.html',
  excluded: readonly string[] = [],
): string | null {
  const file = path.join(dist, marker)
  if (!fs.existsSync(file)) return `${path.basename(dist)}/${marker} 不存在`
  if (fs.statSync(file).mtimeMs < newestMtime(sources, excluded))
    return `${sources.map((s) => `${path.basename(s)}/`).join(' 或 ')} 比上次构建新`
  return null
}
