#!/usr/bin/env node
// `npm test`: every check a change must pass, in order, stopping at the first failure.
// Browser (Chromium) and PostgreSQL suites skip with a visible message when those are absent,
// unless REQUIRE_SERVICES=1 (set by .ci/run), which turns "absent" into a failure.
import { spawnSync } from 'node:child_process'

const steps = [
  ['bundled content is up to date', 'npx', ['tsx', 'scripts/build-content.ts', '--check']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['dead code (knip)', 'npm', ['run', '--silent', 'knip']],
  ['formatting (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['unit, component and server tests', 'npx', ['jest', '--ci', ...process.argv.slice(2)]],
]

const started = Date.now()
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`)
  const t0 = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`)
    process.exit(r.status || 1)
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}
console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
