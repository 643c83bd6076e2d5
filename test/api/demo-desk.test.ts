import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { QUEUE_NAMES } from '@weiquan/shared';
import { seedDemoDesk, type DemoDesk } from '../../bff/src/staff/demo-desk';
import { seedDemo } from '../../bff/src/store/demo-seed';
import { loginConsumer } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

for (const store of storeKinds()) {
  describe(`the demo desk (${store})`, () => {
    let app: TestApp;
    let desk: DemoDesk;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z'); // a Tuesday
      const merchants = await seedDemo(app.services.store.merchants);
      desk = await seedDemoDesk(app.services, merchants[0].id);
    });
    after(() => app.close());

    test('when the demo is seeded, then its handler and supervisor log in with the printed passwords and every queue holds a case', async () => {
      const tokens: Record<string, string> = {};
      for (const a of desk.staff) {
        const login = await app.api.post('/auth/staff', { username: a.username, password: a.password });
        assert.equal(login.status, 200, a.username);
        assert.equal(login.body.user.staffRole, a.staffRole);
        tokens[a.staffRole] = login.body.accessToken;
      }
      const queues = (await app.api.get('/staff/queues', { token: tokens.handler })).body;
      for (const name of QUEUE_NAMES) assert.ok(queues[name] >= 1, `${name}: ${JSON.stringify(queues)}`);
    });

    test('when a caller uses the demo claim code, then the hotline case becomes theirs', async () => {
      assert.ok(desk.claimable);
      const caller = await loginConsumer(app);
      const res = await app.api.post('/cases/claim', desk.claimable, { token: caller.accessToken });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.channel, 'phone');
    });
  });
}
