#!/usr/bin/env node
/**
 * `npm run soak` (not in CI): measures the BFF's capacity on a filing/reading mix, then holds half of
 * it for SOAK_SECONDS (default 600), reporting per window: requests, errors, non-2xx, p50/p99, and
 * the BFF's RSS and heap, then the drift from the first window to the last.
 * The store is PGlite in a temp DATA_DIR, or PostgreSQL when DATABASE_URL is set.
 *   SOAK_SECONDS=600 SOAK_WINDOW=30 SOAK_CONNECTIONS=20 npm run soak
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WINDOW = Number(process.env.SOAK_WINDOW ?? 30);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 20);
const MEASURE = Number(process.env.SOAK_MEASURE_SECONDS ?? 10);

const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-soak-'));
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    path.join(root, 'scripts/soak-probe.mjs'),
    path.join(root, 'bff/src/main.ts'),
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      RATE_LIMIT: 'off',
      NOTIFIER: 'off',
      DEMO_SEED: 'off',
      LOG_LEVEL: 'info',
      SOAK_PROBE_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let memory = null;
const port = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`the BFF exited with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    // every request is logged (as in production): only parse the lines we need
    if (!line.includes('soakMemory') && !line.includes('"port"')) return;
    try {
      const j = JSON.parse(line);
      if (j.soakMemory) memory = j.soakMemory;
      else if (typeof j.port === 'number') resolve(j.port);
    } catch {
      // not JSON
    }
  });
});
const base = `http://127.0.0.1:${port}`;
const stop = () => {
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('SIGINT', () => (stop(), process.exit(130)));

const login = await (
  await fetch(`${base}/api/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'dev:soak' }),
  })
).json();
const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
const filing = JSON.stringify({
  kind: 'complaint',
  merchant: { name: '某某电器店', address: '福建省厦门市湖里区仙岳路1号' },
  category: 'household_appliances',
  facts: '购买的电饭煲使用三天后无法加热，商家拒绝退货。',
  demand: { type: 'refund', amountFen: 39900 },
  purchase: { amountFen: 39900, occurredOn: '2026-01-05', channel: 'offline' },
  complainant: { name: '张三', phone: '13812348000', address: '福建省厦门市思明区莲前东路100号' },
  attachments: [],
  shareContactWithMerchant: false,
});
const first = await (
  await fetch(`${base}/api/v1/cases`, {
    method: 'POST',
    headers: { ...auth, 'idempotency-key': randomUUID() },
    body: filing,
  })
).json();
// The access token lives 15 minutes: refresh it before each window.
let refreshToken = login.refreshToken;
async function refresh() {
  const r = await (
    await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    })
  ).json();
  refreshToken = r.refreshToken;
  auth.authorization = `Bearer ${r.accessToken}`;
}

// The mix: one filing, two case reads, one list (a consumer's day, compressed).
const requests = () => [
  {
    method: 'POST',
    path: '/api/v1/cases',
    headers: auth,
    body: filing,
    setupRequest: (req) => ({ ...req, headers: { ...auth, 'idempotency-key': randomUUID() } }),
  },
  { method: 'GET', path: `/api/v1/cases/${first.id}`, headers: auth },
  { method: 'GET', path: `/api/v1/cases/${first.id}`, headers: auth },
  { method: 'GET', path: '/api/v1/cases?limit=20', headers: auth },
];
const run = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ url: base, connections: CONNECTIONS, requests: requests(), ...opts }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );

console.log(
  `soak: BFF on ${base} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}), measuring capacity for ${MEASURE} s with ${CONNECTIONS} connections...`,
);
const measured = await run({ duration: MEASURE });
const capacity = Math.round(measured.requests.average);
const rate = Math.max(1, Math.floor(capacity / 2));
console.log(
  `capacity ~${capacity} req/s (p99 ${measured.latency.p99} ms); soaking at ${rate} req/s for ${SECONDS} s in ${WINDOW}-s windows\n`,
);
const mb = (b) => (b / 1048576).toFixed(1);
console.log('window  t(s)  req/s  errors  non2xx  p50ms  p99ms  rssMB  heapMB');
const rows = [];
for (let t = 0; t < SECONDS; t += WINDOW) {
  await refresh();
  const r = await run({ duration: Math.min(WINDOW, SECONDS - t), overallRate: rate });
  const row = {
    t: t + WINDOW,
    rps: Math.round(r.requests.average),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rss: memory?.rss ?? 0,
    heap: memory?.heapUsed ?? 0,
  };
  rows.push(row);
  console.log(
    `${String(rows.length).padStart(6)}  ${String(row.t).padStart(4)}  ${String(row.rps).padStart(5)}  ${String(row.errors).padStart(6)}  ${String(row.non2xx).padStart(6)}  ${String(row.p50).padStart(5)}  ${String(row.p99).padStart(5)}  ${mb(row.rss).padStart(5)}  ${mb(row.heap).padStart(6)}`,
  );
}
const a = rows[0];
const z = rows[rows.length - 1];
const half = rows.slice(Math.floor(rows.length / 2));
console.log(
  `\nRSS drift ${mb(z.rss - a.rss)} MB (${mb(a.rss)} -> ${mb(z.rss)}), heap drift ${mb(z.heap - a.heap)} MB (${mb(a.heap)} -> ${mb(z.heap)})`,
);
console.log(
  `errors ${rows.reduce((n, r) => n + r.errors, 0)}, non-2xx ${rows.reduce((n, r) => n + r.non2xx, 0)}, p99 first window ${a.p99} ms, worst ${Math.max(...rows.map((r) => r.p99))} ms, second-half median ${half.map((r) => r.p99).sort((x, y) => x - y)[Math.floor(half.length / 2)]} ms`,
);
stop();
const failed = rows.some((r) => r.errors > 0 || r.non2xx > 0);
process.exit(failed ? 1 : 0);
