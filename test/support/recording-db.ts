import type { Db } from '../../bff/src/store/db';
import { Sql } from '../../bff/src/store/sql';
import { startTestApp, type TestApp } from './test-app';
import { createTestDatabase, type StoreKind } from './test-db';

export interface RecordingDb {
  db: Db;
  /** the SQL of every query made through `db`, in order */
  sql: string[];
}

/** The database with every query's SQL recorded, to count the round trips a piece of work makes. */
export function recording(db: Db): RecordingDb {
  const sql: string[] = [];
  const query: Db['query'] = (text, params) => (
    sql.push(text instanceof Sql ? text.text : text),
    db.query(text, params)
  );
  return { db: { ...db, query }, sql };
}

/** A test app over a fresh store whose queries (the app's own included) are recorded. */
export async function startRecordingTestApp(
  store: StoreKind,
): Promise<{ app: TestApp; recorded: RecordingDb }> {
  const database = await createTestDatabase(store);
  const recorded = recording(database.db);
  const app = await startTestApp({ store, database: { ...database, db: recorded.db } });
  return { app, recorded };
}
