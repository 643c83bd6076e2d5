/**
 * The BFF as a process: a port it cannot bind is a clear error and a non-zero exit; SIGTERM lets
 * the request in flight finish, refuses new connections and exits 0; /readyz turns 503 while draining.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loginConsumer, PNG_1X1 } from '../support/factories';
import { startBffProcess } from '../support/bff-process';
import { startTestApp, type TestApp } from '../support/test-app';

const SECRETS = { JWT_SECRET: 'x'.repeat(40), PII_KEY: Buffer.alloc(32, 9).toString('base64') };

describe('BFF process lifecycle', () => {
  test('when the port is taken, then the BFF logs an error naming the port and exits non-zero, with the notifier on or off', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      for (const NOTIFIER of ['off', 'on']) {
        await assert.rejects(
          startBffProcess({
            ...SECRETS,
            PORT: String(port),
            NOTIFIER,
            DATA_DIR: await mkdtemp(path.join(tmpdir(), 'weiquan-port-')),
          }),
          (err: Error) => {
            assert.match(err.message, /exited with 1/, err.message);
            assert.match(
              err.message,
              new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`),
            );
            return true;
          },
        );
      }
    } finally {
      blocker.close();
    }
  });

  test('when SIGTERM arrives during an upload, then that upload still succeeds, new connections are refused, and the process exits 0', async () => {
    const bff = await startBffProcess({
      ...SECRETS,
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'weiquan-sigterm-')),
    });
    const login = await fetch(`${bff.baseUrl}/api/v1/auth/wechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'dev:draining' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const url = new URL(bff.baseUrl);
    const boundary = 'xDRAINx';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const socket: Socket = connect(Number(url.port), url.hostname);
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    const ended = new Promise((r) => socket.once('close', r));
    socket.write(
      `POST /api/v1/uploads HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${accessToken}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${Buffer.byteLength(head) + PNG_1X1.length + Buffer.byteLength(tail)}\r\n\r\n${head}`,
    );
    const exited = new Promise<number | null>((r) => bff.child.once('exit', (code) => r(code)));
    bff.child.kill('SIGTERM');
    // Once the listener is closed, a new connection is refused.
    for (let i = 0; ; i++) {
      const refused = await fetch(`${bff.baseUrl}/healthz`).then(
        () => false,
        () => true,
      );
      if (refused) break;
      assert.ok(i < 100, 'new connections are refused after SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
    }
    socket.write(Buffer.concat([PNG_1X1, Buffer.from(tail)]));
    await ended;
    assert.match(answer, /^HTTP\/1\.1 201 /, answer);
    assert.match(answer, /"sha256":"[0-9a-f]{64}"/);
    assert.equal(await exited, 0);
  });
});

describe('readiness while draining', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ store: 'pglite' });
  });
  after(() => app.close());

  test('when a stop has begun, then /readyz answers 503 while the store is up, and answers close their connections', async () => {
    await loginConsumer(app);
    assert.equal((await app.api.get('/readyz')).status, 200);
    app.services.lifecycle.draining = true;
    const res = await app.api.get('/readyz');
    assert.equal(res.status, 503);
    assert.equal(res.body.stopping, true);
    assert.equal(res.headers.get('connection'), 'close');
  });
});
