// The validator CLI (npm run content:validate): exit 0 with counts, 1 with every problem listed,
// 2 when the file cannot be read or is not JSON. Run in this process (a tsx child per case cost about
// 10 s each); one case runs the script as a person does, to prove the exit code reaches the shell.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { validateContent } from '../../scripts/validate-content'
import { at } from '../../harness/at'

const ROOT = path.join(__dirname, '../..')
const FIXTURE = path.join(ROOT, 'test/fixtures/content/small-pack.json')

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cli-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function run(...args: string[]): { status: number | null; output: string } {
  let output = ''
  const io = { out: (line: string) => (output += `${line}\n`), err: (line: string) => (output += `${line}\n`) }
  const status = validateContent(args, io, ROOT)
  return { status, output }
}

function write(name: string, content: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

it('passes a valid pack file and prints its counts', () => {
  const { status, output } = run(FIXTURE)
  expect(output).toMatch(/内容包校验通过：版本 test-1，3 个来源文件，7 项救助标准，1 份政策文件，1 项办事指南，1 条问答，1 条新闻/)
  expect(status).toBe(0)
})

it('validates the content/ directory when given no file', () => {
  const { status, output } = run()
  expect(output).toMatch(/内容包校验通过：.*（content\/）/)
  expect(status).toBe(0)
})

it('accepts the bundled form {manifest, pack}', () => {
  const pack: unknown = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'))
  const { status, output } = run(write('bundled.json', JSON.stringify({ manifest: { version: 'test-1' }, pack })))
  expect(output).toMatch(/内容包校验通过/)
  expect(status).toBe(0)
})

it('lists every problem of a broken pack as "- path: message" and exits 1', () => {
  const pack = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as {
    sources: Array<{ issuedOn: string }>
    parameters: Array<{ values: Array<{ amountFen: number }> }>
    faq: Array<{ basedOn: string[] }>
  }
  at(pack.sources, 0).issuedOn = '2019-06-21'
  at(at(pack.parameters, 0).values, 1).amountFen = 68000
  at(pack.faq, 0).basedOn.push('nope')
  const { status, output } = run(write('broken.json', JSON.stringify(pack)))
  expect(output).toMatch(/有 3 个问题/)
  expect(output).toMatch(/^  - sources\[0\]\.issuedOn: 发文日期“2019年6月21日”与公报不符/m)
  expect(output).toMatch(/^  - parameters\[0\]\.values\[1\]\.amountFen: 金额“680元”在引文中找不到/m)
  expect(output).toMatch(/^  - faq\[0\]\.basedOn\[4\]: 依据“nope”/m)
  expect(status).toBe(1)
})

it('exits 2 on a file that is not JSON', () => {
  const file = write('bad.json', '{"meta": ')
  const { status, output } = run(file)
  expect(output).toContain(`${file} 不是有效的 JSON`)
  expect(status).toBe(2)
})

it('exits 2 on a file that does not exist', () => {
  const file = path.join(dir, 'missing.json')
  const { status, output } = run(file)
  expect(output).toContain(`找不到文件或目录：${file}`)
  expect(status).toBe(2)
})

it('as a command: the exit code and the message reach the shell', () => {
  const file = path.join(dir, 'missing.json')
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-content.ts', file], { cwd: ROOT, encoding: 'utf8' })
  expect(result.stderr).toContain(`找不到文件或目录：${file}`)
  expect(result.status).toBe(2)
}, 60_000)
