// Online channels named in the service guides, with their web addresses, so a resident reading the
// H5 app can open them with one tap (on weapp a mini-program cannot open outside web pages: the name
// stays plain text there). The addresses are the Jiangxi provincial government's own portals:
// 江西政务服务网 (www.jxzwfww.gov.cn) and 赣服通's web entrance (ganfutong.jiangxi.gov.cn). This
// machine cannot open them; the hosts are corroborated by public code that uses them (the portal's
// sign-on at login.jxzwfww.gov.cn and 景德镇's branch at jdz.jxzwfww.gov.cn; 赣服通's gateway and
// H5 services under ganfutong.jiangxi.gov.cn), not by an official page. An editor with internet
// access should confirm both when the service guides are next reviewed.
export const ONLINE_CHANNEL_URL: Readonly<Record<string, string>> = {
  江西政务服务网: 'https://www.jxzwfww.gov.cn/',
  赣服通: 'https://ganfutong.jiangxi.gov.cn/',
}

/** The channel's web address on H5; null on weapp or for a channel without one. */
export function onlineChannelUrl(name: string): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  return ONLINE_CHANNEL_URL[name] ?? null
}

/** Open it in a new tab, leaving the app where it was. */
export function openOnlineChannel(url: string): void {
  if (typeof window !== 'undefined') window.open(url, '_blank', 'noopener,noreferrer')
}
