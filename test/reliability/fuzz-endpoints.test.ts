// Property-based fuzzing of every endpoint through app.inject: hostile query strings, path ids,
// bodies (wrong types, edge numbers, deep nesting, invalid UTF-8, prototype keys, truncated JSON,
// oversized), headers (If-None-Match, If-Match, Authorization, content types). Whatever arrives:
// never a 5xx, every 4xx in the one error shape, JSON never served as HTML, and afterwards the server
// is healthy, the published content is byte-for-byte what it was and Object.prototype is untouched.
//
//   FUZZ_RUNS       cases per endpoint on SQLite (default 300; CI 10000)
//   FUZZ_RUNS_PG    cases per endpoint on PostgreSQL (default max(60, FUZZ_RUNS / 5))
//   FUZZ_SEED       replay a run (fast-check prints the seed of a failure)
import fc from 'fast-check'
import type { HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify'
import { SECTION_NAMES } from '../../src/domain'
import { parseIfMatch } from '../../server/lib/if-match'
import { ADMIN_TOKEN, type TestApp, contentPack, createTestApp, testDialects } from '../server/helpers'
import { contentType, etagValue, headerValue, jsonish, nastyNumber, nastyString, pathSegment, queryString, rawBody } from './arbitraries'
import { errorShapeProblem, knob, report } from './support'
import { at } from '../../harness/at'

const RUNS = knob('FUZZ_RUNS', 300)
const PG_RUNS = knob('FUZZ_RUNS_PG', Math.max(60, Math.ceil(RUNS / 5)))
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
jest.setTimeout(60 * 60_000)

type Case = {
  method: HTTPMethods
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

const pack = contentPack()
const PACK_JSON = JSON.stringify(pack)
const ON = ['2019-07-01', '2019-01-01', '2018-12-31', '2015-06-30', '2000-01-01', '2030-12-31', '2019-02-29', '2020-02-29', '2019-13-01']
const POLICY_IDS = pack.policies.map((p) => p.id)
const SERVICE_IDS = pack.services.map((s) => s.id)
const PARAMETER_IDS = pack.parameters.map((p) => p.id)
const TOPICS = [...new Set(pack.policies.flatMap((p) => p.topics))]
const DEPARTMENTS = [...new Set(pack.services.map((s) => s.department))]
const WORDS = ['低保', '特困', '低保标准 660', '一次不跑', '景府办字〔2019〕35号', '照料护理', 'a', '1', '的']

/** Pieces of notices in the phrasings ingestion reads, shuffled with hostile text (POST /admin/ingest). */
const NOTICE_PIECES = [
  '景府办字〔2019〕35号',
  '（一）城市居民最低生活保障标准增加60元，由去年的每人每月600元提高到660元',
  '月人均补差水平增加30元，达到410元。',
  '城乡低保标准由每人每月780元、700元统一调整为860元',
  '提高到每人每月不低于791元',
  '每人每年3900元',
  '由每人685元/月提高到740元/月',
  '按不低于当地低保标准的1.3倍确定',
  '六百六元',
  '壹仟贰佰元',
  '自２０２３年４月１日起執行',
  '半失能',
  '全护理每人每月',
  '\n',
  '。',
  '（',
]
const noticeLike: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NOTICE_PIECES) }, nastyString), { maxLength: 12 })
  .map((parts) => parts.join(''))

/** The version the database holds throughout: no fuzz case may ever become a real publish. */
const CURRENT = 'v1'

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 })

/** Headers any request may carry, hostile or not. */
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', ''), headerValue),
      origin: fc.oneof(
        fc.constantFrom('https://allowed.example', 'https://evil.example', 'null', 'https://allowed.example.evil.test'),
        headerValue,
      ),
      'x-forwarded-for': fc.oneof(fc.constantFrom('1.2.3.4', '::1', 'unknown, 10.0.0.1'), headerValue),
      'accept-language': headerValue,
      cookie: headerValue,
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => typeof e[1] === 'string')))

