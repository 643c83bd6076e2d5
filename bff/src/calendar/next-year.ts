/**
 * From November 1 the next year's arrangement is due (the State Council publishes it in the autumn):
 * while it is missing, /readyz says so and every admin gets one inbox notice a day.
 */
import { beijingDate, type WorkingCalendar } from '@weiquan/shared';
import type { Queryable } from '../store/db';
import { sql } from '../store/sql';

/** The year whose arrangement is missing although due by now; null when none is. */
export function missingNextYear(calendar: WorkingCalendar, now: Date): number | null {
  const today = beijingDate(now);
  const next = Number(today.slice(0, 4)) + 1;
  return today.slice(5) >= '11-01' && !calendar.covers(next) ? next : null;
}

/** Today's notice to every active admin (once a day: the source key carries the Beijing date). */
export async function noticeAdmins(q: Queryable, year: number, now: Date): Promise<number> {
  const key = `calendar:missing:${year}:${beijingDate(now)}`;
  const title = `${year}年节假日安排尚未录入`;
  const body =
    `截至今日，系统中没有${year}年的法定节假日安排，跨年的办理期限按固定节日预计计算。` +
    '国务院办公厅通知发布后，请在工作台“工作日历”页录入。';
  const written = await q.query(
    sql`INSERT INTO inbox_notices (source_key, audience, recipient_id, case_id, case_no, type, title, body, created_at)
      SELECT ${key}, 'staff', id, NULL, NULL, 'calendar_year_missing', ${title}, ${body}, ${now}
        FROM staff_accounts WHERE active AND staff_role = 'admin'
      ON CONFLICT (source_key, audience, recipient_id) DO NOTHING RETURNING id`,
  );
  return written.length;
}
