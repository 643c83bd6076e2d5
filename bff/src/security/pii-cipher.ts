import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (phone and ID numbers, and anything holding them) is sealed with
 * AES-256-GCM. Each value carries its key id so that keys can be rotated: new writes use the
 * current key, old values open with the key they name (see docs/adr/0004-personal-data-at-rest.md).
 * Look-ups use a keyed hash (HMAC-SHA256 under a key derived from the same secret), never the value.
 */
export interface PiiCipher {
  seal(plain: string): string;
  open(sealed: string): string;
  sealJson(value: unknown): string;
  openJson<T>(sealed: string): T;
  lookupHash(value: string): string;
}

// GCM IVs: 96 random bits each, cut from a pooled CSPRNG buffer (a fresh pool, never reused, every
// 341 IVs): one randomBytes call per seal cost ~3% of a filing's CPU, two seals each.
const IV_BYTES = 12;
const IV_POOL_BYTES = IV_BYTES * 341;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

export function createPiiCipher(keys: {
  current: { id: string; key: Buffer };
  previous?: { id: string; key: Buffer }[];
}): PiiCipher {
  const byId = new Map([
    [keys.current.id, keys.current.key],
    ...(keys.previous ?? []).map((k) => [k.id, k.key] as const),
  ]);
  const hashKey = Buffer.from(
    hkdfSync('sha256', keys.current.key, Buffer.alloc(0), 'weiquan-lookup-hash', 32),
  );
  const seal = (plain: string) => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      keys.current.id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ct.toString('base64url'),
    ].join('.');
  };
  const open = (sealed: string) => {
    const [version, keyId, iv, tag, ct] = sealed.split('.');
    const key = byId.get(keyId);
    if (version !== 'v1' || !key) throw new Error('sealed value with an unknown version or key id');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  };
  return {
    seal,
    open,
    sealJson: (value) => seal(JSON.stringify(value)),
    openJson: <T>(sealed: string) => JSON.parse(open(sealed)) as T,
    lookupHash: (value) => createHmac('sha256', hashKey).update(value).digest('base64url'),
  };
}
