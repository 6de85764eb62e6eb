// Kept so tests written against this path still work; the harness lives in harness/server.ts, shared with bench/.
export * from '../../harness/server'
