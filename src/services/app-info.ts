// Facts about this build, for 我的.
export function appVersion(): string {
  const version = process.env.TARO_APP_VERSION
  return typeof version === 'string' && version !== '' ? version : '开发版'
}
