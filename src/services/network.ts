// Whether the phone knows it has no network, and when it gets one back. Known-offline launches skip
// the content check altogether (no request doomed to fail, the 离线 status at once), and the check
// runs as soon as the network returns. H5 asks the browser (navigator.onLine and its online event —
// Taro's H5 getNetworkType does not report "none"); WeChat asks wx.getNetworkType.
import Taro from '@tarojs/taro'

export interface NetworkWatch {
  /** true only when the platform says there is no network; unknown counts as online */
  isOffline(): Promise<boolean>
  /** call `listener` whenever the network comes back; returns the unsubscribe */
  onReconnect(listener: () => void): () => void
}

interface BrowserGlobals {
  navigator?: { onLine?: boolean }
  addEventListener?: (type: 'online', listener: () => void) => void
  removeEventListener?: (type: 'online', listener: () => void) => void
}

function browserNetwork(): NetworkWatch {
  const g = globalThis as unknown as BrowserGlobals
  return {
    isOffline: async () => g.navigator?.onLine === false,
    onReconnect(listener) {
      g.addEventListener?.('online', listener)
      return () => g.removeEventListener?.('online', listener)
    },
  }
}

function weappNetwork(): NetworkWatch {
  return {
    async isOffline() {
      try {
        return (await Taro.getNetworkType()).networkType === 'none'
      } catch {
        return false
      }
    },
    onReconnect(listener) {
      const onChange = (result: { isConnected: boolean }) => {
        if (result.isConnected) listener()
      }
      Taro.onNetworkStatusChange(onChange)
      return () => Taro.offNetworkStatusChange(onChange)
    },
  }
}

export function platformNetwork(): NetworkWatch {
  return process.env.TARO_ENV === 'weapp' ? weappNetwork() : browserNetwork()
}
