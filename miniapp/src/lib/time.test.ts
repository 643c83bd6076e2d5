import { beijingDateTime, beijingDay } from './time';

describe('Beijing time', () => {
  it('when an instant is written in UTC, then it shows in Beijing time', () => {
    expect(beijingDateTime('2026-11-24T16:30:00Z')).toBe('2026-11-25 00:30');
    expect(beijingDay('2026-12-03T23:59:59+08:00')).toBe('2026-12-03');
  });
});
