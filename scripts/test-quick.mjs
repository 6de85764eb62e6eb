#!/usr/bin/env node
// `npm run test:quick`: the tier to run while working (under a minute on two cores): domain rules,
// content pack, components and services, and the server on SQLite. No builds, no browser, no
// PostgreSQL, no server processes; `npm test` runs everything before a change lands.
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

const paths = ['test/domain/', 'test/content/', 'test/app/', 'test/services/', 'test/server/']
const slow = ['test/server/processes.test.ts']
const r = spawnSync(
  'npx',
  [
    'jest',
    '--ci',
    // jest's default (cores − 1 workers) runs a two-core machine one file at a time; the parent
    // process mostly waits, so one worker per core
    `--maxWorkers=${Math.max(2, availableParallelism() - 1)}`,
    ...paths.map((p) => `^${process.cwd()}/${p}`),
    ...slow.map((p) => `--testPathIgnorePatterns=${p}`),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TEST_DIALECTS: 'sqlite' } },
)
process.exit(r.status ?? 1)
