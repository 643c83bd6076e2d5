/**
 * `npm run bench` (add `-- --quick` for the 3-second smoke version, `-- --no-build` to measure the
 * miniapp's dist as it is). A benchmark, not a test: it reports the targets, it never fails on them.
 *
 * One run, one machine: a bare Express 5 server and the Weiquan BFF, each in its own process, loaded
 * by autocannon from this one; on PGlite, and on PostgreSQL too when DATABASE_URL is set (the bench
 * creates its own databases beside the one named, and drops them after).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID, createSecretKey } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAccessTokens } from '../bff/src/auth/jwt';
import { createPiiCipher } from '../bff/src/security/pii-cipher';
import { createPgliteDb, createPostgresDb, type Db } from '../bff/src/store/db';
import {
  buildMiniapp,
  consoleFirstLoadGzipBytes,
  h5FirstLoadJsGzipBytes,
  weappMainPackageBytes,
} from './client-size';
import { measure, type Figure, type LoadOptions, type LoadSpec } from './load';
import { ROOT, startBare, startBff, type Server } from './processes';
import {
  BENCH_STAFF_ID,
  CYCLE_CONSUMER,
  CYCLE_MERCHANT_USER,
  FILERS,
  FIRST_FILER,
  LIST_CONSUMER,
  caseId,
  merchantId,
  seedStore,
  userId,
  type SeedPlan,
} from './seed';
import { timeToReady } from './startup';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const NO_BUILD = argv.includes('--no-build') || QUICK;

const LOAD: LoadOptions = QUICK
  ? { connections: 50, duration: 3, warmup: 1 }
  : { connections: 50, duration: 10, warmup: 3 };
const SMALL: SeedPlan = {
  cases: 1_000,
  consumers: 300,
  merchants: 50,
  listConsumerCases: 50,
  cycleCases: 100,
  batch: 100_000,
};
const LARGE: SeedPlan = QUICK
  ? {
      cases: 20_000,
      consumers: 2_000,
      merchants: 100,
      listConsumerCases: 50,
      cycleCases: 10_000,
      batch: 100_000,
    }
  : {
      cases: 1_000_000,
      consumers: 100_000,
      merchants: 5_000,
      listConsumerCases: 50,
      cycleCases: 60_000,
      batch: 100_000,
    };

const JWT_SECRET = 'weiquan-bench-jwt-secret-0123456789abcdef-0123456789';
const PII_KEY = Buffer.alloc(32, 42);
const cipher = createPiiCipher({ current: { id: 'k1', key: PII_KEY } });
const access = createAccessTokens(createSecretKey(Buffer.from(JWT_SECRET, 'utf8')));

const WORK = path.join(os.tmpdir(), `weiquan-bench-${process.pid}`);
mkdirSync(WORK, { recursive: true });

const out = (line = '') => console.log(line);
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MB`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number | undefined) => (b ? (a / b).toFixed(2) : 'n/a');

function line(label: string, f: Figure, ref?: { label: string; rps: number }, extra = '') {
  const bad = f.non2xx || f.errors ? `  (non-2xx ${f.non2xx}, errors ${f.errors} of ${f.requests})` : '';
  out(
    `${label.padEnd(34)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(f.p50).padStart(7)}  p99 ${ms(f.p99).padStart(7)}  RSS ${mb(f.rss).padStart(6)}  CPU ${f.cpuUs.toFixed(0).padStart(4)} us/req` +
      (ref ? `  x${ratio(f.rps, ref.rps)} of ${ref.label}` : '') +
      extra +
      bad,
  );
}

// -- stores -------------------------------------------------------------------------------------

interface Store {
  engine: 'postgres' | 'pglite';
  env: Record<string, string>;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

async function postgresStore(baseUrl: string, name: string): Promise<Store> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url.toString(), DATA_DIR: path.join(WORK, name) },
    open: async () => createPostgresDb(url.toString()),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function pgliteStore(name: string): Store {
  const dataDir = path.join(WORK, name);
  return {
    engine: 'pglite',
    env: { DATABASE_URL: '', DATA_DIR: dataDir },
    open: () => (mkdirSync(dataDir, { recursive: true }), createPgliteDb(path.join(dataDir, 'pglite'))),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function seed(store: Store, plan: SeedPlan): Promise<{ ms: number; settledMs: number }> {
  const db = await store.open();
  try {
    return await seedStore(db, cipher, plan);
  } finally {
    await db.close();
  }
}

function bffEnv(store: Store): Record<string, string> {
  return {
    ...store.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    JWT_SECRET,
    PII_KEY: PII_KEY.toString('base64'),
    RATE_LIMIT: 'off',
    DEMO_SEED: 'off',
    NOTIFIER: 'off',
    LOG_LEVEL: 'info',
    WECHAT_APPID: '',
    WECHAT_SECRET: '',
  };
}

// -- loads --------------------------------------------------------------------------------------

const bearer = (id: string, role: 'consumer' | 'merchant' = 'consumer') =>
  `Bearer ${access.sign(role === 'merchant' ? { id, role, merchantId: merchantId(1) } : { id, role })}`;

const staffBearer = `Bearer ${access.sign({ id: BENCH_STAFF_ID, role: 'staff' })}`;

function listSpec(base: string): LoadSpec {
  return {
    name: 'GET /cases',
    url: `${base}/api/v1/cases`,
    headers: { authorization: bearer(userId(LIST_CONSUMER)) },
  };
}

/** Staff: the whole store's list, soonest deadline first (the desk's default view of work). */
function staffDueListSpec(base: string): LoadSpec {
  return {
    name: 'GET /cases?sort=due (staff)',
    url: `${base}/api/v1/cases?sort=due&open=true`,
    headers: { authorization: staffBearer },
  };
}

