import { describe, expect, it } from 'vitest';
import { addDates, bodyOf, draftOf, sameDraft, toggleDay } from './calendar-draft';

describe('the calendar draft', () => {
  it('when a year has no arrangement yet, then the draft starts with the statutory fixed holidays off', () => {
    expect(draftOf(2027, undefined)).toEqual({
      source: '',
      off: ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'],
      makeup: [],
    });
  });

  it('when a stored year is opened, then its days and notice are the draft', () => {
    const stored = {
      year: 2026,
      source: '国办发明电〔2025〕7号',
      days: { off: ['2026-01-02', '2026-01-01'], makeup: ['2026-01-04'] },
    };
    expect(draftOf(2026, stored)).toEqual({
      source: '国办发明电〔2025〕7号',
      off: ['2026-01-01', '2026-01-02'],
      makeup: ['2026-01-04'],
    });
  });

  it('when a day is ticked twice, then it is marked and then unmarked', () => {
    const start = draftOf(2027, undefined);
    const ticked = toggleDay(start, '2027-01-25', 'off');
    expect(ticked.off).toContain('2027-01-25');
    expect(toggleDay(ticked, '2027-01-25', 'off')).toEqual(start);
  });

  it('when a day off is ticked as a make-up day, then it leaves the days off (never both)', () => {
    const d = toggleDay(addDates(draftOf(2027, undefined), ['2027-01-30'], 'off'), '2027-01-30', 'makeup');
    expect(d.off).not.toContain('2027-01-30');
    expect(d.makeup).toEqual(['2027-01-30']);
  });

  it('when pasted dates are added, then they are sorted once into the list and out of the other', () => {
    const d = addDates(
      { source: 'x', off: ['2027-01-01'], makeup: ['2027-01-09'] },
      ['2027-01-09', '2027-01-01', '2027-01-08'],
      'off',
    );
    expect(d).toEqual({ source: 'x', off: ['2027-01-01', '2027-01-08', '2027-01-09'], makeup: [] });
  });

  it('when only spaces around the notice differ, then the drafts save the same, and the body is trimmed', () => {
    const a = { source: '通知 ', off: ['2027-01-01'], makeup: [] };
    expect(sameDraft(a, { ...a, source: ' 通知' })).toBe(true);
    expect(sameDraft(a, { ...a, makeup: ['2027-01-09'] })).toBe(false);
    expect(bodyOf(a)).toEqual({ source: '通知', off: ['2027-01-01'], makeup: [] });
  });
});
