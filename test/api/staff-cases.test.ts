import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { CaseView } from '@weiquan/shared';
import {
  act,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  loginStaffAs,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

type Login = Awaited<ReturnType<typeof loginStaffAs>>;
const STAFF_ONLY = ['claim', 'assign', 'unassign', 'note', 'supervise'];

for (const store of storeKinds()) {
  describe(`staff case work: assignment, notes, 督办, bulk, visits (${store})`, () => {
    let app: TestApp;
    let admin: Login;
    let supervisor: Login;
    let handler: Login;
    let otherHandler: Login;
    let consumer: string;

    const post = (token: string, id: string, action: Record<string, unknown>) =>
      app.api.post(`/cases/${id}/actions`, action, { token });
    const get = async (token: string, id: string): Promise<CaseView> =>
      (await app.api.get(`/cases/${id}`, { token })).body;

    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
      admin = await loginStaffAs(app, 'admin');
      supervisor = await loginStaffAs(app, 'supervisor', '赵科长');
      handler = await loginStaffAs(app, 'handler', '王承办');
      otherHandler = await loginStaffAs(app, 'handler', '钱承办');
      consumer = (await loginConsumer(app)).accessToken;
    });
    after(() => app.close());

    test('when a handler claims an unassigned case, then it is theirs, nobody else may claim it, and the timeline shows who', async () => {
      const c = await fileComplaint(app, consumer);
      const open = await get(handler.accessToken, c.id);
      assert.equal(open.assignee, null);
      assert.ok(open.allowedActions.includes('claim') && !open.allowedActions.includes('assign'));
      const claimed = await act(app, handler.accessToken, c.id, { type: 'claim' });
      assert.deepEqual(claimed.assignee, { id: handler.user.id, displayName: '王承办' });
      assert.deepEqual(claimed.timeline.at(-1)?.assignee, { id: handler.user.id, displayName: '王承办' });
      assert.deepEqual(claimed.timeline.at(-1)?.actor, { id: handler.user.id, displayName: '王承办' });
      assert.ok(claimed.allowedActions.includes('unassign'), 'the assignee may hand it back');
      const again = await post(otherHandler.accessToken, c.id, { type: 'claim' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'ACTION_NOT_ALLOWED');
      const stolen = await post(otherHandler.accessToken, c.id, { type: 'unassign' });
      assert.equal(stolen.status, 409, 'another handler may not unassign it');
      assert.deepEqual((await get(admin.accessToken, c.id)).assignee?.id, handler.user.id);
      const back = await act(app, handler.accessToken, c.id, { type: 'unassign' });
      assert.equal(back.assignee, null);
    });

    test('when a supervisor assigns a case to a handler, then the handler is its assignee and is told in the inbox; a handler may not assign', async () => {
      const c = await fileComplaint(app, consumer);
      const denied = await post(handler.accessToken, c.id, { type: 'assign', staffId: otherHandler.user.id });
      assert.equal(denied.status, 409);
      const assigned = await act(app, supervisor.accessToken, c.id, {
        type: 'assign',
        staffId: handler.user.id,
      });
      assert.deepEqual(assigned.assignee, { id: handler.user.id, displayName: '王承办' });
      // Re-assigning an assigned case is a supervisor's call too.
      const moved = await act(app, supervisor.accessToken, c.id, {
        type: 'assign',
        staffId: otherHandler.user.id,
      });
      assert.equal(moved.assignee?.id, otherHandler.user.id);
      await app.notifications.notifier.drain();
      const inbox = await app.api.get('/notifications', { token: otherHandler.accessToken });
      assert.ok(
        inbox.body.items.some(
          (n: { caseId: string; title: string }) => n.caseId === c.id && n.title === '您有一件新分派的案件',
        ),
        JSON.stringify(inbox.body.items),
      );
      const unknown = await post(supervisor.accessToken, c.id, { type: 'assign', staffId: randomUUID() });
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.error.details, [
        { path: 'staffId', message: 'no active staff account has this id' },
      ]);
    });

    test('when an assigned handler is deactivated, then nobody can assign them new work', async () => {
      const leaving = await loginStaffAs(app, 'handler');
      await app.api.put(
        `/staff/accounts/${leaving.user.id}`,
        { active: false },
        { token: admin.accessToken },
      );
      const c = await fileComplaint(app, consumer);
      const res = await post(supervisor.accessToken, c.id, { type: 'assign', staffId: leaving.user.id });
      assert.equal(res.status, 400);
    });

    test('when staff note and supervise a case, then the consumer and the merchant see no trace of it, and the assignee is told of the 督办', async () => {
      const merchant = await createMerchant(app, { odr: false });
      const shop = await loginMerchant(app, merchant);
      const c = await fileComplaint(app, consumer, { merchant: { id: merchant.id } });
      await act(app, supervisor.accessToken, c.id, { type: 'assign', staffId: handler.user.id });
      await act(app, handler.accessToken, c.id, { type: 'note', text: '已电话联系商家，对方表示愿意协商。' });
      const supervised = await act(app, supervisor.accessToken, c.id, {
        type: 'supervise',
        text: '重复投诉，请三日内办结。',
      });
      assert.equal(supervised.supervised, true);
      assert.deepEqual(
        supervised.timeline.filter((e) => STAFF_ONLY.includes(e.type)).map((e) => e.type),
        ['assign', 'note', 'supervise'],
      );
      const byHandler = await post(handler.accessToken, c.id, { type: 'supervise', text: '我督办我自己' });
      assert.equal(byHandler.status, 409, 'a handler may not supervise');

      for (const token of [consumer, shop.accessToken]) {
        const view = await app.api.get(`/cases/${c.id}`, { token });
        assert.equal(view.status, 200);
        const body = JSON.stringify(view.body);
        for (const trace of [
          'assignee',
          'supervised',
          'lastVisit',
          '王承办',
          '已电话联系商家',
          '重复投诉',
          '"actor"',
        ])
          assert.ok(
            !body.includes(trace),
            `${trace} must not reach ${token === consumer ? 'the consumer' : 'the merchant'}`,
          );
        assert.deepEqual(
          view.body.timeline.filter((e: { type: string }) => STAFF_ONLY.includes(e.type)),
          [],
        );
        assert.ok(!view.body.allowedActions.some((a: string) => STAFF_ONLY.includes(a)));
        const listed = await app.api.get('/cases?limit=100', { token });
        assert.ok(!JSON.stringify(listed.body).includes('assignee'));
      }
      await app.notifications.notifier.drain();
      const consumerInbox = await app.api.get('/notifications', { token: consumer });
      assert.ok(
        !consumerInbox.body.items.some((n: { type: string }) => STAFF_ONLY.includes(n.type)),
        'consumers are never told of staff-only actions',
      );
      const assigneeInbox = await app.api.get('/notifications', { token: handler.accessToken });
      const notice = assigneeInbox.body.items.find(
        (n: { caseId: string; type: string }) => n.caseId === c.id && n.type === 'supervise',
      );
      assert.ok(notice, 'the assignee is told of the 督办');
      assert.equal(notice.body, '重复投诉，请三日内办结。');
      const othersInbox = await app.api.get('/notifications', { token: otherHandler.accessToken });
      assert.ok(
        !othersInbox.body.items.some(
          (n: { caseId: string; type: string }) => n.caseId === c.id && n.type === 'supervise',
        ),
      );
    });

    test('when staff claim, note, assign, supervise and unassign a case, then the consumer’s and the merchant’s views (version, updatedAt, ETag-worthy body) are byte for byte unchanged', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const c = await fileComplaint(app, consumer, { merchant: { id: merchant.id } });
      const seen = async () => [
        (await app.api.get(`/cases/${c.id}`, { token: consumer })).body,
        (await app.api.get(`/cases/${c.id}`, { token: shop.accessToken })).body,
        (await app.api.get('/cases?limit=100', { token: consumer })).body,
      ];
      const before = await seen();
      app.clock.advance(60_000);
      await act(app, handler.accessToken, c.id, { type: 'claim' });
      await act(app, handler.accessToken, c.id, { type: 'note', text: '内部备注：已联系商家' });
      await act(app, supervisor.accessToken, c.id, { type: 'assign', staffId: otherHandler.user.id });
      await act(app, supervisor.accessToken, c.id, { type: 'supervise', text: '请加快' });
      await act(app, supervisor.accessToken, c.id, { type: 'unassign' });
      assert.deepEqual(await seen(), before);
      const staffView = await get(admin.accessToken, c.id);
      assert.equal(staffView.version, before[0].version + 5, 'staff see every change');
      // A consumer's expectedVersion is checked against the version they see.
      const res = await post(consumer, c.id, {
        type: 'supplement',
        text: '补充材料',
        expectedVersion: before[0].version,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      app.clock.set('2026-11-24T02:00:00Z');
    });

    test('when a consumer or merchant tries a staff action, then it is refused', async () => {
      const c = await fileComplaint(app, consumer);
      for (const action of [
        { type: 'claim' },
        { type: 'note', text: '内部备注' },
        { type: 'record_visit', result: 'satisfied' },
      ]) {
        const res = await post(consumer, c.id, action);
        assert.equal(res.status, 409, JSON.stringify(res.body));
      }
    });

    test('when a complaint has ended, then staff record follow-up visits (the last counts), never on a withdrawn one, and /stats shows the figures', async () => {
      const c = await fileComplaint(app, consumer);
      const early = await post(handler.accessToken, c.id, { type: 'record_visit', result: 'satisfied' });
      assert.equal(early.status, 409, 'not before it has ended');
      await act(app, admin.accessToken, c.id, { type: 'accept' });
      await act(app, admin.accessToken, c.id, { type: 'close', outcome: 'mediated', text: '调解成功' });
      const queuesBefore = (await app.api.get('/staff/queues', { token: handler.accessToken })).body;
      await act(app, handler.accessToken, c.id, { type: 'record_visit', result: 'unreachable' });
      const visited = await act(app, handler.accessToken, c.id, {
        type: 'record_visit',
        result: 'basically_satisfied',
        text: '消费者表示基本满意',
      });
      assert.deepEqual(visited.lastVisit, {
        result: 'basically_satisfied',
        at: '2026-11-24T02:00:00.000Z',
        text: '消费者表示基本满意',
      });
      const queuesAfter = (await app.api.get('/staff/queues', { token: handler.accessToken })).body;
      assert.equal(queuesAfter.awaitingVisit, queuesBefore.awaitingVisit - 1);

      const withdrawn = await fileComplaint(app, consumer);
      await act(app, consumer, withdrawn.id, { type: 'withdraw' });
      const refused = await post(handler.accessToken, withdrawn.id, {
        type: 'record_visit',
        result: 'satisfied',
      });
      assert.equal(refused.status, 409);

      const other = await fileComplaint(app, consumer);
      await act(app, admin.accessToken, other.id, {
        type: 'refuse',
        ground: 'not_living_consumption_or_no_dispute',
        text: '不属于消费纠纷',
      });
      await act(app, handler.accessToken, other.id, { type: 'record_visit', result: 'dissatisfied' });
      await app.services.store.stats.refresh();
      const stats = await app.api.get('/stats?from=2026-11&to=2026-11');
      // two visited cases (the first's last visit counts): basically satisfied + dissatisfied, both reached
      assert.deepEqual(stats.body.totals.visit, { count: 2, satisfiedShare: 0.5 });
      assert.deepEqual(stats.body.months[0].visit, { count: 2, satisfiedShare: 0.5 });
    });

    test('when a supervisor acts on many cases at once, then each is changed alone: mixed results, and one failure stops nothing', async () => {
      const a = await fileComplaint(app, consumer);
      const b = await fileComplaint(app, consumer);
      await act(app, consumer, b.id, { type: 'withdraw' });
      const missing = randomUUID();
      const c = await fileComplaint(app, consumer);
      const res = await app.api.post(
        '/staff/cases/bulk',
        { caseIds: [a.id, b.id, missing, c.id], action: { type: 'accept' } },
        { token: supervisor.accessToken },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.results.map((r: { id: string; status: number; error?: { code: string } }) => [
          r.id,
          r.status,
          r.error?.code,
        ]),
        [
          [a.id, 200, undefined],
          [b.id, 409, 'ACTION_NOT_ALLOWED'],
          [missing, 404, 'NOT_FOUND'],
          [c.id, 200, undefined],
        ],
      );
      assert.equal((await get(admin.accessToken, a.id)).status, 'accepted');
      assert.equal((await get(admin.accessToken, b.id)).status, 'withdrawn');
      assert.equal((await get(admin.accessToken, c.id)).status, 'accepted');

      const assignAll = await app.api.post(
        '/staff/cases/bulk',
        { caseIds: [a.id, c.id], action: { type: 'assign', staffId: handler.user.id } },
        { token: supervisor.accessToken },
      );
      assert.deepEqual(
        assignAll.body.results.map((r: { status: number }) => r.status),
        [200, 200],
      );
      const byHandler = await app.api.post(
        '/staff/cases/bulk',
        { caseIds: [a.id], action: { type: 'assign', staffId: otherHandler.user.id } },
        { token: handler.accessToken },
      );
      assert.deepEqual(
        byHandler.body.results.map((r: { status: number }) => r.status),
        [409],
      );
    });

    test('when a bulk body is bad or the caller is not staff, then it is a 400 or 403 and nothing changes', async () => {
      const a = await fileComplaint(app, consumer);
      const tooMany = Array.from({ length: 101 }, () => randomUUID());
      for (const body of [
        { caseIds: [], action: { type: 'accept' } },
        { caseIds: tooMany, action: { type: 'accept' } },
        { caseIds: [a.id, a.id], action: { type: 'accept' } },
        { caseIds: [a.id], action: { type: 'teleport' } },
      ]) {
        const res = await app.api.post('/staff/cases/bulk', body, { token: supervisor.accessToken });
        assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
      }
      const byConsumer = await app.api.post(
        '/staff/cases/bulk',
        { caseIds: [a.id], action: { type: 'withdraw' } },
        { token: consumer },
      );
      assert.equal(byConsumer.status, 403);
      assert.equal((await get(admin.accessToken, a.id)).status, 'pending_acceptance');
      void loginStaff;
    });
  });
}
