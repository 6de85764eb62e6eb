// The one module of @nutui/icons-react-taro that src/services/weapp-icons.ts needs, imported by
// its own path: the package's index re-exports every icon and is marked as having side effects,
// so importing `configure` from it put every icon NutUI uses into the H5 entry script.
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export { configure } from '@nutui/icons-react-taro'
}
