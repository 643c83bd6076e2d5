/**
 * Fills a fresh store with realistic data in SQL (INSERT ... SELECT generate_series, in batches):
 * merchants (every other one ODR), consumers, cases of every common status with their events,
 * deadlines and real sealed contacts, so that list and detail queries touch what production would.
 *
 * Ids are deterministic (a table tag and the row number), so the bench knows them without reading
 * them back: `merchantId(n)`, `userId(n)`, `caseId(n)`.
 */
import type { Db } from '../bff/src/store/db';
import { rebuildTallies } from '../bff/src/cases/queue-tallies';
import { migrate } from '../bff/src/store/migrate';
import type { PiiCipher } from '../bff/src/security/pii-cipher';

const hex12 = (n: number) => n.toString(16).padStart(12, '0');
export const merchantId = (n: number) => `b0000000-0000-4000-8000-${hex12(n)}`;
export const userId = (n: number) => `b1000000-0000-4000-8000-${hex12(n)}`;
export const caseId = (n: number) => `b2000000-0000-4000-8000-${hex12(n)}`;
/** The bench's staff member (a supervisor), who holds the list consumer's cases as assignee. */
export const BENCH_STAFF_ID = 'b3000000-0000-4000-8000-000000000001';
const sqlId = (tag: string, expr: string) =>
  `('${tag}-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;

export interface SeedPlan {
  /** all cases, the special ones below included */
  cases: number;
  consumers: number;
  merchants: number;
  /** cases of the list consumer (user 1), the first cases */
  listConsumerCases: number;
  /** ODR cases waiting for merchant 1, owned by the cycle consumer (user 2), right after */
  cycleCases: number;
  batch: number;
}

/** Users 1 and 2 are the list and cycle consumers; user 3 is bound to merchant 1; filers come after. */
export const LIST_CONSUMER = 1;
export const CYCLE_CONSUMER = 2;
export const CYCLE_MERCHANT_USER = 3;
export const FIRST_FILER = 4;
export const FILERS = 100;

export interface SeedResult {
  ms: number;
  /** VACUUM ANALYZE and CHECKPOINT after the load */
  settledMs: number;
  rows: { cases: number; events: number; deadlines: number };
}

export async function seedStore(
  db: Db,
  cipher: PiiCipher,
  plan: SeedPlan,
  log: (line: string) => void = () => {},
): Promise<SeedResult> {
  await migrate(db);
  const started = performance.now();
  // A handful of distinct sealed contacts, sealed once and reused: sealing a million is not the point.
  const contacts = ['张三', '李四', '王五', '赵六', '陈七'].map((name, i) =>
    cipher.sealJson({
      name,
      phone: `1381234${String(8000 + i).padStart(4, '0')}`,
      address: `福建省厦门市思明区莲前东路${100 + i}号`,
    }),
  );
  const body = JSON.stringify({
    facts: '购买的电饭煲使用三天后无法加热，商家拒绝退货，要求退款。',
    demand: { type: 'refund', amountFen: 39900 },
    purchase: { amountFen: 39900, occurredOn: '2025-11-01', channel: 'offline' },
  });

  await db.query(
    `INSERT INTO merchants (id, name, address, district, odr)
     SELECT ${sqlId('b0000000', 'i')}, '压测商家' || i, '福建省厦门市思明区湖滨南路' || i || '号', '思明区', i % 2 = 1
       FROM generate_series(1, $1::int) i`,
    [plan.merchants],
  );
  await db.query(
    `INSERT INTO users (id, openid, merchant_id)
     SELECT ${sqlId('b1000000', 'i')}, 'bench:' || i, CASE WHEN i = ${CYCLE_MERCHANT_USER} THEN ${sqlId('b0000000', '1')} END
       FROM generate_series(1, $1::int) i`,
    [plan.consumers],
  );

  // Case n: the list consumer's first, then the cycle cases (merchant 1, ODR, awaiting its proposal),
  // then everyone else round-robin over consumers and merchants.
  // Status by merchant: ODR merchants' cases are merchant_negotiating / awaiting_consumer / settled,
  // the others' pending_acceptance / mediating; each with the events and deadlines that path leaves.
  const cycleEnd = plan.listConsumerCases + plan.cycleCases;
  const consumerOf = `CASE WHEN n <= ${plan.listConsumerCases} THEN ${LIST_CONSUMER} WHEN n <= ${cycleEnd} THEN ${CYCLE_CONSUMER} ELSE ${FIRST_FILER + FILERS} + (n % ${plan.consumers - FIRST_FILER - FILERS}) END`;
  const merchantOf = `CASE WHEN n > ${plan.listConsumerCases} AND n <= ${cycleEnd} THEN 1 ELSE 1 + (n % ${plan.merchants}) END`;
  const statusOf = `CASE WHEN n > ${plan.listConsumerCases} AND n <= ${cycleEnd} THEN 'merchant_negotiating'
      WHEN m % 2 = 1 THEN (ARRAY['merchant_negotiating', 'merchant_negotiating', 'awaiting_consumer', 'settled'])[1 + (n / ${plan.merchants}) % 4]
      ELSE (ARRAY['pending_acceptance', 'mediating'])[1 + (n / ${plan.merchants}) % 2] END`;
  const rows = { cases: 0, events: 0, deadlines: 0 };
  for (let from = 1; from <= plan.cases; from += plan.batch) {
    const to = Math.min(plan.cases, from + plan.batch - 1);
    const t0 = performance.now();
    // The newest case is n = 1 (a minute ago), the oldest ~1.9 years back: one case a minute.
    const source = `SELECT n, ${merchantOf} AS m, ${consumerOf} AS u, now() - n * interval '1 minute' AS at FROM generate_series($1::int, $2::int) n`;
    const [c] = await db.query<{ n: number }>(
      `WITH s AS (SELECT s0.*, ${statusOf} AS status FROM (${source}) s0),
       ins AS (
         INSERT INTO cases (id, case_no, kind, status, version, consumer_id, merchant_id, merchant_name, merchant_address, category, body,
                            contact_enc, share_contact, proposal, next_due_at, created_at, updated_at, ended_at)
         SELECT ${sqlId('b2000000', 's.n')},
                'XM' || to_char(s.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(s.n::text, 7, '0'),
                'complaint', s.status,
                CASE s.status WHEN 'merchant_negotiating' THEN 1 WHEN 'pending_acceptance' THEN 1 WHEN 'awaiting_consumer' THEN 2 ELSE 3 END,
                ${sqlId('b1000000', 's.u')}, ${sqlId('b0000000', 's.m')}, '压测商家' || s.m, '福建省厦门市思明区湖滨南路' || s.m || '号',
                'household_appliances', $3::jsonb, ($4::text[])[1 + s.n % 5], s.n % 3 = 0,
                CASE WHEN s.status IN ('awaiting_consumer', 'settled') THEN jsonb_build_object('text', '全额退款', 'refundFen', 39900, 'at', s.at + interval '1 day') END,
                CASE WHEN s.status IN ('merchant_negotiating', 'pending_acceptance', 'mediating') THEN s.at + interval '14 days' END,
                s.at, s.at + CASE WHEN s.status IN ('merchant_negotiating', 'pending_acceptance') THEN interval '0' ELSE interval '2 days' END,
                CASE WHEN s.status = 'settled' THEN s.at + interval '2 days' END
           FROM s
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [from, to, body, contacts],
    );
    rows.cases += c.n;
    // Events: filed for all; then the path each status implies.
    const [e] = await db.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO case_events (case_id, type, actor_role, actor_id, from_status, to_status, data, at)
         SELECT c.id, ev.type, ev.role, CASE WHEN ev.role = 'consumer' THEN c.consumer_id END, ev.from_s, ev.to_s, ev.data, c.created_at + ev.after
           FROM cases c
           CROSS JOIN LATERAL (VALUES
             ('filed', 'consumer', NULL, CASE WHEN c.status IN ('merchant_negotiating', 'awaiting_consumer', 'settled') THEN 'merchant_negotiating' ELSE 'pending_acceptance' END, '{}'::jsonb, interval '0', TRUE),
             ('propose', 'merchant', 'merchant_negotiating', 'awaiting_consumer', '{"text":"全额退款","refundFen":39900}'::jsonb, interval '1 day', c.status IN ('awaiting_consumer', 'settled')),
             ('accept_proposal', 'consumer', 'awaiting_consumer', 'settled', '{}'::jsonb, interval '2 days', c.status = 'settled'),
             ('accept', 'staff', 'pending_acceptance', 'accepted', '{}'::jsonb, interval '1 day', c.status = 'mediating'),
             ('start_mediation', 'staff', 'accepted', 'mediating', '{}'::jsonb, interval '2 days', c.status = 'mediating')
           ) AS ev(type, role, from_s, to_s, data, after, applies)
          WHERE c.id BETWEEN ${sqlId('b2000000', '$1::int')} AND ${sqlId('b2000000', '$2::int')} AND ev.applies
          ORDER BY c.id, ev.after
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [from, to],
    );
    rows.events += e.n;
    // Deadlines: due dates fall on the 10th and 45th day (calendar days: close enough for reading).
    const [d] = await db.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO deadlines (case_id, kind, state, started_at, due_date, due_at, closed_at)
         SELECT c.id, dl.kind, dl.state, c.created_at, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date + dl.days,
                ((c.created_at AT TIME ZONE 'Asia/Shanghai')::date + dl.days + time '23:59:59') AT TIME ZONE 'Asia/Shanghai',
                CASE WHEN dl.state = 'met' THEN c.created_at + interval '1 day' END
           FROM cases c
           CROSS JOIN LATERAL (VALUES
             ('merchant_response', CASE WHEN c.status = 'merchant_negotiating' THEN 'running' ELSE 'met' END, 14, c.status IN ('merchant_negotiating', 'awaiting_consumer', 'settled')),
             ('acceptance', CASE WHEN c.status = 'pending_acceptance' THEN 'running' ELSE 'met' END, 10, c.status IN ('pending_acceptance', 'mediating')),
             ('mediation', 'running', 63, c.status = 'mediating')
           ) AS dl(kind, state, days, applies)
          WHERE c.id BETWEEN ${sqlId('b2000000', '$1::int')} AND ${sqlId('b2000000', '$2::int')} AND dl.applies
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [from, to],
    );
    rows.deadlines += d.n;
    log(`  seeded cases ${from}..${to} in ${Math.round(performance.now() - t0)} ms`);
  }
  // A staff member for the staff list and queue loads; the list consumer's cases are theirs ("mine").
  await db.query(
    `INSERT INTO staff_accounts (id, username, display_name, staff_role, password_hash)
     VALUES ($1, 'bench-supervisor', '压测科长', 'supervisor', 'scrypt$1$1$1$x$x')`,
    [BENCH_STAFF_ID],
  );
  await db.query(`UPDATE cases SET assignee_id = $1 WHERE consumer_id = ${sqlId('b1000000', '$2::int')}`, [
    BENCH_STAFF_ID,
    LIST_CONSUMER,
  ]);
  // Written here in bulk, not by the case repository: the staff queues' tallies are counted after.
  await rebuildTallies(db);
  const ms = performance.now() - started;
  // Steady state, as a store that has grown to this size would be: vacuumed, analysed, checkpointed
  // (otherwise autovacuum and the checkpointer work through the bulk load during the measurements).
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
  return { ms, settledMs: performance.now() - started - ms, rows };
}
