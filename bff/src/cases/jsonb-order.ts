/**
 * A JSON value with its object keys in jsonb's order (shorter first, then bytewise) and undefined
 * members dropped, as it reads back from a jsonb column: answers built from what was written then
 * equal later reads of it, key order included (the sealed answers that replays send).
 */
const jsonbKeyOrder = (a: string, b: string) =>
  Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));

export function asJsonb<T>(v: T): T {
  if (Array.isArray(v)) return v.map(asJsonb) as T;
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(jsonbKeyOrder))
    if ((v as Record<string, unknown>)[k] !== undefined) out[k] = asJsonb((v as Record<string, unknown>)[k]);
  return out as T;
}
