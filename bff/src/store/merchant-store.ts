import type { z } from 'zod';
import type { DistrictList, Merchant, createMerchantBody } from '@weiquan/shared';
import type { Db } from './db';
import { sql } from './sql';
import { hashBindingCode, newBindingCode } from './merchant-binding-store';

type NewMerchant = z.infer<typeof createMerchantBody>;

const SELECT_MERCHANT = sql`SELECT id, name, address, district,
  json_build_object('odr', odr, 'noReasonReturn', no_reason_return, 'rightsStation', rights_station) AS badges FROM merchants`;

export function createMerchantStore(db: Db) {
  return {
    async create(m: NewMerchant): Promise<Merchant & { bindingCode: string }> {
      const bindingCode = newBindingCode();
      const [row] = await db.query<Merchant>(
        `WITH ins AS (
           INSERT INTO merchants (name, address, district, uscc, odr, no_reason_return, rights_station, binding_code_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
         SELECT id, name, address, district,
           json_build_object('odr', odr, 'noReasonReturn', no_reason_return, 'rightsStation', rights_station) AS badges FROM ins`,
        [
          m.name,
          m.address,
          m.district,
          m.uscc ?? null,
          m.badges.odr,
          m.badges.noReasonReturn,
          m.badges.rightsStation,
          hashBindingCode(bindingCode),
        ],
      );
      return { ...row, bindingCode };
    },

    async get(id: string): Promise<Merchant | null> {
      const [row] = await db.query<Merchant>(sql`${SELECT_MERCHANT} WHERE id = ${id}`);
      return row ?? null;
    },

    /** Directory search: substring match on name, address or district; best (shortest) names first. */
    async search(q: string | undefined, limit: number): Promise<Merchant[]> {
      if (!q) return db.query<Merchant>(sql`${SELECT_MERCHANT} ORDER BY odr DESC, name LIMIT ${limit}`);
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db.query<Merchant>(
        sql`${SELECT_MERCHANT} WHERE name ILIKE ${like} OR address ILIKE ${like} OR district ILIKE ${like}
         ORDER BY (name ILIKE ${like}) DESC, length(name), name LIMIT ${limit}`,
      );
    },

    /** The merchant with exactly this name and address (the demo merchants are found so), or null. */
    async findByNameAndAddress(name: string, address: string): Promise<Merchant | null> {
      const [row] = await db.query<Merchant>(
        sql`${SELECT_MERCHANT} WHERE name = ${name} AND address = ${address} ORDER BY created_at LIMIT 1`,
      );
      return row ?? null;
    },

    /** Each district of the directory once, by name (the staff list's district filter). */
    async districts(): Promise<DistrictList> {
      const items = await db.query<DistrictList['items'][number]>(
        sql`SELECT district AS name, count(*)::int AS merchants FROM merchants GROUP BY district ORDER BY district COLLATE "C"`,
      );
      return { items };
    },

    async count(): Promise<number> {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM merchants');
      return row.n;
    },
  };
}
export type MerchantStore = ReturnType<typeof createMerchantStore>;