const authorization: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 7, arbitrary: fc.constant({ authorization: `Bearer ${ADMIN_TOKEN}` }) },
  { weight: 1, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        headerValue,
        nastyString.map((s) => `Bearer ${s}`),
      )
      .filter((h) => !/[\u0000-\u001f\u007f]|[^\u0000-\u00ff]/.test(h))
      .map((h) => ({ authorization: h })),
  },
)

/**
 * If-Match values that never name the current version, so nothing the fuzz sends can publish: not
 * v1 (the wildcard `*` and weak tags are refused by the server itself, with a 412).
 */
const staleIfMatch: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  etagValue(['"v0"', '"v2"', 'v999', '"v1 "x', '*x'])
    .filter((v) => {
      const parsed = parseIfMatch(v)
      return !(parsed.kind === 'version' && parsed.version === CURRENT)
    })
    .map((v) => ({ 'if-match': v })),
)

const get = (path: string, query: fc.Arbitrary<string>, headers: fc.Arbitrary<Record<string, string>> = extraHeaders): fc.Arbitrary<Case> =>
  fc
    .tuple(query, headers, fc.constantFrom<HTTPMethods>('GET', 'GET', 'GET', 'HEAD'))
    .map(([q, h, method]) => ({ method, url: q ? `${path}?${q}` : path, headers: h }))

const withEtag = (tags: readonly string[]) =>
  fc.tuple(extraHeaders, optional(etagValue(tags))).map(([h, etag]) => (etag === undefined ? h : { ...h, 'if-none-match': etag }))

const post = (
  url: fc.Arbitrary<string>,
  body: fc.Arbitrary<string | Buffer>,
  headers: fc.Arbitrary<Record<string, string>>,
): fc.Arbitrary<Case> =>
  fc.tuple(url, body, contentType, headers, extraHeaders).map(([u, payload, type, h, extra]) => ({
    method: 'POST',
    url: u,
    headers: { ...extra, ...h, ...(type ? { 'content-type': type } : {}) },
    payload,
  }))

/** Valid answers, as the app would send them (numbers, or the strings typed into the form). */
const validDibao = fc.record({
  program: fc.constant('dibao'),
  area: fc.constantFrom('urban', 'rural'),
  householdSize: fc.integer({ min: 1, max: 20 }),
  monthlyIncome: fc.integer({ min: 0, max: 2_000_000 }).map((fen) => fen / 100),
  on: fc.constantFrom(...ON.slice(0, 6)),
})
const validTekun = fc
  .record({
    program: fc.constant('tekun'),
    area: fc.constantFrom('urban', 'rural'),
    care: fc.constantFrom('centralized', 'dispersed'),
    age: fc.integer({ min: 0, max: 130 }),
    canWork: fc.boolean(),
    monthlyIncome: fc.integer({ min: 0, max: 200_000 }).map((fen) => fen / 100),
    hasCapableSupporter: fc.boolean(),
    selfCare: fc.constantFrom('self', 'semi', 'full'),
    on: fc.constantFrom(...ON.slice(0, 6)),
  })
  .map((b) => (b.area === 'urban' ? { ...b, care: undefined } : b))

/** A valid body with one field replaced by something hostile (or dropped). */
const oneFieldWrong = fc
  .tuple(fc.oneof(validDibao, validTekun), fc.nat(), fc.oneof(nastyNumber, nastyString, jsonish, fc.constant(undefined)))
  .map(([body, index, value]) => {
    const keys = Object.keys(body)
    return { ...body, [at(keys, index % keys.length)]: value }
  })

