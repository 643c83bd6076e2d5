/**
 * One small query interface over the two PostgreSQLs Weiquan runs on: a `pg` pool for production
 * and PGlite (PostgreSQL in WASM, in-process) as the zero-set-up default. Same SQL for both.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { z } from 'zod';
import { Sql } from './sql';

export interface Queryable {
  /**
   * An `sql` fragment (values apart from the text), or constant text with its parameters (the SQL
   * lint refuses text built by interpolation or concatenation).
   */
  query<T = Record<string, unknown>>(sql: Sql | string, params?: unknown[]): Promise<T[]>;
}

/** The rows of a query, each checked against its row schema (the hot reads: no casts). */
export async function selectRows<S extends z.ZodType>(
  q: Queryable,
  schema: S,
  query: Sql,
): Promise<z.output<S>[]> {
  return (await q.query<unknown>(query)).map((row) => schema.parse(row));
}

const textOf = (sql: Sql | string, params?: unknown[]): [string, unknown[] | undefined] =>
  sql instanceof Sql ? [sql.text, sql.params] : [sql, params];
export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** run several statements (migrations) */
  exec(sql: string): Promise<void>;
  ping(): Promise<void>;
  /** the connection pool's state, for /metrics (PostgreSQL only: PGlite has no pool) */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

// int8 as a JS number (money stays below 2^53), dates as 'YYYY-MM-DD' strings: the same on both stores.
const INT8 = 20;
const DATE = 1082;
const MAX_NAMED_STATEMENTS = 1000;

export function createPostgresDb(url: string, opts: { max?: number } = {}): Db {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 3000,
    types,
    // No JIT: the batched lists' LIMIT is a parameter, so the planner costs them as if a tenth of a
    // million-row index were read, and JIT then spent 1.8 s compiling a query that runs in 0.5 ms.
    options: '-c jit=off',
  });
  // A dropped idle connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Named (prepared) statements: each connection parses and plans a statement once instead of on
  // every call (the case view's query costs ~4x less server time). Parameterless SQL (migrations,
  // DDL) stays unnamed, and past the cap, so that generated SQL cannot grow the cache without bound.
  const names = new Map<string, string>();
  const config = (sql: string, params?: unknown[]): pg.QueryConfig => {
    if (!params?.length) return { text: sql, values: params };
    let name = names.get(sql);
    if (!name && names.size < MAX_NAMED_STATEMENTS) names.set(sql, (name = `wq${names.size + 1}`));
    return name ? { name, text: sql, values: params } : { text: sql, values: params };
  };
  const query = async <T>(c: pg.Pool | pg.PoolClient, sql: Sql | string, params?: unknown[]) =>
    (await c.query(config(...textOf(sql, params)))).rows as T[];
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async tx(fn) {
      const client = await pool.connect();
      // A server shutdown while the client is checked out also arrives as an 'error' event: with no
      // listener it would crash the process. The query in flight rejects by itself; the broken
      // connection is then destroyed rather than returned to the pool.
      let broken: Error | undefined;
      const onError = (err: Error) => void (broken = err);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn({ query: (sql, params) => query(client, sql, params) });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

export async function createPgliteDb(dataDir: string | undefined): Promise<Db> {
  const db = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
  });
  return {
    kind: 'pglite',
    query: async (sql, params) => (await db.query(...textOf(sql, params))).rows as never,
    tx: (fn) =>
      db.transaction((t) =>
        fn({ query: async (sql, params) => (await t.query(...textOf(sql, params))).rows as never }),
      ),
    async exec(sql) {
      await db.exec(sql);
    },
    async ping() {
      await db.query('SELECT 1');
    },
    close: () => db.close(),
  };
}
