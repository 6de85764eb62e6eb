// zod set up for the app, imported first by app.ts so it runs before any schema is built.
//
// jitless: zod probes whether it may compile its object parsers with `new Function("")` the first
// time a z.object is built. Under the server's CSP (script-src without 'unsafe-eval') that probe is
// refused, and although zod catches the error, the browser reports a `securitypolicyviolation` on
// every page load (and the mini-program forbids eval altogether). jitless skips the probe and parses
// with the interpreter: the app only parses the content pack and a few small records, so the
// compiled fast path buys nothing here. The server (which does not import this file) keeps the JIT.
import { config } from 'zod/mini'

config({ jitless: true })