/** Assess bodies: valid ones, nearly valid ones, and any record of the right field names. */
const assessBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.oneof(validDibao, validTekun) },
  { weight: 4, arbitrary: oneFieldWrong },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        program: fc.oneof(fc.constantFrom('dibao', 'tekun'), nastyString, nastyNumber),
        area: fc.oneof(fc.constantFrom('urban', 'rural'), nastyString),
        householdSize: fc.oneof(fc.integer({ min: 1, max: 20 }), nastyNumber),
        monthlyIncome: nastyNumber,
        on: fc.oneof(fc.constantFrom(...ON), nastyString, nastyNumber),
        care: fc.oneof(fc.constantFrom('centralized', 'dispersed'), nastyString, fc.constant(null)),
        age: fc.oneof(fc.integer({ min: 0, max: 130 }), nastyNumber),
        canWork: fc.oneof(fc.boolean(), nastyNumber, nastyString),
        hasCapableSupporter: fc.oneof(fc.boolean(), nastyNumber, nastyString),
        selfCare: fc.oneof(fc.constantFrom('self', 'semi', 'full'), nastyString),
        extra: jsonish,
      },
      { requiredKeys: [] },
    ),
  },
)

/** Replace, delete or shadow with a prototype key whatever lies at a random path of a pack. */
interface Mutation {
  path: number[]
  action: 'set' | 'delete' | 'proto'
  value: unknown
}

function mutate(root: unknown, mutations: readonly Mutation[]): unknown {
  for (const m of mutations) {
    let node: unknown = root
    for (let depth = 0; depth < m.path.length; depth++) {
      if (typeof node !== 'object' || node === null) break
      const record = node as Record<string, unknown>
      const keys = Object.keys(record)
      if (keys.length === 0) break
      const key = at(keys, at(m.path, depth) % keys.length)
      const last = depth === m.path.length - 1 || typeof record[key] !== 'object' || record[key] === null
      if (!last) {
        node = record[key]
        continue
      }
      if (m.action === 'set') record[key] = m.value
      else if (m.action === 'delete') delete record[key]
      // an own "__proto__" key, as JSON.parse would produce it from hostile input
      else Object.defineProperty(record, '__proto__', { value: m.value, enumerable: true, writable: true, configurable: true })
      break
    }
  }
  return root
}

const mutatedPack: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.record({
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
        action: fc.constantFrom<Mutation['action']>('set', 'set', 'delete', 'proto'),
        value: jsonish,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    fc.boolean(),
  )
  .map(([mutations, wrapped]) => {
    const mutated = mutate(JSON.parse(PACK_JSON), mutations)
    return JSON.stringify(wrapped ? { manifest: { version: 'x' }, pack: mutated } : mutated)
  })

const packLike: fc.Arbitrary<unknown> = fc.record(
  {
    meta: fc.oneof(fc.record({ version: nastyString, title: nastyString, asOf: nastyString }), jsonish),
    sources: fc.oneof(fc.array(jsonish, { maxLength: 3 }), jsonish),
    parameters: fc.oneof(fc.array(jsonish, { maxLength: 3 }), jsonish),
    policies: jsonish,
    services: jsonish,
    faq: jsonish,
    news: jsonish,
    manifest: jsonish,
    pack: jsonish,
  },
  { requiredKeys: [] },
)

const ALLOWED_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']

interface Endpoint {
  name: string
  cases: fc.Arbitrary<Case>
  /** at most this many cases, for an endpoint that is slow by design */
  maxRuns?: number
}

/** The console's routes, as the API document names them. */
const CONSOLE_ROUTES = [
  'POST /console/login',
  'GET /console/session',
  'POST /console/logout',
  'GET /console/me',
  'GET /console/audit',
  'GET /console/users',
  'POST /console/users',
  'POST /console/users/{name}/disable',
  'POST /console/users/{name}/enable',
  'POST /console/users/{name}/reset',
  'POST /console/password',
  'GET /console/drafts',
  'POST /console/drafts',
  'POST /console/ingest',
  'GET /console/drafts/{id}',
  'PUT /console/drafts/{id}',
  'POST /console/drafts/{id}/submit',
  'GET /console/drafts/{id}/review',
  'POST /console/drafts/{id}/rebase',
  'POST /console/drafts/{id}/publish',
  'GET /console/history',
  'POST /console/rollback',
]

const headerSafe = (h: string) => !/[\u0000-\u001f\u007f]|[^\u0000-\u00ff]/.test(h)

/** A session cookie and CSRF token that were never issued: hostile, stale or absent. */
const consoleCredentials: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    cookie: fc
      .oneof(
        headerValue,
        nastyString.map((v) => `jdz_console=${v}`),
        nastyString.map((v) => `__Host-jdz_console=${v}`),
      )
      .filter(headerSafe),
    'x-csrf-token': fc.oneof(headerValue, nastyString).filter(headerSafe),
  },
  { requiredKeys: [] },
)

