import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  act,
  complaintBody,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  upload,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

for (const store of storeKinds()) {
  describe(`complaint lifecycle (${store})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store, clock: undefined });
      // Tuesday 2026-11-24, 10:00 Beijing: the contract's worked example.
      app.clock.set('2026-11-24T02:00:00Z');
    });
    after(() => app.close());

    test('when a consumer files against an ODR merchant, then the merchant negotiates first with a 10-working-day deadline', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      assert.equal(c.status, 'merchant_negotiating');
      assert.match(c.caseNo, /^XM20261124\d{6}$/);
      assert.deepEqual(c.deadlines, [
        { kind: 'merchant_response', dueAt: '2026-12-08T23:59:59+08:00', workingDaysLeft: 10 },
      ]);
      assert.deepEqual(
        c.timeline.map((e) => [e.type, e.actorRole]),
        [['filed', 'consumer']],
      );
      assert.deepEqual(c.allowedActions, ['supplement', 'withdraw']);
      assert.equal(c.complainant?.phone, '13812348000');
    });

    test('when a complaint names a free-text merchant, then it waits for acceptance by the end of Thu 2026-12-03', async () => {
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken);
      assert.equal(c.status, 'pending_acceptance');
      assert.deepEqual(c.deadlines, [
        { kind: 'acceptance', dueAt: '2026-12-03T23:59:59+08:00', workingDaysLeft: 7 },
      ]);
    });

    test('when a green-channel complaint is filed, then it is priority with a 1-working-day internal target beside the legal 7', async () => {
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken, { category: 'food_safety' });
      assert.equal(c.priority, true);
      assert.equal(c.deadlines[0].targetDueAt, '2026-11-25T23:59:59+08:00');
      assert.equal(c.deadlines[0].dueAt, '2026-12-03T23:59:59+08:00');
    });

    test('when every role plays its part, then the case walks propose -> reject -> accept -> mediate -> close -> rate, and the store holds each step', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const staff = await loginStaff(app);
      const photo = await upload(app, consumer.accessToken);
      assert.equal(photo.status, 201);
      const filed = await fileComplaint(app, consumer.accessToken, {
        merchant: { id: merchant.id },
        attachments: [photo.body.id],
      });
      assert.deepEqual(filed.attachments, [{ id: photo.body.id, mime: 'image/png', size: photo.body.size }]);

      // The merchant sees it, contact masked (no consent), and proposes.
      const list = await app.api.get('/cases', { token: shop.accessToken });
      assert.ok(list.body.items.some((i: { id: string }) => i.id === filed.id));
      const seen = await app.api.get(`/cases/${filed.id}`, { token: shop.accessToken });
      assert.deepEqual(seen.body.complainant, {
        name: '张*',
        phone: '138****8000',
        address: '福建省厦门市思明区***',
      });
      assert.deepEqual(seen.body.allowedActions, ['propose', 'message']);
      const evidence = await app.api.get(`/uploads/${photo.body.id}`, { token: shop.accessToken });
      assert.equal(evidence.status, 200);

      const proposed = await act(app, shop.accessToken, filed.id, {
        type: 'propose',
        text: '同意退款300元',
        refundFen: 30000,
      });
      assert.equal(proposed.status, 'awaiting_consumer');
      assert.deepEqual(proposed.deadlines, []);

      const mine = await app.api.get(`/cases/${filed.id}`, { token: consumer.accessToken });
      assert.deepEqual(mine.body.allowedActions, [
        'accept_proposal',
        'reject_proposal',
        'supplement',
        'withdraw',
      ]);
      assert.equal(mine.body.proposal.refundFen, 30000);

      const rejected = await act(app, consumer.accessToken, filed.id, {
        type: 'reject_proposal',
        reason: '金额不够',
      });
      assert.equal(rejected.status, 'pending_acceptance');
      assert.equal(rejected.deadlines[0].kind, 'acceptance');

      const accepted = await act(app, staff.accessToken, filed.id, {
        type: 'accept',
        expectedVersion: rejected.version,
      });
      assert.equal(accepted.status, 'accepted');
      assert.equal(accepted.deadlines[0].kind, 'mediation');
      assert.equal(accepted.deadlines[0].workingDaysLeft, 45);

      const paused = await act(app, staff.accessToken, filed.id, { type: 'pause_clock', reason: '送检' });
      assert.equal(paused.deadlines[0].paused, true);
      assert.ok(
        paused.allowedActions.includes('resume_clock') && !paused.allowedActions.includes('pause_clock'),
      );
      app.clock.advance(7 * 86_400_000);
      const resumed = await act(app, staff.accessToken, filed.id, { type: 'resume_clock' });
      assert.equal(resumed.deadlines[0].workingDaysLeft, 45, 'paused testing time does not count');

      await act(app, staff.accessToken, filed.id, { type: 'start_mediation' });
      const closed = await act(app, staff.accessToken, filed.id, {
        type: 'close',
        outcome: 'mediated',
        recoveredFen: 39900,
        text: '调解成功，商家全额退款',
      });
      assert.equal(closed.status, 'closed');
      assert.deepEqual(closed.outcome, { outcome: 'mediated', recoveredFen: 39900 });

      const rated = await act(app, consumer.accessToken, filed.id, {
        type: 'rate',
        score: 5,
        comment: '很满意',
      });
      assert.deepEqual(rated.rating, { score: 5, comment: '很满意' });
      assert.deepEqual(rated.allowedActions, []);
      const again = await app.api.post(
        `/cases/${filed.id}/actions`,
        { type: 'rate', score: 1 },
        { token: consumer.accessToken },
      );
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'ACTION_NOT_ALLOWED');

      assert.deepEqual(
        rated.timeline.map((e) => `${e.type}/${e.actorRole}`),
        [
          'filed/consumer',
          'propose/merchant',
          'reject_proposal/consumer',
          'accept/staff',
          'pause_clock/staff',
          'resume_clock/staff',
          'start_mediation/staff',
          'close/staff',
          'rate/consumer',
        ],
      );
      const events = await app.services.store.db.query<{ type: string }>(
        'SELECT type FROM case_events WHERE case_id = $1 ORDER BY id',
        [filed.id],
      );
      assert.equal(events.length, 9);
      const [row] = await app.services.store.db.query<{ status: string; version: number }>(
        'SELECT status, version FROM cases WHERE id = $1',
        [filed.id],
      );
      assert.deepEqual(row, { status: 'closed', version: 9 });
    });

    test('when the consumer accepts the proposal, then the case is settled and can be rated once', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken, {
        merchant: { id: merchant.id },
        shareContactWithMerchant: true,
      });
      const seen = await app.api.get(`/cases/${c.id}`, { token: shop.accessToken });
      assert.equal(seen.body.complainant.phone, '13812348000', 'shared with consent');
      await act(app, shop.accessToken, c.id, { type: 'propose', text: '换新', refundFen: 0 });
      const settled = await act(app, consumer.accessToken, c.id, { type: 'accept_proposal' });
      assert.equal(settled.status, 'settled');
      assert.deepEqual(settled.allowedActions, ['rate']);
    });

    test('when staff refuse with a ground, then the case is refused and a close without a ground is a 400', async () => {
      const consumer = await loginConsumer(app);
      const staff = await loginStaff(app);
      const c = await fileComplaint(app, consumer.accessToken);
      const bad = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'refuse', ground: 'no_such_ground', text: 'x' },
        { token: staff.accessToken },
      );
      assert.equal(bad.status, 400);
      const refused = await act(app, staff.accessToken, c.id, {
        type: 'refuse',
        ground: 'over_three_years',
        text: '超过三年',
      });
      assert.equal(refused.status, 'refused');
      assert.equal(refused.timeline.at(-1)?.ground, 'over_three_years');
    });

    test('when the consumer withdraws, then every deadline stops and nothing but rating remains', async () => {
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken);
      const w = await act(app, consumer.accessToken, c.id, { type: 'withdraw', reason: '已自行解决' });
      assert.equal(w.status, 'withdrawn');
      assert.deepEqual(w.deadlines, []);
      assert.deepEqual(w.allowedActions, ['rate']);
      const [d] = await app.services.store.db.query<{ state: string }>(
        'SELECT state FROM deadlines WHERE case_id = $1',
        [c.id],
      );
      assert.equal(d.state, 'cancelled');
    });

    test('when the acceptance deadline passes, then the case is overdue from 00:00 Beijing after the due day, not before', async () => {
      app.clock.set('2026-11-24T02:00:00Z');
      const consumer = await loginConsumer(app);
      const staff = await loginStaff(app);
      const c = await fileComplaint(app, consumer.accessToken);
      const overdueIds = async () =>
        (await app.api.get('/cases?overdue=true&limit=100', { token: staff.accessToken })).body.items.map(
          (i: { id: string }) => i.id,
        );
      app.clock.set('2026-12-03T15:59:59.500Z'); // 23:59:59.5 on the due day
      assert.ok(!(await overdueIds()).includes(c.id));
      assert.equal(
        (await app.api.get(`/cases/${c.id}`, { token: consumer.accessToken })).body.deadlines[0]
          .workingDaysLeft,
        0,
      );
      app.clock.set('2026-12-03T16:00:00Z'); // 00:00 on Friday
      assert.ok((await overdueIds()).includes(c.id));
      app.clock.set('2026-12-07T03:00:00Z'); // Monday: two working days past (Fri, Mon)
      assert.equal(
        (await app.api.get(`/cases/${c.id}`, { token: consumer.accessToken })).body.deadlines[0]
          .workingDaysLeft,
        -2,
      );
      app.clock.set('2026-11-24T02:00:00Z');
    });

    test('when the case number sequence passes 999999, then numbers grow a digit and stay unique', async () => {
      const consumer = await loginConsumer(app);
      await app.services.store.db.query("SELECT setval('case_no_seq', 999998)");
      const nos = [];
      for (let i = 0; i < 3; i++) nos.push((await fileComplaint(app, consumer.accessToken)).caseNo);
      assert.deepEqual(
        nos.map((n) => n.slice(10)),
        ['999999', '1000000', '1000001'],
      );
      assert.ok(nos.every((n) => /^XM\d{8}\d{6,}$/.test(n)));
    });

    test('when a stale expectedVersion is sent, then it is a 409 VERSION_CONFLICT and nothing changes', async () => {
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken);
      await act(app, consumer.accessToken, c.id, { type: 'supplement', text: '补充：发票照片稍后上传' });
      const stale = await app.api.post(
        `/cases/${c.id}/actions`,
        { type: 'withdraw', expectedVersion: c.version },
        { token: consumer.accessToken },
      );
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const now = await app.api.get(`/cases/${c.id}`, { token: consumer.accessToken });
      assert.equal(now.body.status, 'pending_acceptance');
      assert.equal(now.body.version, 2);
    });

    test('when the same Idempotency-Key is replayed, then the same case answers; another body is a 409; ten concurrent retries make one case', async () => {
      const consumer = await loginConsumer(app);
      const headers = { 'Idempotency-Key': 'file-once-1' };
      const first = await app.api.post('/cases', complaintBody(), { token: consumer.accessToken, headers });
      const replay = await app.api.post('/cases', complaintBody(), { token: consumer.accessToken, headers });
      assert.equal(first.status, 201);
      assert.equal(replay.status, 201);
      assert.deepEqual(replay.body, first.body);
      const other = await app.api.post('/cases', complaintBody({ facts: '另一个不同的投诉事实描述内容' }), {
        token: consumer.accessToken,
        headers,
      });
      assert.equal(other.status, 409);
      assert.equal(other.body.error.code, 'IDEMPOTENCY_KEY_REUSED');

      const key = { 'Idempotency-Key': 'concurrent-1' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          app.api.post('/cases', complaintBody(), { token: consumer.accessToken, headers: key }),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(10).fill(201),
      );
      assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
      const mine = await app.services.store.db.query('SELECT id FROM cases WHERE consumer_id = $1', [
        consumer.user.id,
      ]);
      assert.equal(mine.length, 2);

      // Keys are scoped per user: another consumer may use the same key.
      const someoneElse = await loginConsumer(app);
      const theirs = await app.api.post('/cases', complaintBody(), {
        token: someoneElse.accessToken,
        headers,
      });
      assert.equal(theirs.status, 201);
      assert.notEqual(theirs.body.id, first.body.id);

      const missing = await app.api.post('/cases', complaintBody(), { token: consumer.accessToken });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.details[0].path, 'Idempotency-Key');
    });
  });
}
