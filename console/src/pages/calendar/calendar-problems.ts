/**
 * The BFF's 400 for a year it refuses names each bad date in English (shared/src/calendar-arrangement.ts);
 * the admin reads it here in plain Chinese, each problem with its date so the grid can mark it.
 */
import type { FieldProblem } from '../../api/http';
import { zh } from '../../i18n/zh-Hans';

export interface DateProblem {
  /** the date the problem is about; null for the notice field or an unreadable detail */
  date: string | null;
  text: string;
}

const t = zh.calendar.problems;
const RULES: Array<[RegExp, (m: RegExpExecArray) => DateProblem]> = [
  [/^(\S+) is not a calendar date$/, (m) => ({ date: m[1], text: t.notADate(m[1]) })],
  [/^(\S+) lies outside (\d{4})$/, (m) => ({ date: m[1], text: t.outsideYear(m[1], m[2]) })],
  [
    /^(\S+) is a make-up day but not a Saturday or Sunday$/,
    (m) => ({ date: m[1], text: t.makeupOnWeekday(m[1]) }),
  ],
  [/^(\S+) is both a day off and a make-up day$/, (m) => ({ date: m[1], text: t.both(m[1]) })],
  [
    /^(\S+) \((.+)\) is a statutory holiday and must be off$/,
    (m) => ({ date: m[1], text: t.statutory(m[1], m[2]) }),
  ],
];

export function dateProblems(fields: readonly FieldProblem[]): DateProblem[] {
  return fields.map(({ path, message }) => {
    for (const [pattern, render] of RULES) {
      const m = pattern.exec(message);
      if (m) return render(m);
    }
    // shape errors from the schema: the notice left empty, a date not written YYYY-MM-DD
    if (path === 'source') return { date: null, text: t.source };
    const item = /^(off|makeup)\.(\d+)$/.exec(path);
    if (item) return { date: null, text: t.item(item[1] as 'off' | 'makeup', Number(item[2]) + 1) };
    return { date: null, text: t.other };
  });
}
