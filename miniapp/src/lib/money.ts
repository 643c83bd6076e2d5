/** Money travels as integer fen; people type yuan. String arithmetic avoids float rounding (0.29 * 100). */
export function yuanToFen(input: string): number | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function fenToYuan(fen: number | undefined | null): string {
  if (fen === undefined || fen === null) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${cents}`;
}
