import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { act, complaintBody, loginConsumer, loginStaffAs } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

type Login = Awaited<ReturnType<typeof loginStaffAs>>;
const CALLER = { name: '陈来电', phone: '13700001111', address: '福建省厦门市思明区厦禾路200号' };

for (const store of storeKinds()) {
  describe(`intake from every channel and claim codes (${store})`, () => {
    let app: TestApp;
    let handler: Login;

    const fileFor = (body: Record<string, unknown>, key = randomUUID(), token = handler.accessToken) =>
      app.api.post('/cases', body, { token, headers: { 'Idempotency-Key': key } });
    const phoneComplaint = () => complaintBody({ complainant: CALLER, channel: 'phone' } as never);

    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
      handler = await loginStaffAs(app, 'handler');
    });
    after(() => app.close());

    test('when a handler files a hotline call, then it is routed as usual, carries its channel and an 8-digit claim code shown once, and has no consumer yet', async () => {
      const key = randomUUID();
      const res = await fileFor(phoneComplaint(), key);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.status, 'pending_acceptance');
      assert.equal(res.body.channel, 'phone');
      assert.match(res.body.claimCode, /^\d{8}$/);
      assert.equal(res.body.deadlines[0].kind, 'acceptance');
      assert.deepEqual(res.body.complainant, CALLER);
      const again = await app.api.get(`/cases/${res.body.id}`, { token: handler.accessToken });
      assert.equal(again.body.claimCode, undefined, 'the code is shown once, in the filing answer');
      const replay = await fileFor(phoneComplaint(), key);
      assert.equal(replay.status, 201);
      assert.equal(replay.body.id, res.body.id, 'the same key and body answer the same case');
      const [row] = await app.services.store.db.query<{
        consumer_id: string | null;
        claim_code_hash: string;
      }>('SELECT consumer_id, claim_code_hash FROM cases WHERE id = $1', [res.body.id]);
      assert.equal(row.consumer_id, null);
      assert.notEqual(row.claim_code_hash, res.body.claimCode, 'kept only as a keyed hash');
      const audit = await app.api.get(`/staff/audit?caseId=${res.body.id}`, {
        token: (await loginStaffAs(app, 'admin')).accessToken,
      });
      assert.deepEqual(
        audit.body.items.map((i: { action: string }) => i.action).sort(),
        ['act', 'view'],
        'filing for a caller and reading the case back are audited',
      );
    });

    test('when staff file an e-mail report, a letter and a walk-in consultation, then each keeps its channel', async () => {
      const report = await fileFor({
        kind: 'report',
        merchant: { name: '无证小作坊', address: '福建省厦门市湖里区殿前路1号' },
        category: 'food_safety',
        facts: '来信反映该作坊无证生产糕点。',
        attachments: [],
        reporter: CALLER,
        channel: 'email',
      });
      assert.equal(report.status, 201, JSON.stringify(report.body));
      assert.deepEqual([report.body.status, report.body.channel], ['verifying', 'email']);
      const walkIn = await fileFor({
        kind: 'consultation',
        category: 'tourism',
        question: '跟团游被强制购物怎么办？',
        channel: 'walk_in',
      });
      assert.deepEqual([walkIn.status, walkIn.body.channel, walkIn.body.status], [201, 'walk_in', 'open']);
      const letter = await fileFor({ ...phoneComplaint(), channel: 'letter' });
      assert.equal(letter.body.channel, 'letter');
      const listed = await app.api.get('/cases?channel=email', { token: handler.accessToken });
      assert.ok(listed.body.items.every((i: { channel: string }) => i.channel === 'email'));
      assert.ok(listed.body.items.some((i: { id: string }) => i.id === report.body.id));
    });

    test('when staff file without a channel, or a consumer names one, then it is a 400 naming channel and nothing is filed', async () => {
      const noChannel = await fileFor(complaintBody({ complainant: CALLER }));
      assert.equal(noChannel.status, 400);
      assert.deepEqual(
        noChannel.body.error.details.map((d: { path: string }) => d.path),
        ['channel'],
      );
      const consumer = await loginConsumer(app);
      const byConsumer = await fileFor(phoneComplaint(), randomUUID(), consumer.accessToken);
      assert.equal(byConsumer.status, 400);
      assert.deepEqual(
        byConsumer.body.error.details.map((d: { path: string }) => d.path),
        ['channel'],
      );
      const bogus = await fileFor({ ...phoneComplaint(), channel: 'miniprogram' });
      assert.equal(bogus.status, 400, 'staff name one of the four caller channels');
      const mine = await app.api.get('/cases', { token: consumer.accessToken });
      assert.deepEqual(mine.body.items, []);
    });

    test('when the caller claims the case with its number and code, then it is their own: listed, actionable and notified; it cannot be claimed again', async () => {
      const filed = (await fileFor(phoneComplaint())).body;
      const caller = await loginConsumer(app);
      const claimed = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: filed.claimCode },
        { token: caller.accessToken },
      );
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.equal(claimed.body.id, filed.id);
      assert.deepEqual(claimed.body.allowedActions, ['supplement', 'withdraw']);
      assert.equal(claimed.body.timeline.at(-1).type, 'claimed');
      const list = await app.api.get('/cases', { token: caller.accessToken });
      assert.deepEqual(
        list.body.items.map((i: { id: string }) => i.id),
        [filed.id],
      );
      await act(app, caller.accessToken, filed.id, { type: 'supplement', text: '补充：已保留购物小票。' });
      await act(app, handler.accessToken, filed.id, { type: 'accept' });
      await app.notifications.notifier.drain();
      const inbox = await app.api.get('/notifications', { token: caller.accessToken });
      assert.ok(
        inbox.body.items.some(
          (n: { caseId: string; type: string }) => n.caseId === filed.id && n.type === 'accept',
        ),
      );

      const again = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: filed.claimCode },
        { token: caller.accessToken },
      );
      assert.equal(again.status, 404);
      const other = await loginConsumer(app);
      const stolen = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: filed.claimCode },
        { token: other.accessToken },
      );
      assert.equal(stolen.status, 404);
      assert.equal((await app.api.get(`/cases/${filed.id}`, { token: other.accessToken })).status, 404);
    });

    test('when a claim code is tried 6 times wrong, then 5 answers are 404 (never saying which half) and the 6th is 429, even with RATE_LIMIT=off, for that user only', async () => {
      const filed = (await fileFor(phoneComplaint())).body;
      const guesser = await loginConsumer(app);
      const wrongCode = filed.claimCode === '00000000' ? '11111111' : '00000000';
      const answers = [];
      for (let i = 0; i < 5; i++) {
        const body =
          i % 2
            ? { caseNo: filed.caseNo, claimCode: wrongCode }
            : { caseNo: 'XM20990101999999', claimCode: filed.claimCode };
        answers.push(await app.api.post('/cases/claim', body, { token: guesser.accessToken }));
      }
      assert.deepEqual(
        answers.map((a) => a.status),
        [404, 404, 404, 404, 404],
      );
      assert.deepEqual(answers[0].body, answers[1].body, 'a wrong number and a wrong code answer alike');
      const sixth = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: filed.claimCode },
        { token: guesser.accessToken },
      );
      assert.equal(sixth.status, 429, 'even the right pair, once the hour is spent');
      assert.equal(sixth.body.error.code, 'RATE_LIMITED');
      assert.ok(Number(sixth.headers.get('retry-after')) > 0);
      // Another user is not held back; an hour later the guesser may try again.
      const honest = await loginConsumer(app);
      const ok = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: filed.claimCode },
        { token: honest.accessToken },
      );
      assert.equal(ok.status, 200);
      app.clock.advance(3_600_001);
      const later = await app.api.post(
        '/cases/claim',
        { caseNo: filed.caseNo, claimCode: wrongCode },
        { token: guesser.accessToken },
      );
      assert.equal(later.status, 404);
      app.clock.set('2026-11-24T02:00:00Z');
    });

    test('when a claim body is malformed or the caller is not a consumer, then 400 or 403', async () => {
      const consumer = await loginConsumer(app);
      for (const body of [
        { caseNo: 'XM1', claimCode: '1234' },
        { caseNo: 'XM20261124000001' },
        { caseNo: 'x', claimCode: '12345678', extra: 1 },
      ]) {
        assert.equal((await app.api.post('/cases/claim', body, { token: consumer.accessToken })).status, 400);
      }
      const byStaff = await app.api.post(
        '/cases/claim',
        { caseNo: 'XM20261124000001', claimCode: '12345678' },
        { token: handler.accessToken },
      );
      assert.equal(byStaff.status, 403);
      assert.equal(
        (await app.api.post('/cases/claim', { caseNo: 'XM20261124000001', claimCode: '12345678' })).status,
        401,
      );
    });
  });
}
