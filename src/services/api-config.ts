// Where the API lives. Set TARO_APP_API_BASE at build time (environment or .env file, e.g.
// TARO_APP_API_BASE=https://api.example.gov.cn/api). Without it the H5 app calls its own origin
// (/api, as served by `npm start`), and the mini-program calls WEAPP_PLACEHOLDER_API_BASE, which
// must be replaced by a real HTTPS domain listed in the mini-program's request 合法域名.
export const WEAPP_PLACEHOLDER_API_BASE = 'https://huimintong.example.com/api'

export function apiBase(): string {
  const fromBuild = process.env.TARO_APP_API_BASE
  if (typeof fromBuild === 'string' && fromBuild.trim() !== '') return fromBuild.trim().replace(/\/+$/, '')
  return process.env.TARO_ENV === 'h5' ? '/api' : WEAPP_PLACEHOLDER_API_BASE
}
