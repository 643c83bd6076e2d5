import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgliteDb, createPostgresDb, type Db } from '../../bff/src/store/db';

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; the real PostgreSQL too whenever DATABASE_URL is set (CI sets it). */
export function storeKinds(): StoreKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Db;
  kind: StoreKind;
  url?: string;
  /** the PGlite directory when file-backed */
  dir?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: an in-memory PGlite (file-backed under `pgliteDir` when given, for
 * restart tests), or a new database on the PostgreSQL server.
 */
export async function createTestDatabase(
  kind: StoreKind,
  opts: { pgliteDir?: string } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await createPgliteDb(opts.pgliteDir);
    return { db, kind, dir: opts.pgliteDir, drop: () => db.close() };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `weiquan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = createPostgresDb(url.toString());
  return {
    db,
    kind,
    url: url.toString(),
    async drop() {
      await db.close().catch(() => {});
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The same database opened again, as a restarted BFF would (close the old handle first). */
export async function reopenTestDatabase(old: TestDatabase): Promise<TestDatabase> {
  if (old.kind === 'pglite') {
    if (!old.dir) throw new Error('an in-memory PGlite cannot be reopened: create it with pgliteDir');
    const db = await createPgliteDb(old.dir);
    return { ...old, db, drop: () => db.close() };
  }
  const db = createPostgresDb(old.url!);
  return {
    ...old,
    db,
    drop: async () => {
      await db.close().catch(() => {});
      await old.drop();
    },
  };
}
