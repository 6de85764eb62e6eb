// The app's pages and the URLs that open them, in one table. src/app.config.ts builds its page list
// from it, so a page is declared once; every link in the app, the share cards and the test harness
// build their URLs here, with the query encoded.
//
// It lives beside app.config.ts rather than in services/ because Taro evaluates app.config.ts in
// Node at build time (esbuild bundles its imports): this module must stay plain TypeScript and
// import nothing, neither Taro nor React.

/** The tab pages, in tab-bar order (the first is 首页). */
export const TAB_PAGE_PATHS = [
  'pages/index/index',
  'pages/standards/index',
  'pages/services/index',
  'pages/policies/index',
  'pages/mine/index',
] as const

/** Taro subpackages: loaded on first use. */
export const SUBPACKAGES = [
  { root: 'subpackages/assess', pages: ['dibao/index', 'tekun/index'] },
  { root: 'subpackages/standards', pages: ['detail/index'] },
  { root: 'subpackages/policy', pages: ['detail/index'] },
  { root: 'subpackages/service', pages: ['detail/index'] },
  { root: 'subpackages/search', pages: ['index'] },
  { root: 'subpackages/community', pages: ['index'] },
  { root: 'subpackages/about', pages: ['privacy/index', 'sources/index'] },
] as const

export type TabPagePath = (typeof TAB_PAGE_PATHS)[number]
type Subpackage = (typeof SUBPACKAGES)[number]
type SubpackagePagePath = { [S in Subpackage as S['root']]: `${S['root']}/${S['pages'][number]}` }[Subpackage['root']]
/** Every page's path as app.config declares it (no leading slash, no query). */
export type PagePath = TabPagePath | SubpackagePagePath

/** Every page of the app, tab pages first. */
export const PAGE_PATHS: readonly PagePath[] = [
  ...TAB_PAGE_PATHS,
  ...SUBPACKAGES.flatMap((s) => s.pages.map((page) => `${s.root}/${page}` as SubpackagePagePath)),
]

/** The tab pages as routes (switchTab needs them, and no query). */
export const TAB_PAGES: readonly string[] = TAB_PAGE_PATHS.map((path) => `/${path}`)

type Query = Readonly<Record<string, string | undefined>>

/** The route of a page with its query encoded; empty and missing values are left out. */
export function pageUrl(path: PagePath, query: Query = {}): string {
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [`${encodeURIComponent(key)}=${encodeURIComponent(value)}`],
  )
  return `/${path}${pairs.length ? `?${pairs.join('&')}` : ''}`
}

/** A typed builder for each page: `routes.policyDetail({ id, section })`. */
export const routes = {
  home: () => pageUrl('pages/index/index'),
  standards: () => pageUrl('pages/standards/index'),
  services: () => pageUrl('pages/services/index'),
  policies: () => pageUrl('pages/policies/index'),
  mine: () => pageUrl('pages/mine/index'),
  dibao: () => pageUrl('subpackages/assess/dibao/index'),
  tekun: () => pageUrl('subpackages/assess/tekun/index'),
  standardDetail: ({ id }: { id: string }) => pageUrl('subpackages/standards/detail/index', { id }),
  /** a policy, optionally opened at one section */
  policyDetail: ({ id, section }: { id: string; section?: string }) => pageUrl('subpackages/policy/detail/index', { id, section }),
  serviceDetail: ({ id }: { id: string }) => pageUrl('subpackages/service/detail/index', { id }),
  /** search, optionally with the query filled in */
  search: ({ q }: { q?: string } = {}) => pageUrl('subpackages/search/index', { q: q?.trim() }),
  /** the community page, optionally scrolled to one answer */
  community: ({ faq }: { faq?: string } = {}) => pageUrl('subpackages/community/index', { faq }),
  privacy: () => pageUrl('subpackages/about/privacy/index'),
  /** the data sources, optionally at one document */
  sources: ({ id }: { id?: string } = {}) => pageUrl('subpackages/about/sources/index', { id }),
} as const
