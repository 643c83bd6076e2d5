/** A small load balancer for multi-process tests, and a client that retries what failed in transit. */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Round robin over the live backends; a refused connection (a stopped BFF) tries the next one. */
export function startProxy(backends: URL[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        if (!backends.length || tries > backends.length + 1) return void res.writeHead(502).end();
        const target = backends[next++ % backends.length];
        const out = request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on('error', () => res.destroy());
          },
        );
        out.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' && !res.headersSent) return attempt(tries + 1);
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        out.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

/**
 * Retries what failed in transit (a refused or cut connection, 502, 503), as the mini-program does;
 * a retried write may therefore have been applied already (filings carry an Idempotency-Key for that).
 */
export async function send(url: string, init: RequestInit = {}): Promise<Response> {
  for (let i = 0; ; i++) {
    const res = await fetch(url, init).catch(() => null);
    if (res && res.status !== 502 && res.status !== 503) return res;
    await res?.arrayBuffer();
    assert.ok(i < 100, `${init.method ?? 'GET'} ${url} kept failing`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `send` with a JSON body (or none), answering the status and the parsed body. */
export async function sendJson<T = Record<string, unknown>>(
  url: string,
  opts: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await send(url, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
