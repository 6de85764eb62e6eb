// Kept so tests written against this path still work; the harness lives in harness/processes.ts, shared with bench/.
export * from '../../harness/processes'
