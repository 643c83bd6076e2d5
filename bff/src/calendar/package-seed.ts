/**
 * Seeds the store with the official arrangements the chinese-days package ships (2004 up to the
 * last year it has been released with), at every start: a year the store lacks is added, a package
 * year a newer package corrected is updated, a year an operator entered is left as it is.
 *
 * We read the package's prebuilt data table rather than calling its functions: the library parses
 * 'YYYY-MM-DD' as UTC but reads dates back with local-time getters, so on a machine west of UTC its
 * isWorkday()/getDayDetail() answer for the wrong day. The JSON table is plain date keys.
 */
import holidayData from 'chinese-days/dist/chinese-days.json';
import packageJson from 'chinese-days/package.json';
import { arrangementsFromPackage } from '@weiquan/shared';
import type { Db } from '../store/db';
import { seedYears } from './calendar-store';

export const PACKAGE_SOURCE = `chinese-days ${packageJson.version}（国务院办公厅节假日安排通知）`;

export async function seedFromPackage(db: Db, at: Date): Promise<number[]> {
  return db.tx((q) => seedYears(q, arrangementsFromPackage(holidayData), PACKAGE_SOURCE, at));
}
