import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { REPORT_NOT_OPEN_GROUNDS_CODES, extendDue, type CaseView } from '@weiquan/shared';
import { OFFICIAL_CALENDAR } from '../support/calendar-fixtures';
import {
  act,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const REPORTER = { name: '李四', phone: '13912345678', address: '福建省厦门市湖里区县后路8号' };

async function fileReport(app: TestApp, token: string, body: Record<string, unknown>): Promise<CaseView> {
  const res = await app.api.post(
    '/cases',
    {
      kind: 'report',
      category: 'food_safety',
      facts: '该店后厨卫生极差，使用过期食材制作菜品。',
      attachments: [],
      ...body,
    },
    { token, headers: { 'Idempotency-Key': randomUUID() } },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

for (const store of storeKinds()) {
  describe(`reports (${store})`, () => {
    let app: TestApp;
    let staff: string;
    before(async () => {
      app = await startTestApp({ store });
      // Tuesday 2026-11-24, 10:00 Beijing.
      app.clock.set('2026-11-24T02:00:00Z');
      staff = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    test('when a consumer reports anonymously, then it is verifying with a 15-working-day report_verification deadline and no reporter', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const consumer = await loginConsumer(app);
      const r = await fileReport(app, consumer.accessToken, { merchant: { id: merchant.id } });
      assert.equal(r.kind, 'report');
      assert.equal(r.status, 'verifying');
      assert.deepEqual(
        r.deadlines.map((d) => [d.kind, d.dueAt, d.workingDaysLeft]),
        [['report_verification', '2026-12-15T23:59:59+08:00', 15]],
      );
      assert.equal(r.reporter, null);
      assert.equal(r.complainant, undefined);
      assert.deepEqual(r.allowedActions, ['supplement']);
      assert.deepEqual(
        r.timeline.map((e) => e.type),
        ['filed'],
      );
    });

    test('when a merchant looks for reports against it, then none is listed and each is a 404, actions too', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const r = await fileReport(app, consumer.accessToken, {
        merchant: { id: merchant.id },
        reporter: REPORTER,
      });
      const complaint = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      const list = await app.api.get('/cases', { token: shop.accessToken });
      assert.deepEqual(
        list.body.items.map((i: { id: string }) => i.id),
        [complaint.id],
      );
      assert.equal(
        (await app.api.get('/cases?kind=report', { token: shop.accessToken })).body.items.length,
        0,
      );
      const seen = await app.api.get(`/cases/${r.id}`, { token: shop.accessToken });
      assert.equal(seen.status, 404);
      assert.equal(seen.body.error.code, 'NOT_FOUND');
      assert.ok(!JSON.stringify(seen.body).includes(REPORTER.name));
      const msg = await app.api.post(
        `/cases/${r.id}/actions`,
        { type: 'message', text: '请问是谁举报的' },
        { token: shop.accessToken },
      );
      assert.equal(msg.status, 404);
    });

    test('when staff extend a report, then 15 more working days count from the current due date (not from today), once only', async () => {
      const consumer = await loginConsumer(app);
      const r = await fileReport(app, consumer.accessToken, {
        merchant: { name: '某某餐馆', address: '福建省厦门市思明区中山路1号' },
      });
      app.clock.set('2026-12-01T02:00:00Z');
      try {
        const extended = await act(app, staff, r.id, { type: 'extend', reason: '需现场核查' });
        const due = extendDue(OFFICIAL_CALENDAR, '2026-12-15', 15);
        assert.equal(extended.deadlines[0].dueAt, due.dueAt);
        assert.ok(due.dueAt > '2027-01-05', due.dueAt);
        assert.ok(!extended.allowedActions.includes('extend'));
        const again = await app.api.post(
          `/cases/${r.id}/actions`,
          { type: 'extend', reason: '再延长' },
          { token: staff },
        );
        assert.equal(again.status, 409);
        assert.equal(again.body.error.code, 'ACTION_NOT_ALLOWED');
      } finally {
        app.clock.set('2026-11-24T02:00:00Z');
      }
    });

    test('when staff open a case on a real-name report, then it is case_opened, the clock is met, and the event tells the notifier the reporter is named', async () => {
      const consumer = await loginConsumer(app);
      const r = await fileReport(app, consumer.accessToken, {
        merchant: { name: '某某餐馆', address: '福建省厦门市思明区中山路1号' },
        reporter: REPORTER,
      });
      assert.deepEqual(r.reporter, REPORTER);
      const staffView = await app.api.get(`/cases/${r.id}`, { token: staff });
      assert.deepEqual(staffView.body.reporter, REPORTER);
      assert.deepEqual(staffView.body.allowedActions, [
        'extend',
        'open_case',
        'not_open',
        'message',
        'claim',
        'assign',
        'note',
        'supervise',
      ]);
      const opened = await act(app, staff, r.id, { type: 'open_case', text: '经核查，决定立案调查' });
      assert.equal(opened.status, 'case_opened');
      assert.deepEqual(opened.deadlines, []);
      const { actor, ...last } = opened.timeline.at(-1)!;
      assert.equal(actor?.displayName, 'staff-test', 'staff views show who acted');
      assert.deepEqual(last, {
        type: 'open_case',
        actorRole: 'staff',
        at: '2026-11-24T02:00:00.000Z',
        text: '经核查，决定立案调查',
        fromStatus: 'verifying',
        toStatus: 'case_opened',
      });
      const [event] = await app.services.store.db.query<{ data: Record<string, unknown>; to_status: string }>(
        `SELECT data, to_status FROM case_events WHERE case_id = $1 AND type = 'open_case'`,
        [r.id],
      );
      assert.deepEqual(event, {
        data: { text: '经核查，决定立案调查', realName: true },
        to_status: 'case_opened',
      });
      const [deadline] = await app.services.store.db.query<{ state: string }>(
        'SELECT state FROM deadlines WHERE case_id = $1',
        [r.id],
      );
      assert.equal(deadline.state, 'met');
      const mine = await app.api.get(`/cases/${r.id}`, { token: consumer.accessToken });
      assert.deepEqual(mine.body.allowedActions, []);
    });

    test('when staff do not open a case, then they name a ground from the catalogue (an enum in the OpenAPI document)', async () => {
      const consumer = await loginConsumer(app);
      const r = await fileReport(app, consumer.accessToken, {
        merchant: { name: '某某餐馆', address: '福建省厦门市思明区中山路1号' },
      });
      const bad = await app.api.post(
        `/cases/${r.id}/actions`,
        { type: 'not_open', ground: 'over_three_years', text: '不予立案' },
        { token: staff },
      );
      assert.equal(bad.status, 400);
      const notOpened = await act(app, staff, r.id, {
        type: 'not_open',
        ground: 'insufficient_clues',
        text: '举报线索不清，无法核查',
      });
      assert.equal(notOpened.status, 'not_opened');
      assert.equal(notOpened.timeline.at(-1)?.ground, 'insufficient_clues');
      const [event] = await app.services.store.db.query<{ data: Record<string, unknown> }>(
        `SELECT data FROM case_events WHERE case_id = $1 AND type = 'not_open'`,
        [r.id],
      );
      assert.equal(event.data.realName, false);
      const doc = await app.api.get('/openapi.json');
      const actions = JSON.stringify(doc.body.paths['/cases/{id}/actions'].post.requestBody);
      for (const ground of REPORT_NOT_OPEN_GROUNDS_CODES) assert.ok(actions.includes(ground), ground);
      assert.ok(actions.includes('split_report'));
    });

    test('when staff split a mixed complaint, then a linked report is filed for the same consumer and merchant, both timelines note it, and the merchant sees neither the report nor the note', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const c = await fileComplaint(app, consumer.accessToken, {
        merchant: { id: merchant.id },
        category: 'food_safety',
      });
      const staffView = await app.api.get(`/cases/${c.id}`, { token: staff });
      assert.ok(staffView.body.allowedActions.includes('split_report'));

      const split = await act(app, staff, c.id, {
        type: 'split_report',
        facts: '另反映该店使用过期食材，涉嫌违法，转举报处理。',
        text: '投诉中含举报内容，已拆分',
      });
      assert.equal(split.status, 'merchant_negotiating', 'the complaint goes on');
      const note = split.timeline.at(-1)!;
      assert.equal(note.type, 'split_report');
      assert.equal(note.actorRole, 'staff');
      assert.ok(note.linkedCaseId && note.linkedCaseNo);
      assert.ok(!split.allowedActions.includes('split_report'), 'once');
      const twice = await app.api.post(`/cases/${c.id}/actions`, { type: 'split_report' }, { token: staff });
      assert.equal(twice.status, 409);

      const report = (await app.api.get(`/cases/${note.linkedCaseId}`, { token: consumer.accessToken }))
        .body as CaseView;
      assert.equal(report.kind, 'report');
      assert.equal(report.status, 'verifying');
      assert.equal(report.caseNo, note.linkedCaseNo);
      assert.equal(report.merchant?.id, merchant.id);
      assert.equal(report.category, 'food_safety');
      assert.equal(report.facts, '另反映该店使用过期食材，涉嫌违法，转举报处理。');
      assert.deepEqual(report.reporter, {
        name: '张三',
        phone: '13812348000',
        address: '福建省厦门市思明区莲前东路100号',
      });
      assert.equal(report.deadlines[0].kind, 'report_verification');
      assert.deepEqual(
        report.timeline.map((e) => [e.type, e.actorRole, e.linkedCaseId]),
        [['filed', 'staff', c.id]],
      );
      const mine = await app.api.get('/cases?kind=report', { token: consumer.accessToken });
      assert.deepEqual(
        mine.body.items.map((i: { id: string }) => i.id),
        [report.id],
      );

      const merchantView = await app.api.get(`/cases/${c.id}`, { token: shop.accessToken });
      assert.deepEqual(
        merchantView.body.timeline.map((e: { type: string }) => e.type),
        ['filed'],
      );
      assert.ok(!JSON.stringify(merchantView.body).includes(report.caseNo));
      assert.equal((await app.api.get(`/cases/${report.id}`, { token: shop.accessToken })).status, 404);
      const merchantList = await app.api.get('/cases', { token: shop.accessToken });
      assert.deepEqual(
        merchantList.body.items.map((i: { id: string }) => i.id),
        [c.id],
      );
    });

    test('when a consumer asks for open cases against a merchant, then only their own open complaints against it come back (the duplicate warning)', async () => {
      const merchant = await createMerchant(app, { odr: false });
      const other = await createMerchant(app, { odr: false });
      const consumer = await loginConsumer(app);
      const someoneElse = await loginConsumer(app);
      const open = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      const ended = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      await act(app, consumer.accessToken, ended.id, { type: 'withdraw' });
      await fileComplaint(app, consumer.accessToken, { merchant: { id: other.id } });
      await fileComplaint(app, someoneElse.accessToken, { merchant: { id: merchant.id } });
      await fileReport(app, consumer.accessToken, { merchant: { id: merchant.id } });
      const res = await app.api.get(`/cases?merchantId=${merchant.id}&open=true`, {
        token: consumer.accessToken,
      });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((i: { id: string; status: string }) => [i.id, i.status]),
        [[open.id, 'pending_acceptance']],
      );
      const closedOnes = await app.api.get(`/cases?merchantId=${merchant.id}&open=false`, {
        token: consumer.accessToken,
      });
      assert.deepEqual(
        closedOnes.body.items.map((i: { id: string }) => i.id),
        [ended.id],
      );
      const reports = await app.api.get(`/cases?merchantId=${merchant.id}&open=true&kind=report`, {
        token: consumer.accessToken,
      });
      assert.equal(reports.body.items.length, 1);
      assert.equal(
        (await app.api.get('/cases?merchantId=not-a-uuid&open=true', { token: consumer.accessToken })).status,
        400,
      );
    });
  });
}
