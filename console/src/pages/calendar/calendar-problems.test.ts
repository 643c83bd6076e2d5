import { describe, expect, it } from 'vitest';
import { dateProblems } from './calendar-problems';

describe('calendar problems in plain Chinese', () => {
  it('when the BFF names each bad date, then each reads in Chinese with its date', () => {
    // the messages as shared/src/calendar-arrangement.ts writes them
    expect(
      dateProblems([
        { path: 'off.6', message: '2028-01-01 lies outside 2027' },
        { path: 'off.7', message: '2027-13-01 is not a calendar date' },
        { path: 'makeup.0', message: '2027-01-25 is a make-up day but not a Saturday or Sunday' },
        { path: 'makeup.1', message: '2027-01-30 is both a day off and a make-up day' },
        { path: 'off', message: '2027-10-02 (国庆节) is a statutory holiday and must be off' },
      ]),
    ).toEqual([
      { date: '2028-01-01', text: '2028-01-01 不在 2027 年内' },
      { date: '2027-13-01', text: '2027-13-01 不是有效日期' },
      { date: '2027-01-25', text: '2027-01-25 不是周六或周日，不能设为调休上班日（班）' },
      { date: '2027-01-30', text: '2027-01-30 同时被设为放假日和调休上班日，只能选一种' },
      { date: '2027-10-02', text: '2027-10-02（国庆节）是法定节假日，必须放假' },
    ]);
  });

  it('when the notice is empty or a detail is not one of the date rules, then it is still said in Chinese', () => {
    expect(
      dateProblems([
        { path: 'source', message: 'Too small: expected string to have >=1 characters' },
        { path: 'makeup.2', message: 'must be a date YYYY-MM-DD' },
        { path: 'year', message: 'Too big' },
      ]),
    ).toEqual([
      { date: null, text: '请填写通知来源（标题或文号）' },
      { date: null, text: '调休上班日第 3 项格式有误（应为 YYYY-MM-DD）' },
      { date: null, text: '日历内容填写有误，请检查后重新预览' },
    ]);
  });
});
