// Stands in for polyfills of what every browser the H5 app supports already has (package.json's
// browserslist: fully supports ES modules, so fetch and AbortController are there).
export {}
