import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { createPiiCipher } from './pii-cipher';

describe('pii-cipher', () => {
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };

  test('when a value is sealed, then the sealed text names its key and holds no plaintext, and opens back', () => {
    const c = createPiiCipher({ current: k1 });
    const sealed = c.seal('13812348000');
    assert.match(sealed, /^v1\.k1\./);
    assert.doesNotMatch(sealed, /13812348000/);
    assert.notEqual(c.seal('13812348000'), sealed, 'a fresh IV every time');
    assert.equal(c.open(sealed), '13812348000');
  });

  test('when thousands of values are sealed (several IV pools), then no IV repeats and each opens back', () => {
    const c = createPiiCipher({ current: k1 });
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const sealed = c.seal(`138${String(i).padStart(8, '0')}`);
      const iv = sealed.split('.')[2];
      assert.equal(Buffer.from(iv, 'base64url').length, 12);
      assert.ok(!ivs.has(iv), `IV repeated at seal ${i}`);
      ivs.add(iv);
      assert.equal(c.open(sealed), `138${String(i).padStart(8, '0')}`);
    }
  });

  test('when the key rotates, then old values open with the previous key and new ones use the new key', () => {
    const old = createPiiCipher({ current: k1 }).sealJson({ phone: '13812348000' });
    const rotated = createPiiCipher({ current: k2, previous: [k1] });
    assert.deepEqual(rotated.openJson(old), { phone: '13812348000' });
    assert.match(rotated.seal('x'), /^v1\.k2\./);
    assert.throws(
      () => createPiiCipher({ current: k2 }).open(old),
      /unknown version or key id/,
      'without the previous key, old values do not open',
    );
  });

  test('when a sealed value is tampered with, then opening fails', () => {
    const c = createPiiCipher({ current: k1 });
    const parts = c.seal('13812348000').split('.');
    const ct = Buffer.from(parts[4], 'base64url');
    ct[0] ^= 1;
    parts[4] = ct.toString('base64url');
    assert.throws(() => c.open(parts.join('.')));
  });
});
