import type { Db } from '../../bff/src/store/db';

/** The database with every query's SQL recorded, to count the round trips a piece of work makes. */
export function recording(db: Db): { db: Db; sql: string[] } {
  const sql: string[] = [];
  const query: Db['query'] = (text, params) => (sql.push(text), db.query(text, params));
  return { db: { ...db, query }, sql };
}
