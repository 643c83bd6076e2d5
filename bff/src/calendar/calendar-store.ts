/** The years' arrangements in the store (`calendar_years`) and the version every process polls. */
import { z } from 'zod';
import type { CalendarArrangement } from '@weiquan/shared';
import { selectRows, type Queryable } from '../store/db';
import { sql } from '../store/sql';

const YearRowSchema = z.object({
  year: z.number(),
  source: z.string(),
  off_days: z.array(z.string()),
  makeup_days: z.array(z.string()),
  origin: z.enum(['package', 'operator']),
});
export type CalendarYearRow = z.infer<typeof YearRowSchema>;

export const readYears = (q: Queryable) =>
  selectRows(
    q,
    YearRowSchema,
    sql`SELECT year, source, off_days, makeup_days, origin FROM calendar_years ORDER BY year`,
  );

export async function readVersion(q: Queryable): Promise<number> {
  const [row] = await q.query<{ version: number }>(sql`SELECT version FROM calendar_version`);
  return row?.version ?? 0;
}

const bumpVersion = sql`UPDATE calendar_version SET version = version + 1`;

/**
 * The package's years, written where the store has no row or a package row that differs (a newer
 * package corrected it); a year an operator entered is never overwritten. Answers the years written.
 */
export async function seedYears(
  q: Queryable,
  years: readonly CalendarArrangement[],
  source: string,
  at: Date,
): Promise<number[]> {
  const rows = years.map((y) => ({ year: y.year, off: y.off, makeup: y.makeup }));
  const written = await q.query<{ year: number }>(
    sql`INSERT INTO calendar_years (year, source, off_days, makeup_days, origin, updated_at)
      SELECT r.year, ${source}, r.off, r.makeup, 'package', ${at}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(year int, off jsonb, makeup jsonb)
      ON CONFLICT (year) DO UPDATE SET source = excluded.source, off_days = excluded.off_days,
        makeup_days = excluded.makeup_days, updated_at = excluded.updated_at
      WHERE calendar_years.origin = 'package'
        AND (calendar_years.off_days <> excluded.off_days OR calendar_years.makeup_days <> excluded.makeup_days)
      RETURNING year`,
  );
  if (written.length) await q.query(bumpVersion);
  return written.map((r) => r.year);
}

/** An operator's arrangement of one year; false when the store already held exactly this one. */
export async function saveYear(
  q: Queryable,
  y: { year: number; source: string; off: readonly string[]; makeup: readonly string[] },
  by: string,
  at: Date,
): Promise<boolean> {
  const off = JSON.stringify(y.off);
  const makeup = JSON.stringify(y.makeup);
  const written = await q.query(
    sql`INSERT INTO calendar_years (year, source, off_days, makeup_days, origin, entered_by, updated_at)
      VALUES (${y.year}, ${y.source}, ${off}::jsonb, ${makeup}::jsonb, 'operator', ${by}, ${at})
      ON CONFLICT (year) DO UPDATE SET source = excluded.source, off_days = excluded.off_days,
        makeup_days = excluded.makeup_days, origin = 'operator', entered_by = excluded.entered_by,
        updated_at = excluded.updated_at
      WHERE calendar_years.off_days <> excluded.off_days OR calendar_years.makeup_days <> excluded.makeup_days
        OR calendar_years.source <> excluded.source OR calendar_years.origin <> 'operator'
      RETURNING year`,
  );
  if (written.length) await q.query(bumpVersion);
  return written.length > 0;
}
