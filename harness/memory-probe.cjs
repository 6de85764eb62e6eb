// Preloaded into a soak server (node --expose-gc --require …): on SIGUSR2, collect garbage and print
// the process's memory on stderr, so the soak can compare start and end from outside.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc()
  process.stderr.write(`MEMORY ${JSON.stringify(process.memoryUsage())}\n`)
})
