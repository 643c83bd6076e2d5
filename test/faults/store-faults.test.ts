/**
 * Faults, with the real BFF as a child process over a throwaway PostgreSQL cluster:
 * - PostgreSQL stopped under load: requests answer 503 UNAVAILABLE quickly, /readyz turns red, and
 *   within 5 s of PostgreSQL's return everything works again; no acknowledged case is lost.
 * - The BFF killed with SIGKILL during filing load: every 201 the client saw is in the store, and
 *   retrying with the same Idempotency-Key answers the same case, never a second one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { complaintBody } from '../support/factories';
import { startBffProcess, type BffProcess } from '../support/bff-process';
import { createPgCluster, postgresBinDir, type PgCluster } from '../support/pg-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body: any;
  ms: number;
}
async function call(
  baseUrl: string,
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15_000,
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${p.startsWith('/readyz') ? '' : '/api/v1'}${p}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  } catch (err) {
    // the connection died (the BFF was killed) or timed out: no answer
    return { status: 0, body: String(err), ms: performance.now() - started };
  }
}

async function login(baseUrl: string, name: string): Promise<string> {
  const res = await call(baseUrl, 'POST', '/auth/wechat', { code: `dev:${name}` });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.accessToken;
}

const skip = postgresBinDir() ? false : 'no PostgreSQL server binaries (initdb, pg_ctl) on this machine';

describe('store faults (throwaway PostgreSQL cluster, BFF as a child process)', { skip }, () => {
  let cluster: PgCluster;
  let dataDir: string;
  let bff: BffProcess | undefined;
  const env = () => ({ DATABASE_URL: cluster.url, DATA_DIR: dataDir });
  const countCases = async (ids?: string[]) => {
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    try {
      if (ids)
        return (await c.query('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])', [ids]))
          .rows[0].n as number;
      return (await c.query('SELECT count(*)::int AS n FROM cases')).rows[0].n as number;
    } finally {
      await c.end();
    }
  };

  before(async () => {
    cluster = await createPgCluster();
    dataDir = await mkdtemp(path.join(tmpdir(), 'weiquan-faults-'));
  });
  after(async () => {
    await bff?.kill('SIGKILL');
    cluster?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('when PostgreSQL stops under load, then requests are quick 503s, /readyz is red, and within 5 s of its return all works with no acknowledged case lost', async (t) => {
    bff = await startBffProcess(env());
    const token = await login(bff.baseUrl, 'outage');
    const acknowledged: string[] = [];
    const answers: Answer[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    const duringOutage: Answer[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const res = await call(bff!.baseUrl, 'POST', '/cases', complaintBody(), {
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
        });
        answers.push(res);
        if (res.status === 201) acknowledged.push(res.body.id);
        if (phase === 'down') duringOutage.push(res);
        if (res.status !== 201) await sleep(20);
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    // a failed assertion must not leave the load running (it spun for the rest of a CI run once) nor
    // the cluster stopped under the next test
    let clusterDown = false;
    t.after(async () => {
      running = false;
      await Promise.allSettled(workers);
      if (clusterDown) cluster.start();
    });
    await sleep(1500);
    const beforeOutage = acknowledged.length;
    assert.ok(beforeOutage > 5, `filings flow before the outage (${beforeOutage})`);

    cluster.stop('fast');
    clusterDown = true;
    phase = 'down';
    await sleep(2500);
    const ready = await call(bff.baseUrl, 'GET', '/readyz');
    assert.equal(
      ready.status,
      503,
      `readyz is red: ${JSON.stringify(ready.body)}\n${bff.lines.slice(-45).join('\n')}`,
    );
    // (the body also reports the calendar, which depends on today's date)
    assert.equal(ready.body.ok, false);
    assert.equal(ready.body.store, 'down');
    assert.ok(ready.ms < 2500, `readyz answers within its 2 s budget (${Math.round(ready.ms)} ms)`);
    const listed = await call(bff.baseUrl, 'GET', '/cases', undefined, { authorization: `Bearer ${token}` });
    assert.equal(listed.status, 503);
    assert.equal(listed.body.error.code, 'UNAVAILABLE');

    cluster.start();
    clusterDown = false;
    const back = performance.now();
    phase = 'back';
    let recoveredMs = -1;
    while (performance.now() - back < 10_000) {
      const r = await call(bff.baseUrl, 'GET', '/readyz');
      const f = await call(bff.baseUrl, 'POST', '/cases', complaintBody(), {
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      });
      if (f.status === 201) acknowledged.push(f.body.id);
      if (r.status === 200 && f.status === 201) {
        recoveredMs = performance.now() - back;
        break;
      }
      await sleep(100);
    }
    await sleep(1000);
    running = false;
    await Promise.all(workers);

    assert.ok(
      recoveredMs >= 0 && recoveredMs <= 5000,
      `recovered within 5 s of PostgreSQL's return (${Math.round(recoveredMs)} ms)`,
    );
    assert.ok(duringOutage.length > 0, 'requests were made during the outage');
    const outageStatuses = [...new Set(duringOutage.map((a) => a.status))];
    for (const a of duringOutage.filter((x) => x.status !== 201)) {
      assert.equal(a.status, 503, `only 503s during the outage: ${JSON.stringify(a.body).slice(0, 200)}`);
      assert.equal(a.body.error.code, 'UNAVAILABLE');
      assert.ok(a.ms < 3500, `a 503 comes quickly (${Math.round(a.ms)} ms)`);
    }
    assert.deepEqual(
      answers.filter((a) => a.status !== 201 && a.status !== 503),
      [],
      'nothing but 201 and 503',
    );
    assert.equal(
      await countCases(acknowledged),
      acknowledged.length,
      'every acknowledged case is in the store',
    );
    const slowest503 = Math.max(...duringOutage.filter((a) => a.status === 503).map((a) => a.ms));
    console.log(
      `# outage: ${acknowledged.length} cases acknowledged, ${duringOutage.length} requests during the outage (statuses ${outageStatuses.join(',')}), slowest 503 ${Math.round(slowest503)} ms, recovered ${Math.round(recoveredMs)} ms after PostgreSQL returned`,
    );
    await bff.kill();
    bff = undefined;
  });

  test('when the BFF is killed with SIGKILL during filing load, then every 201 seen is stored and retries with the same Idempotency-Key never duplicate', async () => {
    bff = await startBffProcess(env());
    const token = await login(bff.baseUrl, 'crash');
    const casesBefore = await countCases();
    // Each request: its key, its body, and what the client saw (if anything).
    const attempts: { key: string; body: ReturnType<typeof complaintBody>; seen?: string }[] = [];
    let running = true;
    const baseUrl = bff.baseUrl;
    const worker = async (w: number) => {
      let i = 0;
      while (running) {
        const attempt = {
          key: `crash-${w}-${i++}`,
          body: complaintBody({ facts: `第${w}号客户端第${i}次投诉：电饭煲无法加热，商家拒绝退货。` }),
        } as (typeof attempts)[number];
        attempts.push(attempt);
        const res = await call(
          baseUrl,
          'POST',
          '/cases',
          attempt.body,
          { authorization: `Bearer ${token}`, 'idempotency-key': attempt.key },
          5000,
        );
        if (res.status === 201) attempt.seen = res.body.id;
        else if (res.status === 0) break;
        else assert.fail(`before the kill only 201s: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await sleep(2000);
    await bff.kill('SIGKILL');
    running = false;
    await Promise.all(workers);
    bff = undefined;
    const seen = attempts.filter((a) => a.seen).map((a) => a.seen!);
    assert.ok(seen.length > 10, `filings were acknowledged before the kill (${seen.length})`);
    assert.equal(await countCases(seen), seen.length, 'every 201 the client saw is in the store');

    bff = await startBffProcess(env());
    const baseUrl2 = bff.baseUrl;
    for (const a of attempts) {
      const retry = await call(baseUrl2, 'POST', '/cases', a.body, {
        authorization: `Bearer ${token}`,
        'idempotency-key': a.key,
      });
      assert.equal(retry.status, 201, JSON.stringify(retry.body));
      if (a.seen) assert.equal(retry.body.id, a.seen, 'a retry answers the case the client already saw');
      a.seen = retry.body.id;
      const again = await call(baseUrl2, 'POST', '/cases', a.body, {
        authorization: `Bearer ${token}`,
        'idempotency-key': a.key,
      });
      assert.equal(again.body.id, retry.body.id);
    }
    assert.equal(
      (await countCases()) - casesBefore,
      attempts.length,
      'one case per Idempotency-Key, no duplicates',
    );
    console.log(
      `# SIGKILL: ${seen.length} acknowledged before the kill, ${attempts.length - seen.length} unanswered, all ${attempts.length} keys resolved to one case each after restart`,
    );
    await bff.kill();
    bff = undefined;
  });
});