/** Staff: the eight queue counts (one statement over the queues' partial indexes). */
function queuesSpec(base: string): LoadSpec {
  return {
    name: 'GET /staff/queues',
    url: `${base}/api/v1/staff/queues`,
    headers: { authorization: staffBearer },
  };
}

function detailSpec(base: string, plan: SeedPlan): LoadSpec {
  const auth = bearer(userId(LIST_CONSUMER));
  let k = 0;
  return {
    name: 'GET /cases/:id',
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/cases/${caseId(1 + (k++ % plan.listConsumerCases))}`,
          headers: { authorization: auth },
        }),
      },
    ],
  };
}

function fileSpec(base: string): LoadSpec {
  const tokens = Array.from({ length: FILERS }, (_, i) => bearer(userId(FIRST_FILER + i)));
  let k = 0;
  const body = JSON.stringify({
    kind: 'complaint',
    merchant: { id: merchantId(2) },
    category: 'household_appliances',
    facts: '购买的电饭煲使用三天后无法加热，商家拒绝退货。',
    demand: { type: 'refund', amountFen: 39900 },
    purchase: { amountFen: 39900, occurredOn: '2025-11-01', channel: 'offline' },
    complainant: { name: '张三', phone: '13812348000', address: '福建省厦门市思明区莲前东路100号' },
    attachments: [],
    shareContactWithMerchant: false,
  });
  return {
    name: 'POST /cases',
    url: base,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: '/api/v1/cases',
          headers: {
            authorization: tokens[k++ % FILERS],
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body,
        }),
      },
    ],
  };
}

/** Each connection: the merchant proposes on the next waiting ODR case, then its consumer rejects it. */
function cycleSpec(base: string, plan: SeedPlan): LoadSpec {
  const merchant = bearer(userId(CYCLE_MERCHANT_USER), 'merchant');
  const consumer = bearer(userId(CYCLE_CONSUMER));
  let next = plan.listConsumerCases + 1;
  const last = plan.listConsumerCases + plan.cycleCases;
  const propose = JSON.stringify({ type: 'propose', text: '同意全额退款，请寄回商品。', refundFen: 39900 });
  const reject = JSON.stringify({ type: 'reject_proposal', reason: '商品问题未解决，要求更换。' });
  return {
    name: 'propose/reject cycle',
    url: base,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          // Past the last waiting case, requests fail (409) and show up as non-2xx: seed more.
          (context as { caseId?: string }).caseId = caseId(Math.min(next++, last));
          return {
            ...req,
            path: `/api/v1/cases/${(context as { caseId?: string }).caseId}/actions`,
            headers: { authorization: merchant, 'content-type': 'application/json' },
            body: propose,
          };
        },
      },
      {
        method: 'POST',
        setupRequest: (req, context) => ({
          ...req,
          path: `/api/v1/cases/${(context as { caseId?: string }).caseId}/actions`,
          headers: { authorization: consumer, 'content-type': 'application/json' },
          body: reject,
        }),
      },
    ],
  };
}

/** Checks one answer before loading, so that a broken route does not pass for a fast one. */
async function probe(spec: LoadSpec, base: string) {
  const r0 = spec.requests?.[0];
  const req =
    typeof r0?.setupRequest === 'function'
      ? (r0.setupRequest({ method: r0.method ?? 'GET', path: '/', headers: {} } as never, {}) as {
          method: string;
          path: string;
          headers: Record<string, string>;
          body?: string;
        })
      : null;
  const res = req
    ? await fetch(`${base}${req.path}`, { method: req.method, headers: req.headers, body: req.body })
    : await fetch(spec.url, { headers: spec.headers });
  if (!res.ok) throw new Error(`${spec.name}: probe answered ${res.status} ${await res.text()}`);
}

async function withBff<T>(store: Store, label: string, fn: (s: Server) => Promise<T>): Promise<T> {
  const s = await startBff(bffEnv(store), path.join(WORK, `bff-${label}.log`));
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

// -- the run ------------------------------------------------------------------------------------

interface EngineFigures {
  seedMs: number;
  small: Record<string, Figure>;
  large: Record<string, Figure>;
}

async function runEngine(
  makeStore: (size: 'small' | 'large') => Promise<Store>,
  bare: Figure,
  engine: string,
): Promise<EngineFigures> {
  const ref = { label: 'bare Express', rps: bare.rps };
  const small: Record<string, Figure> = {};
  const large: Record<string, Figure> = {};
  out(`\n== ${engine}`);

  const smallStore = await makeStore('small');
  try {
    await seed(smallStore, SMALL);
    await withBff(smallStore, `${engine}-small`, async (s) => {
      for (const spec of [
        listSpec(s.base),
        detailSpec(s.base, SMALL),
        staffDueListSpec(s.base),
        queuesSpec(s.base),
      ]) {
        await probe(spec, s.base);
        small[spec.name] = await measure(spec, s.pid, LOAD);
        line(`${spec.name} @ ${SMALL.cases.toLocaleString('en')} cases`, small[spec.name], ref);
      }
    });
  } finally {
    await smallStore.drop();
  }

  const largeStore = await makeStore('large');
  try {
    const t0 = performance.now();
    process.stdout.write(
      `seeding ${LARGE.cases.toLocaleString('en')} cases, ${LARGE.consumers.toLocaleString('en')} consumers, ${LARGE.merchants.toLocaleString('en')} merchants... `,
    );
    const seeded = await seed(largeStore, LARGE);
    const seedMs = seeded.ms;
    out(
      `${(seedMs / 1000).toFixed(1)} s in SQL; then VACUUM ANALYZE and CHECKPOINT ${(seeded.settledMs / 1000).toFixed(1)} s (open, migrate, seed, settle: ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    await withBff(largeStore, `${engine}-large`, async (s) => {
      // Reads first, as on the small store: the writes leave dirty pages and WAL behind them.
      const specs = [
        listSpec(s.base),
        detailSpec(s.base, LARGE),
        staffDueListSpec(s.base),
        queuesSpec(s.base),
        fileSpec(s.base),
        cycleSpec(s.base, LARGE),
      ];
      for (const spec of specs) {
        if (spec.name !== 'propose/reject cycle') await probe(spec, s.base);
        large[spec.name] = await measure(spec, s.pid, LOAD);
        const scale = small[spec.name]
          ? `  p99 x${ratio(large[spec.name].p99, small[spec.name].p99)} of ${SMALL.cases.toLocaleString('en')} cases`
          : '';
        line(`${spec.name} @ ${LARGE.cases.toLocaleString('en')} cases`, large[spec.name], ref, scale);
      }
    });
    return { seedMs, small, large };
  } finally {
    await largeStore.drop();
  }
}

async function main() {
  const machine = `${new Date().toISOString()}  ${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${os.platform()} ${os.release()}`;
  out(`Weiquan bench${QUICK ? ' (quick)' : ''}: ${machine}`);
  // Other work on the machine skews every figure; the ratios to bare Express in this run less so.
  out(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  out(
    `autocannon ${LOAD.connections} connections, ${LOAD.duration} s after ${LOAD.warmup} s warm-up; BFF with LOG_LEVEL=info to a file, RATE_LIMIT=off`,
  );

  const bareServer = await startBare(path.join(WORK, 'bare.log'));
  let bare: Figure;
  try {
    bare = await measure({ name: 'bare Express GET', url: `${bareServer.base}/` }, bareServer.pid, LOAD);
  } finally {
    await bareServer.stop();
  }
  line('bare Express 5 GET {ok:true}', bare);

  const results: Record<string, EngineFigures> = {};
  const dbUrl = process.env.DATABASE_URL;
  if (dbUrl) {
    const pgVersion = await (async () => {
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      const [{ server_version }] = (await c.query('SHOW server_version')).rows;
      await c.end();
      return server_version as string;
    })();
    out(`\nPostgreSQL ${pgVersion} at ${new URL(dbUrl).host}`);
    results.postgres = await runEngine(
      (size) => postgresStore(dbUrl, `weiquan_bench_${size}_${process.pid}`),
      bare,
      'PostgreSQL',
    );
  } else {
    out('\n(DATABASE_URL unset: PostgreSQL figures skipped)');
  }
  results.pglite = await runEngine(async (size) => pgliteStore(`pglite-${size}`), bare, 'PGlite');

  out('\n== Targets (reported, never asserted)');
  const pgF = results.postgres?.large;
  const check = (label: string, ok: boolean | null, detail: string) =>
    out(`${ok === null ? 'n/a ' : ok ? 'met ' : 'MISS'}  ${label.padEnd(46)} ${detail}`);
  const vsBare = (route: string, min: number, p99Max?: number) => {
    const f = pgF?.[route];
    if (!f) return check(`${route} >= ${min} of bare (PostgreSQL)`, null, 'no PostgreSQL run');
    const r = f.rps / bare.rps;
    check(
      `${route} >= ${min} of bare${p99Max ? `, p99 < ${p99Max} ms` : ''} (PostgreSQL)`,
      r >= min && (!p99Max || f.p99 < p99Max),
      `x${r.toFixed(2)}, p99 ${ms(f.p99)}`,
    );
  };
  vsBare('POST /cases', 0.3, 50);
  vsBare('GET /cases', 0.35);
  vsBare('GET /cases/:id', 0.4);
  for (const route of ['POST /cases', 'GET /cases', 'GET /cases/:id', 'propose/reject cycle']) {
    const a = results.pglite.large[route];
    const b = pgF?.[route];
    check(
      `PGlite ${route} >= 0.30 of PostgreSQL`,
      b ? a.rps / b.rps >= 0.3 : null,
      b ? `x${(a.rps / b.rps).toFixed(2)}` : '',
    );
  }
  for (const [engine, r] of Object.entries(results)) {
    for (const route of ['GET /cases', 'GET /cases/:id']) {
      const grow = r.large[route].p99 / r.small[route].p99;
      check(
        `${engine} ${route} p99 @${LARGE.cases.toLocaleString('en')} within 20% of @${SMALL.cases.toLocaleString('en')}`,
        grow <= 1.2,
        `${ms(r.small[route].p99)} -> ${ms(r.large[route].p99)} (x${grow.toFixed(2)})`,
      );
    }
  }

  out('\n== Client and start-up');
  if (!NO_BUILD) {
    for (const script of ['build:weapp', 'build:h5'] as const) {
      const b = buildMiniapp(script);
      out(`${script.padEnd(12)} ${'ms' in b ? `${(b.ms / 1000).toFixed(1)} s` : b.skipped}`);
    }
    const t0 = performance.now();
    const built = spawnSync('npm', ['run', 'build:console'], { cwd: ROOT, stdio: 'ignore' });
    out(
      `build:console ${built.status === 0 ? `${((performance.now() - t0) / 1000).toFixed(1)} s` : `failed (exit ${built.status})`}`,
    );
  }
  const weapp = weappMainPackageBytes();
  check(
    'weapp main package < 600 KB',
    weapp === null ? null : weapp < 600 * 1024,
    weapp === null ? 'n/a (no miniapp/dist/weapp)' : kb(weapp),
  );
  const h5 = h5FirstLoadJsGzipBytes();
  check(
    'H5 first-load JavaScript < 200 KB gzip',
    h5 === null ? null : h5.bytes < 200 * 1024,
    h5 === null ? 'n/a (no miniapp/dist/h5)' : `${kb(h5.bytes)} in ${h5.files} files`,
  );
  const desk = consoleFirstLoadGzipBytes();
  check(
    'console first load (login + 工作台) < 500 KB gzip',
    desk === null ? null : desk.workbench < 500 * 1024,
    desk === null
      ? 'n/a (no console/dist)'
      : `${kb(desk.workbench)} in ${desk.files} files (login alone ${kb(desk.login)})`,
  );
  const startDir = path.join(WORK, 'startup');
  const cold = await timeToReady(startDir, path.join(WORK, 'start-1.log'));
  const warm = await timeToReady(startDir, path.join(WORK, 'start-2.log'));
  out(
    `npm start -> /readyz 200 (PGlite)       first start ${ms(cold)} (creates, migrates, seeds demo), restart ${ms(warm)}`,
  );
  out(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

try {
  await main();
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
