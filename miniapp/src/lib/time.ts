const BEIJING_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, UTC+8 all year

/** `YYYY-MM-DD HH:mm` in Beijing time, whatever offset the ISO string was written with. */
export function beijingDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Beijing calendar date of an instant, `YYYY-MM-DD`. */
export function beijingDay(iso: string): string {
  return beijingDateTime(iso).slice(0, 10);
}
