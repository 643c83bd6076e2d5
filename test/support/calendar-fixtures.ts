/**
 * Calendars for tests. OFFICIAL is the package's table (2004-2026, the store is seeded from it).
 * The 2027 arrangements below are HYPOTHETICAL, made up for tests: the State Council has not
 * published 2027's, and these must never be read as a guess at it.
 */
import holidayData from 'chinese-days/dist/chinese-days.json';
import {
  addCalendarDays,
  arrangementsFromPackage,
  createWorkingCalendar,
  type IsoDate,
} from '@weiquan/shared';

export const OFFICIAL_CALENDAR = createWorkingCalendar(arrangementsFromPackage(holidayData));

export const days = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

const FIXED_2027 = [
  ...days('2027-01-01', '2027-01-03'),
  ...days('2027-05-01', '2027-05-05'),
  ...days('2027-10-01', '2027-10-07'),
];

/** Hypothetical 2027, first entry: a winter break Jan 25-31, make-up Saturdays Jan 9 and Jan 23. */
export const HYPOTHETICAL_2027 = {
  source: '测试用假想安排（非官方）第1版',
  off: [...FIXED_2027, ...days('2027-01-25', '2027-01-31')].sort(),
  makeup: ['2027-01-09', '2027-01-23'],
};

/** Hypothetical 2027, "corrected": the make-up Saturday Jan 9 is withdrawn. */
export const HYPOTHETICAL_2027_CORRECTED = {
  ...HYPOTHETICAL_2027,
  source: '测试用假想安排（非官方）第2版',
  makeup: ['2027-01-23'],
};
