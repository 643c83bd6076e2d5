/**
 * The scale-out proof: two BFFs and two workers on one PostgreSQL database behind a round-robin
 * proxy, under a filing and reading load, with WeChat faked by a real HTTP server. One BFF is
 * SIGKILLed and the other SIGTERMed mid-load (a third takes over), and one worker is SIGTERMed.
 * Then: nothing acknowledged is lost, no case is doubled, every push the load caused reached WeChat
 * exactly once, every upload reads back byte for byte through any BFF, and the filing limit holds
 * in total across the BFFs. Runs where PostgreSQL does (DATABASE_URL; CI always).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { complaintBody, PNG_1X1 } from '../support/factories';
import { startBffProcess, startWorkerProcess, type BffProcess } from '../support/bff-process';
import { send, startProxy } from '../support/round-robin-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { TEMPLATES } from '../notify/notify-world';
import { pushKey, startPushWorld, type PushWorld } from './push-world';

const FILINGS_PER_DAY = 4;
const CONSUMERS = 6;

describe(
  'two BFFs and two workers on one PostgreSQL, one BFF killed and one stopped mid-load',
  { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL' },
  () => {
    let database: TestDatabase;
    let world: PushWorld;
    const processes: BffProcess[] = [];
    let env: Record<string, string>;
    const bff = async () => {
      const p = await startBffProcess(
        { ...env, DATA_DIR: await mkdtemp(path.join(tmpdir(), 'weiquan-mi-')) },
        60_000,
      );
      processes.push(p);
      return p;
    };
    const worker = async () => {
      const p = await startWorkerProcess(
        { ...env, DATA_DIR: await mkdtemp(path.join(tmpdir(), 'weiquan-mi-')) },
        60_000,
      );
      processes.push(p);
      return p;
    };
    before(async () => {
      database = await createTestDatabase('postgres');
      await database.db.close();
      world = await startPushWorld();
      env = {
        ...world.env,
        DATABASE_URL: database.url!,
        JWT_SECRET: randomBytes(32).toString('hex'),
        PII_KEY: randomBytes(32).toString('base64'),
        RATE_LIMIT: 'on',
        RATE_LIMIT_FILINGS_PER_DAY: String(FILINGS_PER_DAY),
        RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE: '100000',
        RATE_LIMIT_UPLOADS_PER_DAY: '100000',
        RATE_LIMIT_ACTIONS_PER_MINUTE: '100000',
        NOTIFIER: 'off',
      };
    });
    after(async () => {
      await Promise.all(processes.map((p) => p.kill('SIGKILL')));
      await database.drop();
      await world?.close();
    });

    test('when one BFF is killed and one stopped mid-load, then nothing acknowledged is lost, no case or push doubles, uploads read back through any BFF, and the filing limit holds in total', async (t) => {
      const [a, b, w1] = await Promise.all([bff(), bff(), worker(), worker()]);
      const backends = [new URL(a.baseUrl), new URL(b.baseUrl)];
      const proxy = await startProxy(backends);
      t.after(() => proxy.server.close());
      const api = `${proxy.url}/api/v1`;
      const acknowledged: { caseId: string; key: string; user: string }[] = [];
      const uploads: { id: string; bytes: Buffer; token: string }[] = [];
      /** every push the load must cause, by pushKey: each new case to the shop, each proposal to its consumer */
      const expectedPushes = new Set<string>();
      let rejected = 0;
      // Before the faults: a bound shop with a grant for every case it can receive.
      const shop = await world.boundShop(api, CONSUMERS * FILINGS_PER_DAY);

      const consumer = async (n: number) => {
        const { openid, token, userId } = await world.consumer(api, `oMulti${n}`, FILINGS_PER_DAY);
        const auth = { authorization: `Bearer ${token}` };
        const bytes = Buffer.concat([PNG_1X1, randomBytes(64 * 1024)]);
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'p.png');
        const up = await send(`${api}/uploads`, { method: 'POST', headers: auth, body: form });
        assert.equal(up.status, 201);
        const upload = (await up.json()) as { id: string };
        uploads.push({ id: upload.id, bytes, token });
        for (let i = 0; ; i++) {
          const key = randomUUID();
          const filing = complaintBody({
            merchant: { id: shop.merchantId },
            attachments: i === 0 ? [upload.id] : [],
          });
          const res = await send(`${api}/cases`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify(filing),
          });
          if (res.status === 429) {
            rejected++;
            return;
          }
          const answer = await res.text();
          assert.equal(res.status, 201, answer);
          const filed = JSON.parse(answer) as { id: string };
          acknowledged.push({ caseId: filed.id, key, user: userId });
          expectedPushes.add(pushKey(shop.openid, TEMPLATES.merchantNewCase, filed.id));
          // The shop answers at once: its proposal is pushed to the consumer.
          await shop.propose(filed.id);
          expectedPushes.add(pushKey(openid, TEMPLATES.caseUpdate, filed.id));
          // Reads in between, through whichever BFF the proxy picks.
          assert.equal((await send(`${api}/cases/${filed.id}`, { headers: auth })).status, 200);
          assert.equal((await send(`${api}/cases`, { headers: auth })).status, 200);
          const read = await send(`${api}/uploads/${upload.id}`, { headers: auth });
          assert.equal(read.status, 200);
          assert.ok(Buffer.compare(Buffer.from(await read.arrayBuffer()), bytes) === 0);
        }
      };

      const load = Promise.all(Array.from({ length: CONSUMERS }, (_, n) => consumer(n)));
      // Mid-load: kill A outright, bring C in, stop B and a worker gracefully.
      while (acknowledged.length < CONSUMERS) await new Promise((r) => setTimeout(r, 20));
      await a.kill('SIGKILL');
      backends.splice(backends.indexOf(backends.find((u) => u.href === new URL(a.baseUrl).href)!), 1);
      const c = await bff();
      backends.push(new URL(c.baseUrl));
      const bExit = new Promise<number | null>((r) => b.child.once('exit', (code) => r(code)));
      b.child.kill('SIGTERM');
      const w1Exit = new Promise<number | null>((r) => w1.child.once('exit', (code) => r(code)));
      w1.child.kill('SIGTERM');
      assert.equal(await bExit, 0, 'the stopped BFF exits 0');
      assert.equal(await w1Exit, 0, 'the stopped worker exits 0');
      backends.splice(backends.indexOf(backends.find((u) => u.href === new URL(b.baseUrl).href)!), 1);
      await load;

      // Nothing acknowledged lost, no case doubled, the limit held in total across the BFFs.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows: cases } = await client.query<{ id: string; consumer_id: string }>(
          'SELECT id, consumer_id FROM cases',
        );
        const ids = new Set(cases.map((r) => r.id));
        for (const ack of acknowledged)
          assert.ok(ids.has(ack.caseId), `acknowledged case ${ack.caseId} is stored`);
        assert.equal(
          new Set(acknowledged.map((x) => x.caseId)).size,
          acknowledged.length,
          'no acknowledged case twice',
        );
        assert.equal(cases.length, acknowledged.length, 'no case beyond the acknowledged ones');
        const perUser = new Map<string, number>();
        for (const r of cases) perUser.set(r.consumer_id, (perUser.get(r.consumer_id) ?? 0) + 1);
        for (const [user, n] of perUser)
          assert.ok(n <= FILINGS_PER_DAY, `${user} filed ${n} > ${FILINGS_PER_DAY}`);
        assert.equal(rejected, CONSUMERS, 'every consumer reached the limit');

        // The surviving worker turns every event into notices and sends every push.
        for (let i = 0; ; i++) {
          const {
            rows: [left],
          } = await client.query<{ events: number; pushes: number }>(
            `SELECT (SELECT count(*)::int FROM case_events WHERE notified_at IS NULL) AS events,
                  (SELECT count(*)::int FROM deliveries WHERE state <> 'sent') AS pushes`,
          );
          if (left.events === 0 && left.pushes === 0) break;
          assert.ok(i < 300, `outbox not drained: ${JSON.stringify(left)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const { rows: pushes } = await client.query<{ n: number; doubled: number; repeated: number }>(
          `SELECT count(*)::int AS n,
                (count(*) - count(DISTINCT (notice_id, channel)))::int AS doubled,
                count(*) FILTER (WHERE attempts > 1)::int AS repeated
           FROM deliveries`,
        );
        assert.equal(pushes[0].doubled, 0, 'no push queued twice');
        assert.equal(pushes[0].repeated, 0, 'no push sent twice (the stopped worker finished its leases)');
        assert.equal(pushes[0].n, expectedPushes.size, 'one delivery per expected push');
      } finally {
        await client.end();
      }

      // What WeChat received: every expected push exactly once, and nothing else.
      // Two per acknowledged case (a filing lost to the kill may still have spent a slot of the limit).
      assert.ok(acknowledged.length >= CONSUMERS, 'the load filed cases');
      assert.equal(expectedPushes.size, 2 * acknowledged.length, 'the load caused pushes');
      t.diagnostic(`${acknowledged.length} cases, ${world.fake.sent.length} pushes received`);
      const received = world.received();
      assert.deepEqual(
        [...received].filter(([, n]) => n > 1),
        [],
        'no push arrived twice',
      );
      assert.deepEqual(
        [...received.keys()].sort(),
        [...expectedPushes].sort(),
        'every expected push arrived',
      );

      // Every upload reads back byte for byte through the BFF that is left and a fresh one.
      const d = await bff();
      for (const target of [c.baseUrl, d.baseUrl]) {
        for (const up of uploads) {
          const res = await fetch(`${target}/api/v1/uploads/${up.id}`, {
            headers: { authorization: `Bearer ${up.token}` },
          });
          assert.equal(res.status, 200);
          assert.ok(Buffer.compare(Buffer.from(await res.arrayBuffer()), up.bytes) === 0, 'byte for byte');
        }
      }
    });
  },
);
