/**
 * `npx tsx bench/profile.ts <route> [seconds]`: one route of the bench against a BFF started with
 * `node --cpu-prof` over a small seeded store (PostgreSQL when DATABASE_URL is set, else PGlite),
 * then the hottest functions and packages by self time. Routes: file, list, detail, cycle, and the
 * staff desk's: queues (GET /staff/queues) and the staff list sorted by due, whole (staff-due) or
 * filtered (staff-mine, staff-unassigned, staff-overdue, staff-today, staff-soon).
 * PROFILE_CASES sizes the store (20,000; 1,000,000 as the bench's large store); PROFILE_DB names a
 * PostgreSQL database to use instead of a fresh one: seeded if empty, kept afterwards (several
 * measurements over one 1 M store, minutes apart).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createSecretKey, randomUUID } from 'node:crypto';
import { createAccessTokens } from '../bff/src/auth/jwt';
import { createPiiCipher } from '../bff/src/security/pii-cipher';
import { createPgliteDb, createPostgresDb } from '../bff/src/store/db';
import { measure, type LoadSpec } from './load';
import { startNode } from './processes';
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
} from './seed';

const [route = 'detail', seconds = '10'] = process.argv.slice(2);
const JWT_SECRET = 'weiquan-bench-jwt-secret-0123456789abcdef-0123456789';
const PII_KEY = Buffer.alloc(32, 42);
const access = createAccessTokens(createSecretKey(Buffer.from(JWT_SECRET, 'utf8')));
const work = path.join(os.tmpdir(), `weiquan-profile-${process.pid}`);
const profDir = path.join(work, 'prof');
mkdirSync(profDir, { recursive: true });

const cases = Number(process.env.PROFILE_CASES) || 20_000;
// The bench's large store's proportions at 1 M cases (bench/run.ts), the small profile's below.
const plan =
  cases >= 1_000_000
    ? {
        cases,
        consumers: 100_000,
        merchants: 5_000,
        listConsumerCases: 50,
        cycleCases: 60_000,
        batch: 100_000,
      }
    : { cases, consumers: 2_000, merchants: 100, listConsumerCases: 50, cycleCases: 15_000, batch: 100_000 };
const baseUrl = process.env.DATABASE_URL;
const keptDb = process.env.PROFILE_DB;
const dbName = keptDb ?? `weiquan_profile_${process.pid}`;
let env: Record<string, string>;
if (baseUrl) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  env = { DATABASE_URL: url.toString(), DATA_DIR: work };
  const db = createPostgresDb(url.toString());
  const hasCases = async () =>
    (await db.query<{ t: boolean }>(`SELECT to_regclass('cases') IS NOT NULL AS t`))[0].t &&
    (await db.query('SELECT 1 FROM cases LIMIT 1')).length > 0;
  if (!exists || !(await hasCases()))
    await seedStore(db, createPiiCipher({ current: { id: 'k1', key: PII_KEY } }), plan);
  await db.close();
} else {
  env = { DATABASE_URL: '', DATA_DIR: work };
  const db = await createPgliteDb(path.join(work, 'pglite'));
  await seedStore(db, createPiiCipher({ current: { id: 'k1', key: PII_KEY } }), plan);
  await db.close();
}

const staff = `Bearer ${access.sign({ id: BENCH_STAFF_ID, role: 'staff' })}`;
const staffList = (qs: string) => (base: string) => ({
  name: route,
  url: `${base}/api/v1/cases?sort=due&open=true${qs}`,
  headers: { authorization: staff },
});
const consumer = (n: number) => `Bearer ${access.sign({ id: userId(n), role: 'consumer' })}`;
const json = { 'content-type': 'application/json' };
let k = 0;
let next = plan.listConsumerCases + 1;
const specs: Record<string, (base: string) => LoadSpec> = {
  healthz: (base) => ({ name: route, url: `${base}/healthz` }),
  meta: (base) => ({
    name: route,
    url: `${base}/api/v1/meta`,
    headers: { authorization: consumer(LIST_CONSUMER) },
  }),
  list: (base) => ({
    name: route,
    url: `${base}/api/v1/cases`,
    headers: { authorization: consumer(LIST_CONSUMER) },
  }),
  queues: (base) => ({ name: route, url: `${base}/api/v1/staff/queues`, headers: { authorization: staff } }),
  'staff-due': staffList(''),
  'staff-mine': staffList('&assignee=me'),
  'staff-unassigned': staffList('&assignee=none'),
  'staff-overdue': staffList('&due=overdue'),
  'staff-today': staffList('&due=today'),
  'staff-soon': staffList('&due=soon'),
  detail: (base) => ({
    name: route,
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/cases/${caseId(1 + (k++ % 50))}`,
          headers: { authorization: consumer(LIST_CONSUMER) },
        }),
      },
    ],
  }),
  file: (base) => {
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
    const tokens = Array.from({ length: FILERS }, (_, i) => consumer(FIRST_FILER + i));
    return {
      name: route,
      url: base,
      requests: [
        {
          method: 'POST',
          setupRequest: (r) => ({
            ...r,
            path: '/api/v1/cases',
            headers: { ...json, authorization: tokens[k++ % FILERS], 'idempotency-key': randomUUID() },
            body,
          }),
        },
      ],
    };
  },
  cycle: (base) => {
    const merchant = `Bearer ${access.sign({ id: userId(CYCLE_MERCHANT_USER), role: 'merchant', merchantId: merchantId(1) })}`;
    return {
      name: route,
      url: base,
      requests: [
        {
          method: 'POST',
          setupRequest: (r, c: { caseId?: string }) => (
            (c.caseId = caseId(next++)),
            {
              ...r,
              path: `/api/v1/cases/${c.caseId}/actions`,
              headers: { ...json, authorization: merchant },
              body: JSON.stringify({ type: 'propose', text: '同意退款', refundFen: 100 }),
            }
          ),
        },
        {
          method: 'POST',
          setupRequest: (r, c: { caseId?: string }) => ({
            ...r,
            path: `/api/v1/cases/${c.caseId}/actions`,
            headers: { ...json, authorization: consumer(CYCLE_CONSUMER) },
            body: JSON.stringify({ type: 'reject_proposal', reason: '不同意' }),
          }),
        },
      ],
    };
  },
};

// NO_PROFILE=1: the same load without the profiler, for before/after comparisons of req/s and CPU.
const profiler = process.env.NO_PROFILE ? [] : ['--cpu-prof', '--cpu-prof-dir', profDir];
const server = await startNode(
  [...profiler, '--import', 'tsx', 'bff/src/main.ts'],
  {
    ...process.env,
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET,
    PII_KEY: PII_KEY.toString('base64'),
    RATE_LIMIT: 'off',
    DEMO_SEED: 'off',
    NOTIFIER: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  },
  path.join(work, 'bff.log'),
);
try {
  const f = await measure(specs[route](server.base), server.pid, {
    connections: 50,
    duration: Number(seconds),
    warmup: 2,
  });
  console.log(
    `${route}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.non2xx}, BFF CPU ${f.cpuUs.toFixed(0)} us/req`,
  );
} finally {
  await server.stop();
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (file) {
  // Kept for a closer look (inclusive times, flame graphs in Chrome DevTools).
  if (process.env.KEEP_PROFILE) copyFileSync(path.join(profDir, file), process.env.KEEP_PROFILE);
  const prof = JSON.parse(readFileSync(path.join(profDir, file), 'utf8')) as { nodes: Node[] };
  const total = prof.nodes.reduce((s, n) => s + n.hitCount, 0);
  const by = (key: (n: Node) => string) => {
    const m = new Map<string, number>();
    for (const n of prof.nodes) m.set(key(n), (m.get(key(n)) ?? 0) + n.hitCount);
    return [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k2, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k2}`);
  };
  const pkg = (url: string) =>
    /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.includes('/work/') ? url.replace(/.*\/main\//, '') : url || '(native)');
  console.log(
    '\nby function (self):\n' +
      by(
        (n) =>
          `${n.callFrame.functionName || '(anonymous)'} ${pkg(n.callFrame.url)}:${n.callFrame.lineNumber}`,
      ).join('\n'),
  );
  console.log('\nby package or file (self):\n' + by((n) => pkg(n.callFrame.url)).join('\n'));
  // Who calls the hottest native functions (a native frame says little on its own).
  const parent = new Map<number, Node>();
  for (const n of prof.nodes as (Node & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n);
  for (const fn of ['writev', 'writeString', 'writeBuffer']) {
    const m = new Map<string, number>();
    for (const n of prof.nodes.filter((x) => x.callFrame.functionName === fn && x.hitCount)) {
      const chain: string[] = [];
      for (
        let p = parent.get(n.id);
        p && chain.length < (Number(process.env.CHAIN) || 6);
        p = parent.get(p.id)
      )
        chain.push(`${p.callFrame.functionName || '?'}@${pkg(p.callFrame.url)}`);
      m.set(chain.join(' < '), (m.get(chain.join(' < ')) ?? 0) + n.hitCount);
    }
    const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 4);
    if (top.length)
      console.log(
        `\n${fn} callers:\n` +
          top.map(([k2, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k2}`).join('\n'),
      );
  }
}
if (baseUrl && !keptDb) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
rmSync(work, { recursive: true, force: true });
