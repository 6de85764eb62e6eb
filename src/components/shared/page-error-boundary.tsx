// Last line of defence: if a page's content throws while rendering (bad data, a bug), show a plain
// message with a way on instead of a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ErrorState } from './error-state'
import { openPage } from '../../services/navigation'
import { routes } from '../../routes'

interface Props {
  children?: ReactNode
}

interface State {
  failed: boolean
}

export class PageErrorBoundary extends Component<Props, State> {
  state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // kept for the developer console; nothing is sent anywhere
    console.error('页面显示出错', error, info.componentStack)
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <ErrorState
        title="这一页暂时无法显示"
        message="页面内容出了问题。您可以回到首页，或在“我的”里清除缓存后再试；也可以拨打12345咨询。"
        actionLabel="回到首页"
        onAction={() => openPage(routes.home())}
      />
    )
  }
}
