/** A published rate (0..1, null when nothing was due) as people read it: 99.5%, or a dash. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
