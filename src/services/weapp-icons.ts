// NutUI's icons render an <i> element. The weapp build has WXML templates only for Taro's own
// components (there is no @tarojs/plugin-html to map HTML tags), so on a phone an <i> renders
// nothing: the search bar's magnifier, the inputs' clear button and the checkbox's box were
// invisible (found by the weapp harness, test/weapp/pages.test.ts). On weapp they render as a view,
// with the same classes and mask style. Imported first by app.ts, before any icon renders.
// By its own path, not the package index: see types/nutui-icons-configure.d.ts.
import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure.js'

if (process.env.TARO_ENV === 'weapp') configure({ tag: 'view' })
