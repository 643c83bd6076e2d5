/**
 * Merchant administration for staff: the directory with what only staff see (USCC, bound users, open
 * complaints), and edits by admins. Binding codes and unbinding live with the merchant binding code.
 */
import type { StaffMerchant, StaffMerchantQuery, UpdateMerchantBody } from '@weiquan/shared';
import { notFound } from '../errors';
import type { Db } from '../store/db';
import { UUID, decodeCursor, encodeCursor } from '../store/page-cursor';

// Constant text (the SQL lint refuses interpolation): the optional search and cursor are nullable parameters.
const SELECT_ONE = `SELECT m.id, m.name, m.address, m.district, m.uscc, m.created_at,
  json_build_object('odr', m.odr, 'noReasonReturn', m.no_reason_return, 'rightsStation', m.rights_station) AS badges,
  (SELECT count(*)::int FROM users u WHERE u.merchant_id = m.id) AS "boundUsers",
  (SELECT count(*)::int FROM cases c WHERE c.merchant_id = m.id AND c.kind = 'complaint' AND c.is_open) AS "openComplaints"
  FROM merchants m WHERE m.id = $1`;
const SELECT_PAGE = `SELECT m.id, m.name, m.address, m.district, m.uscc, m.created_at,
  json_build_object('odr', m.odr, 'noReasonReturn', m.no_reason_return, 'rightsStation', m.rights_station) AS badges,
  (SELECT count(*)::int FROM users u WHERE u.merchant_id = m.id) AS "boundUsers",
  (SELECT count(*)::int FROM cases c WHERE c.merchant_id = m.id AND c.kind = 'complaint' AND c.is_open) AS "openComplaints"
  FROM merchants m
  WHERE ($1::text IS NULL OR m.name ILIKE $1 OR m.address ILIKE $1 OR m.district ILIKE $1 OR m.uscc ILIKE $1)
    AND ($2::timestamptz IS NULL OR (m.created_at, m.id) < ($2::timestamptz, $3::uuid))
  ORDER BY m.created_at DESC, m.id DESC LIMIT $4`;
type Row = StaffMerchant & { created_at: Date };
const toItem = ({ created_at: _created, ...m }: Row): StaffMerchant => m;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createStaffMerchants(db: Db) {
  async function get(id: string): Promise<StaffMerchant> {
    const [row] = UUID.test(id) ? await db.query<Row>(SELECT_ONE, [id]) : [];
    if (!row) throw notFound('No such merchant');
    return toItem(row);
  }
  return {
    get,
    /** newest first; `q` matches the name, address, district or USCC */
    async list(query: StaffMerchantQuery): Promise<{ items: StaffMerchant[]; nextCursor: string | null }> {
      const [at, id] = query.cursor ? decodeCursor(query.cursor) : [null, null];
      const rows = await db.query<Row>(SELECT_PAGE, [
        query.q ? `%${escapeLike(query.q)}%` : null,
        at,
        id,
        query.limit + 1,
      ]);
      const more = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toItem),
        nextCursor: more && last ? encodeCursor(last.created_at, last.id) : null,
      };
    },

    async update(id: string, body: UpdateMerchantBody): Promise<StaffMerchant> {
      const changed = UUID.test(id)
        ? await db.query(
            `UPDATE merchants SET name = coalesce($2, name), address = coalesce($3, address), district = coalesce($4, district),
               uscc = coalesce($5, uscc), odr = coalesce($6, odr), no_reason_return = coalesce($7, no_reason_return),
               rights_station = coalesce($8, rights_station)
             WHERE id = $1 RETURNING id`,
            [
              id,
              body.name ?? null,
              body.address ?? null,
              body.district ?? null,
              body.uscc ?? null,
              body.badges?.odr ?? null,
              body.badges?.noReasonReturn ?? null,
              body.badges?.rightsStation ?? null,
            ],
          )
        : [];
      if (!changed.length) throw notFound('No such merchant');
      return get(id);
    },
  };
}
export type StaffMerchants = ReturnType<typeof createStaffMerchants>;
