import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? ''
}

// the first of TAB_PAGE_PATHS in src/routes.ts (Taro's config loader does not compile imports from src/)
const HOME_PAGE = 'pages/index/index'

/** What splitChunks knows of a lazily loaded chunk: the import() calls that load it. */
interface LazyChunk {
  groupsIterable: Iterable<{ origins: ReadonlyArray<{ request?: string }> }>
}

/** Whether the chunk is a page's own, i.e. Taro's router loads it with import('./<page>'). */
function loadsPage(chunk: LazyChunk, page: string): boolean {
  return [...chunk.groupsIterable].some((group) => group.origins.some((origin) => origin.request === `./${page}`))
}

export default defineConfig<'webpack5'>(async (merge) => {
  // separate outputs so weapp and h5 builds can coexist (CI builds both)
  const outputRoot = process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jdz-huimintong',
    date: '2026-1-1',
    // NutUI is designed at 375px, the app at 750px (Taro default)
    designWidth(input) {
      if (((input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/').indexOf('@nutui') ?? -1) > -1) {
        return 375
      }
      return 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    // process.env.* values compiled into the app (a .env file's TARO_APP_* values take precedence).
    // TARO_APP_API_BASE: the API's base URL, see src/services/api-config.ts.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_VERSION: JSON.stringify(appVersion()),
    },
    // the H5 offline shell (src/sw/service-worker.js) is served as /sw.js so its scope is the whole app
    copy: {
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/sw/service-worker.js', to: `${outputRoot}/sw.js` }] : [],
      options: {},
    },
    // Taro's terser default escapes every non-ASCII character (\uXXXX: 6 bytes for a Chinese
    // character instead of 3), which nearly doubles the bundled content pack and every Chinese string
    // and brought the weapp main package to ~950 KB of its 1 MB limit. WeChat reads code as UTF-8.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // keep NutUI out of the dev prebundle so on-demand import + pxtransform apply
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      // NutUI per-component CSS is imported from several pages; order does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      // PRERENDER=1: Taro runs each built page in Node (jsdom + miniprogram-simulate's wx stubs)
      // and inlines the rendered WXML -- an offline smoke test of the weapp bundle.
      ...(process.env.PRERENDER === '1' ? { prerender: { match: 'pages/**', console: true } } : {}),
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain) {
        // Taro's H5 request imports polyfills for fetch and AbortController, and a JSONP client: 12 KB
        // gzip on the first screen that no supported browser runs (see config/h5-stubs).
        chain.resolve.alias
          .set('whatwg-fetch$', resolve(process.cwd(), 'config/h5-stubs/already-built-in.js'))
          .set(
            'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$',
            resolve(process.cwd(), 'config/h5-stubs/already-built-in.js'),
          )
          .set('jsonp-retry$', resolve(process.cwd(), 'config/h5-stubs/jsonp-retry.js'))
        // Taro splits only the entry's chunks: a module several pages import is copied into each
        // page's chunk. The bundled policies, services, FAQ and news (src/hooks/use-full-content.ts,
        // 40+ KB gzip) go in one chunk of their own instead, loaded with the first page that shows
        // them and never with the home page.
        const splitChunks = chain.optimization.get('splitChunks') as { cacheGroups?: Record<string, unknown> } | false | undefined
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              // Code several pages import goes in chunks they share, not a copy in each page's chunk
              // (that halves the app's JS). The home page keeps its copy inline: each extra file on
              // the first screen costs a request and its own compression.
              sharedByPages: {
                chunks: (chunk: LazyChunk) => !loadsPage(chunk, HOME_PAGE),
                minChunks: 2,
                minSize: 4000,
                priority: 100,
                reuseExistingChunk: true,
              },
              laterContent: {
                test: /[\\/]src[\\/](generated[\\/]bundled-later\.json|hooks[\\/]use-full-content\.ts)$/,
                chunks: 'async',
                enforce: true,
                priority: 200,
              },
            },
          })
        }
      },
      publicPath: '/',
      staticDirectory: 'static',
      // Images as files, never inlined as base64 into scripts (Taro inlines those under 2 KB): the tab
      // icons alone were 4.5 KB of the first screen's JS, parsed before anything shows. As files they
      // load beside the scripts and sw.js precaches them. (Taro reads `limit: true` as "no inlining".)
      imageUrlLoaderOption: { limit: true },
      router: {
        mode: (process.env.H5_ROUTER_MODE as 'hash' | 'browser') || 'hash',
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
