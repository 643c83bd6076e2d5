/**
 * Who else is on a case (POST /staff/cases/:id/presence): the case page's heartbeat answers the other
 * staff on the case, with since when and whether they have an action open; a colleague whose beats
 * stop is gone after the freshness window. Kept in the store, not in one BFF's memory.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PRESENCE_FRESH_SECONDS } from '@weiquan/shared';
import { fileComplaint, loginConsumer, loginStaffAs } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

type Login = Awaited<ReturnType<typeof loginStaffAs>>;

for (const store of storeKinds()) {
  describe(`case presence (${store})`, () => {
    let app: TestApp;
    let zhang: Login;
    let li: Login;
    let caseId: string;
    const beat = async (who: Login, body: Record<string, unknown> = {}, id = caseId) => {
      const res = await app.api.post(`/staff/cases/${id}/presence`, body, { token: who.accessToken });
      return res;
    };

    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-12-01T02:00:00Z');
      zhang = await loginStaffAs(app, 'handler', '张三');
      li = await loginStaffAs(app, 'handler', '李四');
      caseId = (await fileComplaint(app, (await loginConsumer(app)).accessToken)).id;
    });
    after(() => app.close());

    test('when a second handler opens a case the first is acting on, then the second is told who and since when, and the first sees the second', async () => {
      const first = await beat(zhang, { acting: true });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(first.body, { viewers: [] });
      app.clock.advance(5_000);
      const second = await beat(li);
      assert.deepEqual(second.body, {
        viewers: [
          { id: zhang.user.id, displayName: '张三', since: '2026-12-01T02:00:00.000Z', acting: true },
        ],
      });
      app.clock.advance(15_000);
      const again = await beat(zhang, { acting: false });
      assert.deepEqual(again.body.viewers, [
        { id: li.user.id, displayName: '李四', since: '2026-12-01T02:00:05.000Z', acting: false },
      ]);
    });

    test('when a colleague’s beats stop for longer than the freshness window, then they are gone, and back with a new since when they return', async () => {
      app.clock.advance((PRESENCE_FRESH_SECONDS - 1) * 1000);
      assert.equal((await beat(li)).body.viewers.length, 1, 'zhang beat 49 s ago: still there');
      app.clock.advance(2_000);
      assert.deepEqual((await beat(li)).body.viewers, [], 'zhang beat 51 s ago: gone');
      const back = await beat(zhang);
      assert.deepEqual(
        back.body.viewers.map((v: { id: string }) => v.id),
        [li.user.id],
      );
      const seen = await beat(li);
      assert.equal(seen.body.viewers[0].since, app.clock.now().toISOString(), 'zhang came back: a new since');
    });

    test('when the case does not exist, then it is a 404 and nothing is kept', async () => {
      assert.equal((await beat(zhang, {}, randomUUID())).status, 404);
      assert.equal((await beat(zhang, {}, 'not-a-uuid')).status, 404);
      assert.equal((await beat(zhang, { acting: 'yes' })).status, 400);
    });
  });
}
