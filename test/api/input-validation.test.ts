import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { complaintBody, loginConsumer, PNG_1X1, upload } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

function expectError(res: { status: number; body: any }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body?.error?.code, code, JSON.stringify(res.body));
  assert.equal(typeof res.body.error.message, 'string');
  assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:\d+|node_modules/, 'never a stack trace');
}

async function blobCount(app: TestApp): Promise<number> {
  const walk = async (dir: string): Promise<number> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    let n = 0;
    for (const e of entries) n += e.isDirectory() ? await walk(path.join(dir, e.name)) : 1;
    return n;
  };
  // Disk files (and temp files) on the embedded store; rows of the PostgreSQL blob store with a server.
  const [{ n }] = await app.services.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs');
  return (await walk(path.join(app.dataDir, 'uploads'))) + n;
}

for (const store of storeKinds()) {
  describe(`input validation (${store})`, () => {
    let app: TestApp;
    let token: string;
    before(async () => {
      app = await startTestApp({ store });
      token = (await loginConsumer(app)).accessToken;
    });
    after(() => app.close());
    const file = (body: unknown, key = `k-${Math.random()}`) =>
      app.api.post('/cases', body, { token, headers: { 'Idempotency-Key': key } });

    test('when a filing has bad fields, then it is a 400 listing each field path and its problem', async () => {
      const body = complaintBody({
        facts: 'short',
        category: 'no_such_category' as never,
        demand: { type: 'refund', amountFen: -1 },
        purchase: { occurredOn: '2026-02-30', channel: 'offline' },
        complainant: { name: '张三', phone: '12345', address: '福建省厦门市' },
      });
      const res = await file(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      const paths = (res.body.error.details as { path: string; message: string }[]).map((d) => d.path).sort();
      assert.deepEqual(
        paths,
        ['category', 'complainant.phone', 'demand.amountFen', 'facts', 'purchase.occurredOn'].sort(),
      );
      for (const d of res.body.error.details) assert.ok(d.message.length > 0);
    });

    test('when a filing has an unknown field, at the top or nested, then it is a 400 naming it', async () => {
      const top = await file({ ...complaintBody(), priority: true });
      expectError(top, 400, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(top.body.error.details), /priority/);
      const nested = await file(complaintBody({ demand: { type: 'refund', extra: 1 } as never }));
      expectError(nested, 400, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(nested.body.error.details), /demand/);
      const action = await app.api.post('/auth/wechat', { code: 'dev:x', role: 'staff' });
      expectError(action, 400, 'VALIDATION_FAILED');
    });

    test('when the Idempotency-Key is missing or not printable ASCII, then it is a 400 on that header', async () => {
      const missing = await app.api.post('/cases', complaintBody(), { token });
      expectError(missing, 400, 'VALIDATION_FAILED');
      assert.equal(missing.body.error.details[0].path, 'Idempotency-Key');
      const long = await file(complaintBody(), 'k'.repeat(129));
      expectError(long, 400, 'VALIDATION_FAILED');
    });

    test('when the JSON is malformed, then it is a 400 VALIDATION_FAILED, not a 500', async () => {
      for (const raw of [
        '{"kind": "complaint",',
        '{kind: complaint}',
        '[1,2',
        '\u0000',
        '{"a":1}}',
        'null',
        '"text"',
        '123',
      ]) {
        const res = await app.api.post('/cases', undefined, {
          token,
          raw,
          headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k1' },
        });
        expectError(res, 400, 'VALIDATION_FAILED');
      }
    });

    test('when a body is over the JSON limit, then it is a 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await file(complaintBody({ facts: 'x'.repeat(200_000) }));
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    test('when a JSON body comes as text/plain or form data, then it is not parsed as a filing: a 400', async () => {
      const res = await app.api.post('/cases', undefined, {
        token,
        raw: JSON.stringify(complaintBody()),
        headers: { 'content-type': 'text/plain', 'Idempotency-Key': 'k2' },
      });
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    test('when a .png upload is really HTML, an SVG, an executable or a script, then it is a 415 and nothing is kept', async () => {
      const [{ n: before }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM uploads',
      );
      const blobsBefore = await blobCount(app);
      const exe = Buffer.concat([
        Buffer.from('MZ'),
        Buffer.alloc(58),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(64),
        Buffer.from('PE\0\0'),
        Buffer.alloc(512, 0x90),
      ]);
      const disguised: [string, Buffer][] = [
        ['html', Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')],
        ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>')],
        ['exe', exe],
        ['elf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)])],
        ['zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)])],
        ['gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
      ];
      for (const [what, bytes] of disguised) {
        const res = await upload(app, token, bytes, 'photo.png', 'image/png');
        expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        assert.ok(what);
      }
      const [{ n: afterCount }] = await app.services.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM uploads',
      );
      assert.equal(afterCount, before);
      assert.equal(await blobCount(app), blobsBefore);
    });

    test('when an upload is over 10 MB, then it is a 413 and nothing is kept; exactly 10 MB is accepted', async () => {
      const blobsBefore = await blobCount(app);
      const big = Buffer.concat([PNG_1X1, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG_1X1.length)]);
      expectError(await upload(app, token, big), 413, 'PAYLOAD_TOO_LARGE');
      assert.equal(await blobCount(app), blobsBefore);
      const exact = Buffer.concat([PNG_1X1, Buffer.alloc(10 * 1024 * 1024 - PNG_1X1.length)]);
      const ok = await upload(app, token, exact);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.size, 10 * 1024 * 1024);
    });

    test('when an upload is not multipart, is empty, or has no "file" field, then it is a 4xx in the error shape', async () => {
      expectError(
        await app.api.post('/uploads', undefined, {
          token,
          raw: PNG_1X1,
          headers: { 'content-type': 'image/png' },
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(await upload(app, token, Buffer.alloc(0)), 400, 'VALIDATION_FAILED');
      const form = new FormData();
      form.append('other', 'x');
      expectError(await app.api.post('/uploads', undefined, { token, raw: form }), 400, 'VALIDATION_FAILED');
      const broken = await app.api.post('/uploads', undefined, {
        token,
        raw: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      assert.ok(broken.status >= 400 && broken.status < 500, JSON.stringify(broken.body));
      expectError(
        await app.api.post('/uploads', undefined, {
          token,
          raw: 'x',
          headers: { 'content-type': 'multipart/form-data' },
        }),
        400,
        'VALIDATION_FAILED',
      );
    });

    test('when list queries are out of range or unknown, then they are 400s', async () => {
      for (const q of [
        'limit=0',
        'limit=101',
        'limit=abc',
        'status=bogus',
        'cursor=not-a-cursor',
        'kind=x',
        'overdue=maybe',
        'merchantId=1',
      ]) {
        expectError(await app.api.get(`/cases?${q}`, { token }), 400, 'VALIDATION_FAILED');
      }
    });

    test('when a query-string text carries a NUL or another control character, then it is a 400 and never reaches SQL', async () => {
      const searches = [
        '/faq?q=',
        '/faq?q=%E9%80%80%E6%AC%BE',
        '/merchants?q=',
        '/articles?cursor=',
        '/cases?cursor=',
      ];
      for (const search of searches) {
        for (const bad of ['%00', 'a%00b', '%01', '%7F']) {
          const res = await app.api.get(`${search}${bad}`, { token });
          expectError(res, 400, 'VALIDATION_FAILED');
        }
      }
      assert.equal(
        (await app.api.get('/faq?q=%E9%80%80%E6%AC%BE')).status,
        200,
        'a clean query still searches',
      );
    });
  });
}