/**
 * A console route without a session the server issued: whatever the cookie, token, ids and body, the
 * answer is a 4xx in the error shape. Sign-in verifies a password hash (by design slow), so its runs
 * are capped.
 */
function consoleEndpoint(name: string): Endpoint {
  const [method, template] = name.split(' ') as [HTTPMethods, string]
  const url = fc
    .tuple(pathSegment(['1', '2', '0', 'lihua', 'wang']), queryString({}))
    .map(([id, q]) => `/api/v1${template.replace(/\{(id|name)\}/, id)}${q ? `?${q}` : ''}`)
  const body = fc.oneof(
    rawBody(
      fc.record(
        { name: fc.oneof(fc.constantFrom('lihua', 'admin'), nastyString), password: nastyString, code: nastyString },
        { requiredKeys: [] },
      ),
    ),
    rawBody(
      fc.record(
        { text: noticeLike, changeNote: nastyString, confirmed: fc.array(nastyString, { maxLength: 3 }), version: nastyString },
        { requiredKeys: [] },
      ),
    ),
  )
  const cases: fc.Arbitrary<Case> =
    method === 'GET'
      ? fc.tuple(url, consoleCredentials, extraHeaders).map(([u, c, h]) => ({ method, url: u, headers: { ...h, ...c } }))
      : fc.tuple(url, body, contentType, consoleCredentials, extraHeaders).map(([u, payload, type, c, h]) => ({
          method,
          url: u,
          headers: { ...h, ...c, ...(type ? { 'content-type': type } : {}) },
          payload,
        }))
  return { name, cases, ...(method === 'POST' && template === '/console/login' ? { maxRuns: 300 } : {}) }
}

