// fast-check generators for hostile input: strings that have broken parsers before (prototype keys,
// SQL and script text, numeric edge cases, lone surrogates, %-escapes that do not decode), query
// strings, path segments, header values, content types and request bodies of every wrong kind.
import fc from 'fast-check'

/** Strings worth trying anywhere a string goes. */
export const ADVERSARIAL_STRINGS = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  "'; DROP TABLE content_version; --",
  '" OR 1=1 --',
  "1' OR '1'='1",
  'v1; DELETE FROM content_pointer',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%2e%2e%2f',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '-0',
  '0x10',
  '0b11',
  '1_000',
  '1,000',
  '１２３',
  ' 12 ',
  '12abc',
  '9007199254740993',
  '1e-7',
  '.5',
  '5.',
  '+5',
  '-1',
  '4.999',
  '660.001',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\uffff',
  '\ufeff',
  '\u202e',
  '😀',
  '𠀀',
  '低保',
  '特困',
  '景德镇',
  'v1',
  '"v1"',
  'W/"v1"',
  'v0',
  'v999999999999999999999',
  '*',
  'dibao',
  'tekun',
  'urban',
  'rural',
]

export const numericText: fc.Arbitrary<string> = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((n) => n.toFixed(3)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '1e2', '00012', '12.345', '-0.01', '  7  '),
)

/** Any string, weighted towards the hostile ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL_STRINGS) },
  { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 3000 }) },
  { weight: 2, arbitrary: numericText },
)

const UNRESERVED = /[A-Za-z0-9\-._~]/

/** Percent-encode every byte of the UTF-8 form (a lone surrogate becomes U+FFFD, as a browser sends it). */
export function pctEncode(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte)
    out += UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** Raw text that is not a valid %-escape: sent unencoded on purpose. */
const BROKEN_ESCAPES = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', '%00', '%2F', '%2e%2e', '..', '.', '%25', '%%']

/** One path segment: mostly well-encoded hostile text, sometimes escapes that do not decode. */
export function pathSegment(good: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...good).map(pctEncode) },
    { weight: 6, arbitrary: nastyString.map(pctEncode) },
    { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES) },
    { weight: 1, arbitrary: fc.string({ minLength: 90, maxLength: 400 }).map(pctEncode) },
  )
}

/**
 * A query string over the endpoint's own parameters (with good and hostile values) plus prototype
 * keys, repeats (which parse to arrays) and raw broken escapes.
 */
export function queryString(params: Record<string, readonly string[]>, required: readonly string[] = []): fc.Arbitrary<string> {
  const keys = Object.keys(params)
  const keyArb = fc.oneof(
    { weight: 6, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'q[]', 'q[0]', 'a.b', '') },
    { weight: 1, arbitrary: nastyString },
  )
  const pair = keyArb.chain((key) => {
    // own keys only: the hostile keys include "constructor"
    const good = (Object.hasOwn(params, key) ? params[key] : undefined) ?? []
    const value = good.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good) }, { weight: 4, arbitrary: nastyString })
      : nastyString
    return fc.oneof(
      { weight: 8, arbitrary: value.map((v) => `${pctEncode(key)}=${pctEncode(v)}`) },
      { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES).map((v) => `${pctEncode(key)}=${v}`) },
      { weight: 1, arbitrary: fc.constant(pctEncode(key)) },
    )
  })
  // A required parameter with a good value most of the time, so the fuzz gets past "missing q".
  const requiredPairs = fc.tuple(
    ...required.map((key) =>
      fc.option(
        fc.oneof(fc.constantFrom(...(params[key] ?? ['x'])), nastyString).map((v) => `${pctEncode(key)}=${pctEncode(v)}`),
        { nil: undefined, freq: 5 },
      ),
    ),
  )
  const pairs = fc
    .tuple(requiredPairs, fc.array(pair, { maxLength: 5 }))
    .map(([req, rest]) => [...req.filter((p): p is string => p !== undefined), ...rest])
  return fc.oneof(
    { weight: 9, arbitrary: pairs.map((list) => list.join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('&&&', '=', '==&=', '?', '#x', 'q=%', ';') },
  )
}

/** Visible ASCII and Latin-1: what an HTTP header can carry (the parser rejects control characters). */
const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map((c) => String.fromCharCode(c))

export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 60 }),
  fc.string({ unit: headerChar, minLength: 200, maxLength: 4000 }),
  fc.constantFrom('*', '"v1"', 'W/"v1"', 'v1', '"x", W/"y"', ',,,', '"', 'W/', '""', ' ', 'null'),
)

/** ETag-ish values for If-None-Match and If-Match. */
export function etagValue(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.constantFrom(...real).map((t) => `W/${t}`) },
    {
      weight: 1,
      arbitrary: fc.array(fc.constantFrom(...real, '"x"', '*', 'W/"y"'), { minLength: 2, maxLength: 5 }).map((l) => l.join(', ')),
    },
    { weight: 5, arbitrary: headerValue },
  )
}

export const contentType: fc.Arbitrary<string> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'APPLICATION/JSON',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json;;',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/*',
      '*/*',
      'application/vnd.api+json',
      'application/jsonx',
      'json',
      ';',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: headerChar, maxLength: 40 }) },
)

/** A number where a number goes: edge values, and the things JSON turns them into. */
export const nastyNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 30 }),
  fc.double(),
  fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 0.1 + 0.2, 4.999, 660.001, 1e6, 1e6 + 0.01),
  numericText,
  fc.constantFrom(null, true, false, [], {}, [3], { valueOf: 3 }),
)

/** Any JSON value, including prototype keys as ordinary own keys. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** Bodies as raw bytes: JSON of the wrong shape, truncated, deeply nested, invalid UTF-8, or huge. */
export function rawBody(nearValid: fc.Arbitrary<unknown>): fc.Arbitrary<string | Buffer> {
  const serialized = (arb: fc.Arbitrary<unknown>) => arb.map((v) => JSON.stringify(v) ?? 'null')
  return fc.oneof(
    { weight: 6, arbitrary: serialized(nearValid) },
    { weight: 3, arbitrary: serialized(jsonish) },
    { weight: 1, arbitrary: fc.tuple(serialized(nearValid), fc.nat()).map(([json, cut]) => json.slice(0, cut % Math.max(1, json.length))) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 1,
      // valid JSON around bytes that are not UTF-8
      arbitrary: fc
        .tuple(
          serialized(nearValid),
          fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b.map((x) => x | 0x80))),
        )
        .map(([json, bad]) => Buffer.concat([Buffer.from(json.slice(0, -1)), Buffer.from(',"x":"'), bad, Buffer.from('"}')])),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"program":"dibao","__proto__":{"area":"urban"}}',
        '[{"__proto__":{"polluted":1}}]',
        '',
        ' ',
        'null',
        '"dibao"',
        '0',
        'NaN',
        'Infinity',
        '{"a":NaN}',
        "{'a':1}",
        '{"a":1,}',
        '{"a":1}{"b":2}',
        '\ufeff{}',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 80_000 }).map((n) => JSON.stringify({ program: 'dibao', pad: 'x'.repeat(n) })) },
  )
}
