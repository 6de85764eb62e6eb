// first: zod's settings must be in place before any module builds a schema
import './zod-config'
import './services/weapp-icons'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startContentSync } from './hooks/use-content'
import { getElderState } from './services/elder-store'
import { installOfflineShell } from './services/offline-shell'
import { installChunkErrorNotice } from './h5/chunk-error'
import { installTabBarFix } from './h5/tab-bar'
import { installOldLinks } from './services/old-links'
import { watchForUpdate } from './services/app-update'
import './app.scss'

// before the first navigation can fail
installChunkErrorNotice()
installTabBarFix()
// an old /packages/… link: rewritten before the router reads the address (H5), or redirected (weapp)
installOldLinks()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // read 长辈版 (and, on first launch, WeChat's font size) before the first page paints
    getElderState()
    // pages render the cached or bundled content at once; this checks the server once per launch
    startContentSync()
    installOfflineShell()
    watchForUpdate()
  })
  return children
}

export default App
