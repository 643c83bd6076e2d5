import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, createSign } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createMerchant, loginConsumer, loginMerchant, loginStaff, uniqueName } from '../support/factories';
import { STAFF, startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const SECRET = 'test-secret-for-forged-tokens-0123456789abcdef';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A JWT built by hand, so that tests can forge what the BFF must refuse. */
function forge(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  sign: 'none' | { hmac: 'sha256' | 'sha384'; key: string } | { rsa: string },
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  if (sign === 'none') return `${input}.`;
  if ('hmac' in sign) return `${input}.${createHmac(sign.hmac, sign.key).update(input).digest('base64url')}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(sign.rsa, 'base64url')}`;
}

function expectUnauthenticated(res: { status: number; body: any }, why: string) {
  assert.equal(res.status, 401, `${why}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.error.code, 'UNAUTHENTICATED', why);
}

for (const store of storeKinds()) {
  describe(`tokens and logins (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, env: { JWT_SECRET: SECRET } });
    });
    after(() => app.close());

    const validClaims = (sub: string) => {
      const now = Math.floor(Date.now() / 1000);
      return { role: 'consumer', sub, iss: 'weiquan', aud: 'weiquan-api', iat: now, exp: now + 600 };
    };

    test('when a refresh token is used, then it rotates: the new one works and the old one is spent', async () => {
      const login = await loginConsumer(app);
      const first = await app.api.post('/auth/refresh', { refreshToken: login.refreshToken });
      assert.equal(first.status, 200);
      assert.notEqual(first.body.refreshToken, login.refreshToken);
      assert.equal(first.body.user.id, login.user.id);
      const me = await app.api.get('/me', { token: first.body.accessToken });
      assert.equal(me.status, 200);
      const second = await app.api.post('/auth/refresh', { refreshToken: first.body.refreshToken });
      assert.equal(second.status, 200);
    });

    test('when a spent refresh token is presented again, then it is a 401 and its whole family is revoked, the rotated one too', async () => {
      const name = uniqueName();
      const login = await loginConsumer(app, name);
      const rotated = await app.api.post('/auth/refresh', { refreshToken: login.refreshToken });
      assert.equal(rotated.status, 200);
      expectUnauthenticated(
        await app.api.post('/auth/refresh', { refreshToken: login.refreshToken }),
        'reuse of a spent token',
      );
      expectUnauthenticated(
        await app.api.post('/auth/refresh', { refreshToken: rotated.body.refreshToken }),
        'the rotated token after reuse',
      );
      // Another login of the same user is another family: unaffected.
      const other = await app.api.post('/auth/wechat', { code: `dev:${name}` });
      assert.equal(other.status, 200);
      assert.equal(
        (await app.api.post('/auth/refresh', { refreshToken: other.body.refreshToken })).status,
        200,
      );
      // Access tokens already issued stay valid until they expire (contract).
      assert.equal((await app.api.get('/me', { token: rotated.body.accessToken })).status, 200);
    });

    test('when a refresh token is unknown or malformed, then it is a 401 or a 400, never a 5xx', async () => {
      expectUnauthenticated(
        await app.api.post('/auth/refresh', { refreshToken: 'x'.repeat(43) }),
        'unknown token',
      );
      assert.equal((await app.api.post('/auth/refresh', { refreshToken: 42 })).status, 400);
      assert.equal((await app.api.post('/auth/refresh', {})).status, 400);
    });

    test('when the refresh token of a merchant rotates, then the new tokens still act as that merchant', async () => {
      const merchant = await createMerchant(app);
      const shop = await loginMerchant(app, merchant);
      const r = await app.api.post('/auth/refresh', { refreshToken: shop.refreshToken });
      assert.equal(r.status, 200);
      assert.equal(r.body.user.role, 'merchant');
      assert.equal(r.body.user.merchantId, merchant.id);
    });

    test('when a token says alg none, RS256 or HS384, then it is a 401 even with valid claims', async () => {
      const { user } = await loginConsumer(app);
      const claims = validClaims(user.id);
      // The control: the same claims, HS256 with the real secret, are accepted.
      const good = forge({ alg: 'HS256', typ: 'JWT' }, claims, { hmac: 'sha256', key: SECRET });
      assert.equal((await app.api.get('/me', { token: good })).status, 200, 'control token');

      expectUnauthenticated(
        await app.api.get('/me', { token: forge({ alg: 'none', typ: 'JWT' }, claims, 'none') }),
        'alg none',
      );
      expectUnauthenticated(
        await app.api.get('/me', { token: forge({ alg: 'NONE', typ: 'JWT' }, claims, 'none') }),
        'alg NONE',
      );
      expectUnauthenticated(
        await app.api.get('/me', {
          token: forge({ alg: 'HS384', typ: 'JWT' }, claims, { hmac: 'sha384', key: SECRET }),
        }),
        'HS384',
      );
      // Algorithm confusion: RS256 whose "signature" is an HMAC under the secret used as a public key.
      expectUnauthenticated(
        await app.api.get('/me', {
          token: forge({ alg: 'RS256', typ: 'JWT' }, claims, { hmac: 'sha256', key: SECRET }),
        }),
        'RS256/HMAC confusion',
      );
      const { privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      expectUnauthenticated(
        await app.api.get('/me', { token: forge({ alg: 'RS256', typ: 'JWT' }, claims, { rsa: privateKey }) }),
        'RS256 with a foreign key',
      );
    });

    test('when a token has the wrong issuer, audience, signature, or has expired, then it is a 401', async () => {
      const { user } = await loginConsumer(app);
      const hs = (claims: Record<string, unknown>) =>
        forge({ alg: 'HS256', typ: 'JWT' }, claims, { hmac: 'sha256', key: SECRET });
      const claims = validClaims(user.id);
      const now = Math.floor(Date.now() / 1000);
      expectUnauthenticated(
        await app.api.get('/me', { token: hs({ ...claims, iss: 'someone-else' }) }),
        'wrong issuer',
      );
      expectUnauthenticated(
        await app.api.get('/me', { token: hs({ ...claims, aud: 'another-api' }) }),
        'wrong audience',
      );
      const { iss: _i, ...noIssuer } = claims;
      expectUnauthenticated(await app.api.get('/me', { token: hs(noIssuer) }), 'no issuer');
      expectUnauthenticated(
        await app.api.get('/me', { token: hs({ ...claims, iat: now - 1000, exp: now - 60 }) }),
        'expired',
      );
      const { exp: _e, ...noExpiry } = claims;
      assert.equal(
        (await app.api.get('/me', { token: hs(noExpiry) })).status,
        401,
        'no expiry: a token that never ends is refused',
      );
      expectUnauthenticated(
        await app.api.get('/me', {
          token: forge({ alg: 'HS256', typ: 'JWT' }, claims, { hmac: 'sha256', key: `${SECRET}x` }),
        }),
        'wrong key',
      );
      expectUnauthenticated(
        await app.api.get('/me', { token: hs({ ...claims, role: 'root' }) }),
        'unknown role',
      );
      expectUnauthenticated(
        await app.api.get('/me', { token: hs({ ...claims, role: 'merchant' }) }),
        'merchant role without a merchant id',
      );
      expectUnauthenticated(
        await app.api.get('/me', { headers: { authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' } }),
        'not a bearer token',
      );
      expectUnauthenticated(
        await app.api.get('/me', { headers: { authorization: 'Bearer ' } }),
        'empty bearer',
      );
    });

    test('when a staff login has a wrong username or a wrong password, then both answers are the same 401', async () => {
      const wrongUser = await app.api.post('/auth/staff', {
        username: uniqueName('nobody'),
        password: STAFF.password,
      });
      const wrongPassword = await app.api.post('/auth/staff', {
        username: STAFF.username,
        password: 'not-the-password',
      });
      expectUnauthenticated(wrongUser, 'wrong username');
      expectUnauthenticated(wrongPassword, 'wrong password');
      assert.deepEqual(wrongUser.body, wrongPassword.body);
      assert.equal((await loginStaff(app)).user.role, 'staff');
    });

    test('when an unbound user logs in as merchant, then it is refused (403) and a bound one gets merchant tokens', async () => {
      const name = uniqueName();
      const res = await app.api.post('/auth/wechat', { code: `dev:${name}`, as: 'merchant' });
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'FORBIDDEN');
      const merchant = await createMerchant(app);
      await loginMerchant(app, merchant, name);
      const again = await app.api.post('/auth/wechat', { code: `dev:${name}`, as: 'merchant' });
      assert.equal(again.status, 200);
      assert.equal(again.body.user.role, 'merchant');
      const asConsumer = await app.api.post('/auth/wechat', { code: `dev:${name}` });
      assert.equal(asConsumer.body.user.role, 'consumer', 'the default role stays consumer');
    });
  });
}
