import { fenToYuan, yuanToFen } from './money';

describe('money', () => {
  it('when yuan are typed with cents, then fen are exact', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('199')).toBe(19900);
    expect(yuanToFen('')).toBeUndefined();
    expect(yuanToFen('1.234')).toBeNaN();
    expect(yuanToFen('abc')).toBeNaN();
  });
  it('when fen are shown, then they read as yuan with two decimals', () => {
    expect(fenToYuan(19900)).toBe('199.00');
    expect(fenToYuan(5)).toBe('0.05');
  });
});
