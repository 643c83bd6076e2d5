import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { mock, test } from 'node:test';
import { ACCESS_TOKEN_TTL_SECONDS, createAccessTokens } from './jwt';

const tokens = () => createAccessTokens(createSecretKey(randomBytes(32)));

test('when a verified token comes again before it expires, then it answers the same caller, and after it expires it is refused', () => {
  mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-11-24T02:00:00Z') });
  try {
    const access = tokens();
    const token = access.sign({
      id: '6f1c2c4e-0000-4000-8000-000000000001',
      role: 'merchant',
      merchantId: '6f1c2c4e-0000-4000-8000-000000000002',
    });
    const first = access.verify(token);
    assert.deepEqual(first, {
      id: '6f1c2c4e-0000-4000-8000-000000000001',
      role: 'merchant',
      merchantId: '6f1c2c4e-0000-4000-8000-000000000002',
    });
    assert.ok(Object.isFrozen(first), 'a remembered caller cannot be changed by one request for the next');
    mock.timers.tick((ACCESS_TOKEN_TTL_SECONDS - 1) * 1000);
    assert.equal(access.verify(token), first);
    mock.timers.tick(1000);
    assert.throws(() => access.verify(token), /invalid or expired/);
    assert.throws(() => access.verify(token), /invalid or expired/, 'and stays refused');
  } finally {
    mock.timers.reset();
  }
});

test('when a token is signed with another key, then it is refused even though a token of the same caller was verified', () => {
  const access = tokens();
  const other = tokens();
  const caller = { id: '6f1c2c4e-0000-4000-8000-000000000003', role: 'consumer' as const };
  access.verify(access.sign(caller));
  assert.throws(() => access.verify(other.sign(caller)), /invalid or expired/);
});
