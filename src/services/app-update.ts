// New versions on weapp: WeChat downloads them in the background and uses them from the next cold
// launch. When one is ready during this launch, ask whether to restart into it now; either way the
// person gets it no later than the next time they open the app.
import Taro from '@tarojs/taro'

export function watchForUpdate(): void {
  // a constant condition webpack removes whole on H5, with the modal API it would otherwise bundle
  if (process.env.TARO_ENV === 'weapp') watchWeappUpdate()
}

function watchWeappUpdate(): void {
  try {
    const manager = Taro.getUpdateManager()
    manager.onUpdateReady(() => {
      Taro.showModal({
        title: '发现新版本',
        content: '新版本已经准备好。现在重启就能使用；不重启的话，下次打开时会自动使用新版本。',
        confirmText: '马上重启',
        cancelText: '下次再说',
      })
        .then((res) => {
          if (res.confirm) manager.applyUpdate()
        })
        .catch(() => undefined)
    })
  } catch {
    /* an old base library without the update manager: the new version still arrives on a later launch */
  }
}
