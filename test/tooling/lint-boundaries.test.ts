// The import boundaries in eslint.config.mjs, proven on virtual files: each bad import must be
// reported by no-restricted-imports, and the same import from a layer allowed to make it must not.
import { ESLint, type Linter } from 'eslint'
import { resolve } from 'node:path'
// Jest compiles the .mjs config to CommonJS (ESLint's own loader needs native import(), which Jest's
// runtime lacks), so the test lints with exactly the configuration `npm run lint` uses.
const config = (require('../../eslint.config.mjs') as { default: Linter.Config[] }).default

const root = resolve(__dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config })
})

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`)
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'))
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('src/domain stays platform-free', () => {
  test.each([
    ['a Node builtin', "import { readFileSync } from 'node:fs'\nexport const f = readFileSync"],
    ['a bare Node builtin', "import { join } from 'path'\nexport const j = join"],
    ['Taro', "import Taro from '@tarojs/taro'\nexport const t = Taro"],
    ['React', "import { useState } from 'react'\nexport const u = useState"],
    ['server code', "import { buildApp } from '../../server/app'\nexport const b = buildApp"],
    ['an app layer', "import { loadContent } from '../services/content-store'\nexport const l = loadContent"],
  ])('rejects %s', async (_what, code) => {
    expect(await restrictedImports('src/domain/lint-probe.ts', code)).toHaveLength(1)
  })

  test('accepts a sibling domain module', async () => {
    expect(await restrictedImports('src/domain/lint-probe.ts', "import { yuanToFen } from './money'\nexport const f = yuanToFen")).toEqual(
      [],
    )
  })
})

describe('src/ does not import server code', () => {
  test('a component importing server code is rejected', async () => {
    const messages = await restrictedImports(
      'src/components/lint-probe.tsx',
      "import { buildApp } from '../../server/app'\nexport const b = buildApp",
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('server')
  })

  test('the same component may import Taro and React', async () => {
    const code = "import Taro from '@tarojs/taro'\nimport { useState } from 'react'\nexport const x = [Taro, useState]"
    expect(await restrictedImports('src/components/lint-probe.tsx', code)).toEqual([])
  })

  test('server code itself may import server code', async () => {
    expect(await restrictedImports('server/lint-probe.ts', "import { buildApp } from './app'\nexport const b = buildApp")).toEqual([])
  })
})

describe('test/ and bench/ meet only in harness/', () => {
  test('a benchmark importing a test module is rejected', async () => {
    expect(await restrictedImports('bench/lint-probe.ts', "import { view } from '../test/e2e/pages'\nexport const v = view")).toHaveLength(
      1,
    )
  })

  test('a test importing a benchmark module is rejected', async () => {
    expect(
      await restrictedImports('test/lint-probe.test.ts', "import { fmt } from '../bench/lib/report'\nexport const f = fmt"),
    ).toHaveLength(1)
  })

  test('both may import the harness', async () => {
    const code = "import { startServer } from '../harness/e2e'\nexport const s = startServer"
    expect(await restrictedImports('bench/lint-probe.ts', code)).toEqual([])
    expect(await restrictedImports('test/lint-probe.test.ts', code)).toEqual([])
  })
})
