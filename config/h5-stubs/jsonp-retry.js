// Stands in for jsonp-retry, which Taro's H5 request bundles for its `jsonp` option. The app never
// asks for JSONP (its API is same-origin JSON with CORS), so a request that did should fail loudly.
export default function jsonpRetry() {
  return Promise.reject(new Error('JSONP is not supported by this app'))
}
