import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loginConsumer, loginStaff, loginStaffAs, uniqueName } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const account = (staffRole: string, over: Record<string, unknown> = {}) => ({
  username: uniqueName('clerk'),
  displayName: '李承办',
  staffRole,
  password: 'a-long-password-1',
  ...over,
});

for (const store of storeKinds()) {
  describe(`staff accounts and roles (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store });
    });
    after(() => app.close());

    test('when the bootstrap account logs in, then it is an admin, in the token answer and in /me', async () => {
      const admin = await loginStaff(app);
      assert.equal(admin.user.staffRole, 'admin');
      assert.equal(typeof admin.user.displayName, 'string');
      const me = await app.api.get('/me', { token: admin.accessToken });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.staffRole, 'admin');
      assert.equal(me.body.user.role, 'staff');
    });

    test('when an admin creates a handler, then it answers 201 and the handler logs in as a handler with its display name', async () => {
      const admin = await loginStaff(app);
      const body = account('handler', { displayName: '王小明' });
      const created = await app.api.post('/staff/accounts', body, { token: admin.accessToken });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(
        { ...created.body, id: undefined, createdAt: undefined },
        {
          id: undefined,
          createdAt: undefined,
          username: body.username,
          displayName: '王小明',
          staffRole: 'handler',
          active: true,
        },
      );
      assert.ok(!('password' in created.body) && !('passwordHash' in created.body));
      const login = await app.api.post('/auth/staff', { username: body.username, password: body.password });
      assert.equal(login.status, 200);
      assert.deepEqual(
        {
          role: login.body.user.role,
          staffRole: login.body.user.staffRole,
          displayName: login.body.user.displayName,
        },
        { role: 'staff', staffRole: 'handler', displayName: '王小明' },
      );
      const list = await app.api.get('/staff/accounts', { token: login.body.accessToken });
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((a: { id: string }) => a.id === created.body.id));
    });

    test('when the username is taken, then it is 409 CONFLICT and nothing changes', async () => {
      const admin = await loginStaff(app);
      const body = account('handler');
      assert.equal((await app.api.post('/staff/accounts', body, { token: admin.accessToken })).status, 201);
      const again = await app.api.post(
        '/staff/accounts',
        { ...body, displayName: '另一个人', password: 'another-password-2' },
        { token: admin.accessToken },
      );
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'CONFLICT');
      const login = await app.api.post('/auth/staff', { username: body.username, password: body.password });
      assert.equal(login.status, 200, 'the first account keeps its password');
    });

    test('when a password is shorter than 12 characters or the role unknown, then it is a 400 naming the field', async () => {
      const admin = await loginStaff(app);
      const short = await app.api.post('/staff/accounts', account('handler', { password: 'short-pw-11' }), {
        token: admin.accessToken,
      });
      assert.equal(short.status, 400);
      assert.deepEqual(
        short.body.error.details.map((d: { path: string }) => d.path),
        ['password'],
      );
      const role = await app.api.post('/staff/accounts', account('boss'), { token: admin.accessToken });
      assert.equal(role.status, 400);
      assert.deepEqual(
        role.body.error.details.map((d: { path: string }) => d.path),
        ['staffRole'],
      );
    });

    test('when a handler, a supervisor or a consumer tries to create or change an account, then it is 403, and anonymous 401', async () => {
      const handler = await loginStaffAs(app, 'handler');
      const supervisor = await loginStaffAs(app, 'supervisor');
      const consumer = await loginConsumer(app);
      for (const who of [handler, supervisor, consumer]) {
        const create = await app.api.post('/staff/accounts', account('admin'), { token: who.accessToken });
        assert.equal(create.status, 403, JSON.stringify(create.body));
        const change = await app.api.put(
          `/staff/accounts/${handler.user.id}`,
          { staffRole: 'admin' },
          { token: who.accessToken },
        );
        assert.equal(change.status, 403);
      }
      assert.equal((await app.api.get('/staff/accounts', { token: consumer.accessToken })).status, 403);
      assert.equal((await app.api.get('/staff/accounts')).status, 401);
      assert.equal((await app.api.post('/staff/accounts', account('admin'))).status, 401);
    });

    test('when an admin makes a handler a supervisor, then the handler’s very next request acts as a supervisor', async () => {
      const admin = await loginStaff(app);
      const handler = await loginStaffAs(app, 'handler');
      assert.equal((await app.api.get('/me', { token: handler.accessToken })).body.user.staffRole, 'handler');
      const changed = await app.api.put(
        `/staff/accounts/${handler.user.id}`,
        { staffRole: 'supervisor', displayName: '赵科长' },
        { token: admin.accessToken },
      );
      assert.equal(changed.status, 200);
      assert.equal(changed.body.staffRole, 'supervisor');
      const me = await app.api.get('/me', { token: handler.accessToken });
      assert.deepEqual([me.body.user.staffRole, me.body.user.displayName], ['supervisor', '赵科长']);
    });

    test('when an admin resets a password, then the old one no longer logs in and the new one does', async () => {
      const admin = await loginStaff(app);
      const handler = await loginStaffAs(app, 'handler');
      const res = await app.api.put(
        `/staff/accounts/${handler.user.id}`,
        { password: 'brand-new-password-9' },
        { token: admin.accessToken },
      );
      assert.equal(res.status, 200);
      assert.equal(
        (await app.api.post('/auth/staff', { username: handler.username, password: handler.password }))
          .status,
        401,
      );
      assert.equal(
        (await app.api.post('/auth/staff', { username: handler.username, password: 'brand-new-password-9' }))
          .status,
        200,
      );
      assert.equal((await app.api.post('/auth/refresh', { refreshToken: handler.refreshToken })).status, 401);
    });

    test('when an admin tries to deactivate or demote their own account, then it is 409 and the account stays', async () => {
      const admin = await loginStaff(app);
      for (const body of [{ active: false }, { staffRole: 'handler' }]) {
        const res = await app.api.put(`/staff/accounts/${admin.user.id}`, body, { token: admin.accessToken });
        assert.equal(res.status, 409);
        assert.equal(res.body.error.code, 'ACTION_NOT_ALLOWED');
      }
      assert.equal((await app.api.get('/me', { token: admin.accessToken })).body.user.staffRole, 'admin');
    });

    test('when an account id is unknown or malformed, then PUT is a 404', async () => {
      const admin = await loginStaff(app);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await app.api.put(
          `/staff/accounts/${id}`,
          { displayName: 'x' },
          { token: admin.accessToken },
        );
        assert.equal(res.status, 404);
      }
    });

    test('when an admin deactivates an account, then it cannot log in, its refresh token is refused, and every BFF refuses its access token within 10 seconds', async () => {
      // A second BFF over the same store and secrets, with its own clock and its own account cache.
      const other = await startTestApp({ store, database: app.database, dataDir: app.dataDir });
      try {
        const admin = await loginStaff(app);
        const handler = await loginStaffAs(app, 'handler');
        // The other BFF has seen the account active (and remembers it for a few seconds).
        assert.equal((await other.api.get('/cases', { token: handler.accessToken })).status, 200);
        const off = await app.api.put(
          `/staff/accounts/${handler.user.id}`,
          { active: false },
          { token: admin.accessToken },
        );
        assert.equal(off.status, 200);
        assert.equal(off.body.active, false);
        // On the BFF that made the change: at once.
        const here = await app.api.get('/cases', { token: handler.accessToken });
        assert.equal(here.status, 401);
        assert.equal(here.body.error.code, 'UNAUTHENTICATED');
        // On the other one: once 10 seconds have passed, whatever it remembered.
        other.clock.advance(10_000);
        const there = await other.api.get('/cases', { token: handler.accessToken });
        assert.equal(there.status, 401);
        assert.equal(there.body.error.code, 'UNAUTHENTICATED');
        const login = await app.api.post('/auth/staff', {
          username: handler.username,
          password: handler.password,
        });
        assert.equal(login.status, 401);
        assert.equal(login.body.error.message, 'Wrong username or password');
        assert.equal(
          (await app.api.post('/auth/refresh', { refreshToken: handler.refreshToken })).status,
          401,
        );
        // Reactivated: logs in again.
        await app.api.put(
          `/staff/accounts/${handler.user.id}`,
          { active: true },
          { token: admin.accessToken },
        );
        assert.equal(
          (await app.api.post('/auth/staff', { username: handler.username, password: handler.password }))
            .status,
          200,
        );
      } finally {
        await other.stop();
      }
    });
  });
}