function endpoints(etags: { manifest: string; sections: string[] }): Endpoint[] {
  const segment = (good: readonly string[]) => pathSegment(good)
  return [
    { name: 'GET /health', cases: get('/api/v1/health', queryString({ verbose: ['1'] })) },
    { name: 'GET /content/manifest', cases: get('/api/v1/content/manifest', queryString({ v: ['1'] }), withEtag([etags.manifest])) },
    {
      name: 'GET /content/{section}',
      cases: fc.tuple(segment([...SECTION_NAMES, 'manifest']), queryString({}), withEtag(etags.sections)).map(([s, q, h]) => ({
        method: 'GET' as const,
        url: `/api/v1/content/${s}${q ? `?${q}` : ''}`,
        headers: h,
      })),
    },
    { name: 'GET /standards', cases: get('/api/v1/standards', queryString({ on: ON }, ['on']), withEtag(['"x"'])) },
    {
      name: 'GET /standards/{id}',
      cases: fc.tuple(segment(PARAMETER_IDS), queryString({ on: ON }), withEtag(['"x"'])).map(([id, q, h]) => ({
        method: 'GET' as const,
        url: `/api/v1/standards/${id}${q ? `?${q}` : ''}`,
        headers: h,
      })),
    },
    {
      name: 'GET /policies',
      cases: get(
        '/api/v1/policies',
        queryString({ q: WORDS, topic: TOPICS, page: ['1', '2', '0', '10000', '10001'], pageSize: ['1', '100', '101', '0'] }),
      ),
    },
    {
      name: 'GET /policies/{id}',
      cases: fc
        .tuple(segment(POLICY_IDS), extraHeaders)
        .map(([id, h]) => ({ method: 'GET' as const, url: `/api/v1/policies/${id}`, headers: h })),
    },
    {
      name: 'GET /services',
      cases: get('/api/v1/services', queryString({ q: WORDS, mode: ['yici-bupao', 'zhi-pao-yici', 'onsite'], department: DEPARTMENTS })),
    },
    {
      name: 'GET /services/{id}',
      cases: fc
        .tuple(segment(SERVICE_IDS), extraHeaders)
        .map(([id, h]) => ({ method: 'GET' as const, url: `/api/v1/services/${id}`, headers: h })),
    },
    {
      name: 'GET /search',
      cases: get(
        '/api/v1/search',
        queryString({ q: WORDS, kinds: ['policy', 'service,faq', 'parameter,x', ''], limit: ['1', '50', '51', '0'] }, ['q']),
      ),
    },
    {
      name: 'POST /assess',
      cases: post(fc.constantFrom('/api/v1/assess', '/api/v1/assess?x=1'), rawBody(assessBody), fc.constant({})),
    },
    {
      name: 'POST /admin/content',
      cases: post(
        fc.constant('/api/v1/admin/content'),
        fc.oneof({ weight: 1, arbitrary: mutatedPack }, { weight: 9, arbitrary: rawBody(packLike) }),
        fc.tuple(authorization, staleIfMatch).map(([a, m]) => ({ ...a, ...m })),
      ),
    },
    {
      name: 'GET /admin/content/history',
      cases: get(
        '/api/v1/admin/content/history',
        queryString({ limit: ['1'] }),
        fc.tuple(authorization, extraHeaders).map(([a, h]) => ({ ...h, ...a })),
      ),
    },
    {
      name: 'POST /admin/content/rollback',
      cases: post(
        fc.constant('/api/v1/admin/content/rollback'),
        rawBody(
          fc.record({ version: fc.oneof(fc.constantFrom('v1', 'v0', 'v2', ' v1 '), nastyString, nastyNumber) }, { requiredKeys: [] }),
        ),
        fc.tuple(authorization, staleIfMatch).map(([a, m]) => ({ ...a, ...m })),
      ),
    },
    {
      name: 'POST /admin/ingest',
      cases: post(
        fc.constant('/api/v1/admin/ingest'),
        rawBody(fc.record({ text: fc.oneof({ weight: 4, arbitrary: noticeLike }, nastyString, nastyNumber) }, { requiredKeys: [] })),
        authorization,
      ),
    },
    ...CONSOLE_ROUTES.map(consoleEndpoint),
    {
      name: 'any method, any path',
      cases: fc
        .tuple(
          fc.constantFrom(...ALLOWED_METHODS),
          fc.constantFrom(
            '/',
            '/api/',
            '/api/v1/',
            '/api/v1/admin/',
            '/api/v1/content/',
            '/api/docs/static/',
            '/api/v1/standards/',
            '/api/v2/',
          ),
          fc.array(segment(['health', 'assess', 'content', 'docs', 'openapi.json', 'index.html']), { maxLength: 3 }),
          queryString({}),
          fc.oneof(fc.constant(undefined), rawBody(jsonish)),
          contentType,
          extraHeaders,
          fc.option(fc.constantFrom('GET', 'POST', 'DELETE', 'x'), { nil: undefined }),
        )
        .map(([method, prefix, segs, q, body, type, h, preflight]) => ({
          method,
          url: `${prefix}${segs.join('/')}${q ? `?${q}` : ''}`,
          headers: {
            ...h,
            ...(preflight ? { 'access-control-request-method': preflight } : {}),
            ...(body !== undefined && type ? { 'content-type': type } : {}),
          },
          ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { payload: body } : {}),
        })),
    },
  ]
}

