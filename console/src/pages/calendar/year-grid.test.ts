import { describe, expect, it } from 'vitest';
import { buildYearGrid, dayKind } from './year-grid';

const marks = (off: string[] = [], makeup: string[] = []) => ({ off: new Set(off), makeup: new Set(makeup) });

describe('the year grid', () => {
  it('when 2027 is drawn, then it has twelve months whose weeks start on Monday and hold every day once', () => {
    const months = buildYearGrid(2027, marks());
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const days = months.flatMap((m) => m.weeks.flat().filter((c) => c !== null));
    expect(days).toHaveLength(365);
    expect(new Set(days.map((d) => d.date)).size).toBe(365);
    // 2027-01-01 is a Friday: four empty cells (Mon-Thu) before it
    expect(months[0].weeks[0].slice(0, 5).map((c) => c?.date ?? null)).toEqual([
      null,
      null,
      null,
      null,
      '2027-01-01',
    ]);
    expect(months.every((m) => m.weeks.every((w) => w.length === 7))).toBe(true);
  });

  it('when a leap year is drawn, then February has 29 days', () => {
    const feb = buildYearGrid(2028, marks())[1];
    expect(
      feb.weeks
        .flat()
        .filter((c) => c !== null)
        .at(-1)?.date,
    ).toBe('2028-02-29');
  });

  it('when days are marked, then off and make-up win over the weekday, and unmarked Saturdays and Sundays are weekends', () => {
    const m = marks(['2027-01-01', '2027-01-30'], ['2027-01-09']);
    expect(dayKind('2027-01-01', m)).toBe('off');
    expect(dayKind('2027-01-30', m)).toBe('off'); // a Saturday inside the break
    expect(dayKind('2027-01-09', m)).toBe('makeup'); // a make-up Saturday
    expect(dayKind('2027-01-10', m)).toBe('weekend');
    expect(dayKind('2027-01-11', m)).toBe('workday');
    const jan = buildYearGrid(2027, m)[0].weeks.flat();
    expect(jan.find((c) => c?.date === '2027-01-09')?.kind).toBe('makeup');
  });
});
