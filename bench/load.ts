/** One autocannon load (after its warm-up) with the server's peak RSS sampled meanwhile. */
import autocannon from 'autocannon';
import { cpuMsOf, rssOf } from './processes';

export interface LoadSpec {
  name: string;
  url: string;
  /** autocannon request sequence (per connection, in a loop) */
  requests?: autocannon.Request[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface Figure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  rss: number;
  /** the server's own CPU time per answered request, in microseconds: steadier than req/s on a busy machine */
  cpuUs: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  warmup: number;
}

function run(spec: LoadSpec, connections: number, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        connections,
        duration,
        // autocannon treats a key set to undefined as a value: pass only what the spec sets.
        ...(spec.method ? { method: spec.method } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.requests ? { requests: spec.requests } : {}),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

export async function measure(spec: LoadSpec, pid: number, opts: LoadOptions): Promise<Figure> {
  if (opts.warmup > 0) await run(spec, opts.connections, opts.warmup);
  let rss = rssOf(pid);
  const sampler = setInterval(() => (rss = Math.max(rss, rssOf(pid))), 200);
  const cpu0 = cpuMsOf(pid);
  try {
    const r = await run(spec, opts.connections, opts.duration);
    const cpuMs = cpuMsOf(pid) - cpu0;
    return {
      name: spec.name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      rss: Math.max(rss, rssOf(pid)),
      cpuUs: r.requests.total ? (cpuMs * 1000) / r.requests.total : 0,
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
  } finally {
    clearInterval(sampler);
  }
}
