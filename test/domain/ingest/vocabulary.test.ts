// The ingester proposes values for the parameters content/parameters.json defines, under their labels.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PARAMETER_LABELS } from '../../../src/domain/ingest'
import { resolveSubject, termAt } from '../../../src/domain/ingest/vocabulary'

const parameters = JSON.parse(readFileSync(join(__dirname, '../../../content/parameters.json'), 'utf8')) as Array<{
  id: string
  label: string
}>

it('knows every parameter of content/parameters.json by its id and label, and no other', () => {
  expect(PARAMETER_LABELS).toEqual(Object.fromEntries(parameters.map((p) => [p.id, p.label])))
})

it.each([
  ['半失能', 'semi'],
  ['半自理', 'semi'],
  ['半护理', 'semi'],
  ['全失能', 'fully'],
  ['完全不能自理', 'fully'],
  ['全护理', 'fully'],
  ['全自理', 'self'],
])('reads %s as self-care level %s', (word, level) => {
  expect(termAt(word, 0)).toEqual({ term: { kind: 'level', level }, length: word.length })
})

it('names several parameters for one rural 特困 figure or a 城乡 standard, and none without an area', () => {
  expect(resolveSubject({ concept: 'tekun', areas: ['rural'], mode: null, level: null })).toEqual({
    ok: true,
    ids: ['tekun-rural-centralized', 'tekun-rural-dispersed'],
  })
  expect(resolveSubject({ concept: 'dibao', areas: ['urban', 'rural'], mode: null, level: null })).toEqual({
    ok: true,
    ids: ['dibao-urban-standard', 'dibao-rural-standard'],
  })
  expect(resolveSubject({ concept: 'dibao', areas: [], mode: null, level: null })).toMatchObject({ ok: false })
  expect(resolveSubject({ concept: 'care', areas: [], mode: null, level: null })).toMatchObject({ ok: false })
})
