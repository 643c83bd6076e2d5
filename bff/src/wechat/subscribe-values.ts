/**
 * Shapes values to WeChat's subscribe-message limits (a value over its limit fails the whole send with
 * 47003). Lengths count code points, as WeChat does, not UTF-16 units: an emoji is one character.
 * Cuts happen at grapheme boundaries so no emoji or combined character is split in half.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const HAN = /\p{Script=Han}/u;

const codePoints = (s: string) => Array.from(s).length;

/** At most `max` code points, never splitting a grapheme. */
function cut(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    const len = codePoints(segment);
    if (n + len > max) break;
    out += segment;
    n += len;
  }
  return out;
}

/** Control characters and line breaks become single spaces; WeChat shows one line. */
const oneLine = (s: string) => s.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();

/** `thing`: at most 20 characters; longer text ends with '…' within the 20. */
export function thing(s: string): string {
  const text = oneLine(s);
  if (codePoints(text) <= 20) return text;
  return `${cut(text, 19).trimEnd()}…`;
}

/** `character_string`: at most 32 printable ASCII characters (letters, digits, symbols). */
export function characterString(s: string): string {
  return s.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
}

/** `phrase`: at most 5 Chinese characters; anything else is dropped. */
export function phrase(s: string): string {
  return Array.from(s)
    .filter((c) => HAN.test(c))
    .slice(0, 5)
    .join('');
}

const BEIJING_OFFSET_MS = 8 * 3600_000; // China has no daylight saving time
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `time`: '2026年11月24日 10:00' in Beijing time, whatever the server's time zone. */
export function time(d: Date): string {
  const b = new Date(d.getTime() + BEIJING_OFFSET_MS);
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad2(b.getUTCHours())}:${pad2(b.getUTCMinutes())}`;
}

/** `amount`: fen to '399.00元'. WeChat allows at most 10 digits, so 99,999,999.99 元 at most. */
export function amount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`amount: ${fen} is not a whole, non-negative number of fen`);
  const digits = String(fen).padStart(3, '0');
  if (digits.length > 10) throw new RangeError(`amount: ${fen} fen has more digits than WeChat allows (10)`);
  return `${digits.slice(0, -2)}.${digits.slice(-2)}元`;
}

/**
 * `name`: WeChat takes either only Chinese characters (<= 10) or only letters and symbols (<= 20);
 * a mixed name keeps its Chinese characters. Both cases are cut to 10.
 */
export function name(s: string): string {
  const chars = Array.from(oneLine(s));
  if (chars.some((c) => HAN.test(c)))
    return chars
      .filter((c) => HAN.test(c))
      .slice(0, 10)
      .join('');
  return chars
    .filter((c) => /^[A-Za-z\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(c))
    .join('')
    .trim()
    .slice(0, 10)
    .trim();
}