/** What must hold for every answer, whatever was asked. Returns the problem, or null. */
function responseProblem(c: Case, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`
  if (res.headers['x-content-type-options'] !== 'nosniff') return 'no X-Content-Type-Options: nosniff'
  const type = String(res.headers['content-type'] ?? '')
  // judged on the path the server resolves: /api/v1/standards/../../docs is /api/docs, the HTML docs page
  const resolved = URL.canParse(c.url, 'http://fuzz.invalid') ? new URL(c.url, 'http://fuzz.invalid').pathname : c.url
  const isApi = resolved.startsWith('/api/v1/') || resolved === '/api/v1'
  if (isApi && /html/i.test(type)) return `an API answer served as ${type}`
  if (res.statusCode >= 400) {
    if (!type.startsWith('application/json')) return `error with content type "${type}"`
    if (c.method === 'HEAD') return null
    let body: unknown
    try {
      body = JSON.parse(res.body)
    } catch {
      return `error body is not JSON: ${res.body.slice(0, 200)}`
    }
    return errorShapeProblem(body)
  }
  if (res.statusCode === 304) return res.body === '' ? null : 'a 304 with a body'
  if (isApi && c.method !== 'HEAD' && c.method !== 'OPTIONS') {
    if (!type.startsWith('application/json')) return `${res.statusCode} with content type "${type}"`
    try {
      JSON.parse(res.body)
    } catch {
      return `${res.statusCode} body is not JSON`
    }
  }
  return null
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join()
const unpolluted = () =>
  Object.getOwnPropertyNames(Object.prototype).sort().join() === PROTOTYPE_KEYS && ({} as Record<string, unknown>).polluted === undefined

describe.each(testDialects())('fuzzing every endpoint (%s)', (dialect) => {
  const runs = dialect === 'sqlite' ? RUNS : PG_RUNS
  let t: TestApp
  let manifestBefore: string
  let historyBefore: string
  let endpointList: Endpoint[]
  const totals = { cases: 0, ms: 0 }

  const snapshot = async () => ({
    manifest: (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).body,
    history: (
      await t.app.inject({ method: 'GET', url: '/api/v1/admin/content/history', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).body,
  })

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      corsOrigins: ['https://allowed.example'],
      rateLimit: { assess: 1_000_000, admin: 1_000_000, windowMs: 60_000 },
    })
    const before = await snapshot()
    manifestBefore = before.manifest
    historyBefore = before.history
    const manifest = JSON.parse(manifestBefore) as { sections: Record<string, { hash: string }> }
    const manifestEtag = String((await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).headers.etag)
    endpointList = endpoints({ manifest: manifestEtag, sections: Object.values(manifest.sections).map((s) => `"${s.hash}"`) })
  })

  afterAll(async () => {
    if (!t) return
    // Still healthy, still serving exactly what was published, nothing written.
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    const after = await snapshot()
    const intact =
      health.statusCode === 200 && health.json().status === 'ok' && after.manifest === manifestBefore && after.history === historyBefore
    report(`fuzz endpoints total (${dialect})`, {
      endpoints: endpointList.length,
      casesPerEndpoint: runs,
      cases: totals.cases,
      seconds: (totals.ms / 1000).toFixed(1),
      healthyAfter: health.statusCode === 200,
      contentUnchanged: intact,
      prototypeClean: unpolluted(),
    })
    await t.close()
    expect(health.statusCode).toBe(200)
    expect(after.manifest).toBe(manifestBefore)
    expect(after.history).toBe(historyBefore)
    expect(unpolluted()).toBe(true)
  })

  test('the endpoints under test cover every route of the API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace('/api/v1', '')}`),
    )
    const fuzzed = new Set(endpointList.map((e) => e.name))
    expect(routes.filter((r) => !fuzzed.has(r))).toEqual([])
  })

  test.each(endpoints({ manifest: '"x"', sections: ['"x"'] }).map((e) => e.name))('%s', async (name) => {
    const endpoint = endpointList.find((e) => e.name === name)
    if (!endpoint) throw new Error(name)
    const statuses = new Map<number, number>()
    const started = Date.now()
    await fc.assert(
      fc.asyncProperty(endpoint.cases, async (c) => {
        const res = await t.app.inject(c as InjectOptions)
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
        const problem = responseProblem(c, res)
        if (problem) throw new Error(`${c.method} ${c.url.slice(0, 200)} → ${problem}`)
        if (!unpolluted()) throw new Error('Object.prototype was modified')
      }),
      { numRuns: Math.min(runs, endpoint.maxRuns ?? runs), ...(SEED !== undefined ? { seed: SEED } : {}) },
    )
    const ms = Date.now() - started
    const cases = Math.min(runs, endpoint.maxRuns ?? runs)
    totals.cases += cases
    totals.ms += ms
    const byStatus = Object.fromEntries([...statuses.entries()].sort((a, b) => a[0] - b[0]))
    report(`fuzz ${name} (${dialect})`, { cases, ms, perSecond: Math.round((cases / ms) * 1000), statuses: byStatus })
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true)
  })
})

