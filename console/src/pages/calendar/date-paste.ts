/**
 * Dates pasted from the State Council's notice or a spreadsheet: one per line or separated by
 * commas (ASCII or Chinese), semicolons or spaces, written YYYY-MM-DD or YYYY/MM/DD (a one-digit month or day is
 * accepted, as spreadsheets export them). What is not a date comes back as it was typed, so the
 * admin sees and fixes it rather than losing it.
 */
import { isIsoDate, type IsoDate } from '@weiquan/shared';

export interface PastedDates {
  /** each date once, sorted */
  dates: IsoDate[];
  /** the pieces that are not calendar dates, as typed */
  bad: string[];
}

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const SEPARATORS = /[\s,，、;；]+/;

/** A date written either way as 'YYYY-MM-DD', or null when it is none (Feb 30 included). */
export function normaliseDate(piece: string): IsoDate | null {
  const m = DATE.exec(piece.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function parsePastedDates(text: string): PastedDates {
  const dates = new Set<IsoDate>();
  const bad: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const piece = raw.trim();
    if (!piece) continue;
    const date = normaliseDate(piece);
    if (date) dates.add(date);
    else bad.push(piece);
  }
  return { dates: [...dates].sort(), bad };
}
