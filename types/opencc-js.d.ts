// opencc-js declares types only for its package root; its t2cn entry (traditional → simplified only,
// a tenth of the full dictionary) has the same API.
declare module 'opencc-js/t2cn' {
  export { Converter } from 'opencc-js'
}
