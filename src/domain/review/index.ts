export * from './apply'
export * from './diff'
export * from './draft'
export * from './warnings'
