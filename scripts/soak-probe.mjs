// Loaded into the BFF by `npm run soak` (node --import): prints its memory every few seconds as a JSON line.
const every = Number(process.env.SOAK_PROBE_MS ?? 5000);
setInterval(() => {
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ soakMemory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }, t: Date.now() })}\n`,
  );
}, every).unref();