// The fuzz above never lets a publish through (its If-Match is always stale), so the write path is
// fuzzed here on a database of its own: hostile text in every free-text field and in meta.version,
// published with the right If-Match. Each answer is a 201 (then served exactly as sent, history +1)
// or a 4xx in the error shape; never a 5xx.
const WRITE_RUNS = knob('FUZZ_WRITE_RUNS', Math.max(20, Math.ceil(RUNS / 40)))

const FREE_TEXT: ((p: ReturnType<typeof contentPack>, text: string) => void)[] = [
  (p, text) => (p.meta.version = text.slice(0, 64) || 'x'),
  (p, text) => (p.meta.title = text || 'x'),
  (p, text) => (at(p.faq, 0).answer = text || 'x'),
  (p, text) => (at(p.faq, 1).question = text || 'x'),
  (p, text) => (at(p.news, 0).title = text || 'x'),
  (p, text) => at(p.news, 0).paragraphs.push(text || 'x'),
  (p, text) => (at(p.policies, 0).summary = text || 'x'),
  (p, text) => (at(p.services, 0).fee = text || 'x'),
  (p, text) => (at(p.parameters, 0).description = text || 'x'),
]

describe.each(testDialects())('fuzzing real publishes (%s)', (dialect) => {
  const runs = dialect === 'sqlite' ? WRITE_RUNS : Math.max(10, Math.ceil(WRITE_RUNS / 2))
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimit: { assess: 1000, admin: 1_000_000, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await t?.close()
  })

  test('hostile text in every free-text field', async () => {
    const statuses = new Map<number, number>()
    const started = Date.now()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(FREE_TEXT.length - 1), nastyString), { minLength: 1, maxLength: 4 }), async (edits) => {
        const edited = contentPack()
        for (const [field, text] of edits) at(FREE_TEXT, field)(edited, text)
        const before = await t.repository.currentPointer()
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/admin/content',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'if-match': `"${before?.version}"` },
          payload: JSON.stringify(edited),
        })
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
        const problem = responseProblem({ method: 'POST', url: '/api/v1/admin/content', headers: {} }, res)
        if (problem) throw new Error(`${JSON.stringify(edits).slice(0, 300)} → ${problem}`)
        const after = await t.repository.currentPointer()
        if (res.statusCode !== 201) {
          expect(after).toEqual(before)
          return
        }
        expect(after?.seq).toBe((before?.seq ?? 0) + 1)
        // served exactly as sent (through JSON, as any client sees it)
        const sent = JSON.parse(JSON.stringify(edited)) as typeof edited
        const faq = (await t.app.inject({ method: 'GET', url: '/api/v1/content/faq' })).json()
        expect(faq).toEqual(sent.faq)
        const news = (await t.app.inject({ method: 'GET', url: '/api/v1/content/news' })).json()
        expect(news).toEqual(sent.news)
        const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/content/manifest' })).json() as { version: string }
        expect(manifest.version).toBe(after?.version)
        const stored = await t.repository.current()
        expect(stored?.packVersion).toBe(sent.meta.version)
      }),
      {
        numRuns: runs,
        // the cases that once gave a 500 on PostgreSQL: a NUL byte and a lone surrogate in meta.version
        examples: [[[[0, 'v\u0000']]], [[[0, '\ud800']]], [[[2, '\u0000']]]],
        ...(SEED !== undefined ? { seed: SEED } : {}),
      },
    )
    report(`fuzz real publishes (${dialect})`, { cases: runs, ms: Date.now() - started, statuses: Object.fromEntries(statuses) })
  })
})
