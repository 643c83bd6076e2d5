/**
 * Where rate-limit counters live, so that N BFFs hold each limit in total rather than N times:
 * Redis when REDIS_URL is set, else PostgreSQL when the database is a server (the `rate_limits`
 * table), else this process's memory (the embedded store has one process). rate-limiter-flexible
 * does the counting; its PostgreSQL store runs over our Db, so it shares the pool and PGlite code.
 */
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Db } from '../store/db';

export interface LimitSpec {
  /** distinguishes one limit's counters from another's */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface CounterStore {
  readonly kind: 'memory' | 'postgres' | 'redis';
  limiter(spec: LimitSpec): RateLimiterAbstract;
  close(): Promise<void>;
}

export function createCounterStore(config: Config, db: Db): CounterStore {
  const memory = (spec: LimitSpec) =>
    new RateLimiterMemory({ keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds });
  if (config.REDIS_URL) {
    // No offline queue: while Redis is away a request is counted in memory (the insurance limiter)
    // at once, instead of waiting for a reconnect.
    const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    return {
      kind: 'redis',
      limiter: (spec) =>
        new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `weiquan:${spec.name}`,
          points: spec.points,
          duration: spec.durationSeconds,
          insuranceLimiter: memory(spec),
        }),
      close: async () => void redis.disconnect(),
    };
  }
  if (db.kind === 'postgres') {
    // The library's pg "pool" shape over our Db; the table comes from the migrations.
    const client = {
      query: async (q: { text: string; values?: unknown[] }) => ({ rows: await db.query(q.text, q.values) }),
    };
    return {
      kind: 'postgres',
      limiter: (spec) =>
        new RateLimiterPostgres({
          storeClient: client,
          storeType: 'pool',
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout: false,
          keyPrefix: spec.name,
          points: spec.points,
          duration: spec.durationSeconds,
        }),
      close: async () => {},
    };
  }
  return { kind: 'memory', limiter: memory, close: async () => {} };
}
