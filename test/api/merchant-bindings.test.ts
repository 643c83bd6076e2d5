import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  loginStaffAs,
  uniqueName,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const MAX_USERS = 3;

// A merchant role lasts exactly as long as the user's binding: every refresh and every merchant
// request checks the binding as it is now (cached for at most 10 s across instances), and re-binding
// or unbinding ends the old merchant's sessions.
for (const store of storeKinds()) {
  describe(`merchant bindings (${store})`, () => {
    let app: TestApp;
    let staff: string;
    before(async () => {
      app = await startTestApp({ store, env: { BINDING_CODE_MAX_USERS: String(MAX_USERS) } });
      staff = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    const expect401 = (res: { status: number; body: any }, what: string) => {
      assert.equal(res.status, 401, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'UNAUTHENTICATED', what);
    };

    test("when a user re-binds from merchant A to B, then A's refresh and access tokens are 401 and B's work", async () => {
      const a = await createMerchant(app);
      const b = await createMerchant(app);
      const consumer = await loginConsumer(app);
      const complaint = await fileComplaint(app, consumer.accessToken, { merchant: { id: a.id } });
      const name = uniqueName('shop');
      const asA = await loginMerchant(app, a, name);
      assert.equal((await app.api.get(`/cases/${complaint.id}`, { token: asA.accessToken })).status, 200);

      const asB = await loginMerchant(app, b, name);
      assert.equal(asB.user.merchantId, b.id);
      expect401(await app.api.post('/auth/refresh', { refreshToken: asA.refreshToken }), "A's refresh token");
      expect401(await app.api.get(`/cases/${complaint.id}`, { token: asA.accessToken }), "A's access token");
      expect401(await app.api.get('/cases', { token: asA.accessToken }), "A's access token, list");
      expect401(
        await app.api.post(
          `/cases/${complaint.id}/actions`,
          { type: 'message', text: '您好，我们已收到。' },
          { token: asA.accessToken },
        ),
        "A's access token, message",
      );

      assert.equal((await app.api.get('/cases', { token: asB.accessToken })).status, 200);
      const refreshed = await app.api.post('/auth/refresh', { refreshToken: asB.refreshToken });
      assert.equal(refreshed.status, 200);
      assert.equal(refreshed.body.user.merchantId, b.id);
      // The same user's consumer role is untouched.
      assert.equal((await app.api.get('/me', { token: consumer.accessToken })).status, 200);
    });

    test("when staff unbind a user, then it is a 204 and that user's merchant tokens are 401 on this instance at once and on another within 10 seconds", async () => {
      const m = await createMerchant(app);
      const name = uniqueName('shop');
      const shop = await loginMerchant(app, m, name);
      const other = await startTestApp({
        store,
        database: app.database,
        dataDir: app.dataDir,
        clock: app.clock,
      });
      try {
        assert.equal(
          (await other.api.get('/cases', { token: shop.accessToken })).status,
          200,
          'B has seen the binding',
        );
        const res = await app.api.request(
          'DELETE',
          `/staff/merchants/${m.id}/bindings/${shop.user.id}`,
          undefined,
          {
            token: staff,
          },
        );
        assert.equal(res.status, 204, JSON.stringify(res.body));
        expect401(await app.api.get('/cases', { token: shop.accessToken }), 'this instance');
        expect401(
          await other.api.post('/auth/refresh', { refreshToken: shop.refreshToken }),
          'refresh anywhere',
        );
        app.clock.advance(10_000);
        expect401(await other.api.get('/cases', { token: shop.accessToken }), 'another instance after 10 s');

        const me = await app.api.post('/auth/wechat', { code: `dev:${name}` });
        assert.equal(me.body.user.merchantBound, false, 'the user is no longer bound');
        const again = await app.api.post('/auth/wechat', { code: `dev:${name}`, as: 'merchant' });
        assert.equal(again.status, 403);
        const twice = await app.api.request(
          'DELETE',
          `/staff/merchants/${m.id}/bindings/${shop.user.id}`,
          undefined,
          {
            token: staff,
          },
        );
        assert.equal(twice.status, 404, 'a user not bound to this merchant');
      } finally {
        await other.stop();
      }
    });

    test('when staff issue a new binding code, then the old one stops working and the new one binds', async () => {
      const m = await createMerchant(app);
      const rotated = await app.api.post(`/staff/merchants/${m.id}/binding-code`, undefined, {
        token: staff,
      });
      assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
      assert.match(rotated.body.bindingCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      assert.notEqual(rotated.body.bindingCode, m.bindingCode);
      const user = await loginConsumer(app);
      const old = await app.api.post(
        '/merchant/bind',
        { bindingCode: m.bindingCode },
        { token: user.accessToken },
      );
      assert.equal(old.status, 400);
      assert.equal(old.body.error.code, 'VALIDATION_FAILED');
      const bound = await app.api.post(
        '/merchant/bind',
        { bindingCode: rotated.body.bindingCode },
        { token: user.accessToken },
      );
      assert.equal(bound.status, 200);
      assert.equal(bound.body.user.merchantId, m.id);
      // Users bound before the rotation stay bound: the code admits, the binding lasts.
      assert.equal((await app.api.get('/cases', { token: bound.body.accessToken })).status, 200);

      assert.equal(
        (await app.api.post(`/staff/merchants/${randomUUID()}/binding-code`, undefined, { token: staff }))
          .status,
        404,
      );
      for (const role of ['handler', 'supervisor'] as const) {
        const other = (await loginStaffAs(app, role)).accessToken;
        const denied = await app.api.post(`/staff/merchants/${m.id}/binding-code`, undefined, {
          token: other,
        });
        assert.equal(denied.status, 403, `a ${role} may not issue binding codes`);
        const unbind = await app.api.request(
          'DELETE',
          `/staff/merchants/${m.id}/bindings/${bound.body.user.id}`,
          undefined,
          {
            token: other,
          },
        );
        assert.equal(unbind.status, 403, `a ${role} may not unbind`);
      }
      const shop = await loginMerchant(app, { ...m, bindingCode: rotated.body.bindingCode });
      assert.equal(
        (await app.api.post(`/staff/merchants/${m.id}/binding-code`, undefined, { token: shop.accessToken }))
          .status,
        403,
      );
    });

    test(`when a binding code has bound ${MAX_USERS} users, then the next user is refused, the same user binding again is not counted, and a new code admits more`, async () => {
      const m = await createMerchant(app);
      const first = await loginConsumer(app);
      for (let i = 0; i < 2; i++) {
        const res = await app.api.post(
          '/merchant/bind',
          { bindingCode: m.bindingCode },
          { token: first.accessToken },
        );
        assert.equal(res.status, 200, 'binding again with the same code');
      }
      for (let i = 1; i < MAX_USERS; i++) {
        const u = await loginConsumer(app);
        const res = await app.api.post(
          '/merchant/bind',
          { bindingCode: m.bindingCode },
          { token: u.accessToken },
        );
        assert.equal(res.status, 200, `user ${i + 1}`);
      }
      const late = await loginConsumer(app);
      const refused = await app.api.post(
        '/merchant/bind',
        { bindingCode: m.bindingCode },
        { token: late.accessToken },
      );
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'VALIDATION_FAILED');
      assert.equal(refused.body.error.details[0].path, 'bindingCode');
      const lateMe = await app.api.get('/me', { token: late.accessToken });
      assert.equal(lateMe.body.user.merchantBound, false, 'nothing was bound');

      const rotated = await app.api.post(`/staff/merchants/${m.id}/binding-code`, undefined, {
        token: staff,
      });
      const admitted = await app.api.post(
        '/merchant/bind',
        { bindingCode: rotated.body.bindingCode },
        { token: late.accessToken },
      );
      assert.equal(admitted.status, 200);
    });

    test('when many users race to bind with the last use of a code, then exactly one is admitted', async () => {
      const m = await createMerchant(app);
      for (let i = 1; i < MAX_USERS; i++) await loginMerchant(app, m);
      const racers = await Promise.all(Array.from({ length: 6 }, () => loginConsumer(app)));
      const answers = await Promise.all(
        racers.map((u) =>
          app.api.post('/merchant/bind', { bindingCode: m.bindingCode }, { token: u.accessToken }),
        ),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 400, 400, 400, 400, 400]);
    });
  });
}
