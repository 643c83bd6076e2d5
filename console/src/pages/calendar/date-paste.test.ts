import { describe, expect, it } from 'vitest';
import { normaliseDate, parsePastedDates } from './date-paste';

describe('pasted dates', () => {
  it('when dates come one per line in both spellings, then each is read as YYYY-MM-DD, sorted, once', () => {
    expect(parsePastedDates('2027/01/25\n2027-01-26\r\n2027/1/27\n\n2027-01-25\n')).toEqual({
      dates: ['2027-01-25', '2027-01-26', '2027-01-27'],
      bad: [],
    });
  });

  it('when dates are separated by ASCII or Chinese commas, semicolons or spaces, then every one is read', () => {
    expect(
      parsePastedDates('2027-10-01, 2027-10-02，2027/10/03、2027-10-04；2027-10-05 2027-10-06').dates,
    ).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06']);
  });

  it('when a piece is not a calendar date, then it comes back as typed and the others still count', () => {
    expect(parsePastedDates('2027-02-30\n元旦\n2027-13-01, 2027-05-01, 27-05-02')).toEqual({
      dates: ['2027-05-01'],
      bad: ['2027-02-30', '元旦', '2027-13-01', '27-05-02'],
    });
  });

  it('when a date is written with one-digit month and day, then it is padded; a mixed or short form is refused', () => {
    expect(normaliseDate(' 2028/2/29 ')).toBe('2028-02-29');
    expect(normaliseDate('2027/2/29')).toBeNull();
    expect(normaliseDate('20270101')).toBeNull();
    expect(normaliseDate('')).toBeNull();
  });
});
