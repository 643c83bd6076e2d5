import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
import { TEMPLATES, startNotifyWorld, type NotifyWorld } from './notify-world';

const beijing = (local: string) => new Date(`${local}+08:00`);

for (const store of storeKinds()) {
  describe(`deadline clocks (${store})`, () => {
    let w: NotifyWorld;
    before(async () => {
      w = await startNotifyWorld(store);
    });
    after(() => w.close());

    const inboxOf = async (token: string) =>
      (await w.app.api.get('/notifications?limit=100', { token })).body.items as {
        type: string;
        caseId: string;
        title: string;
        push: { state: string; templateId: string } | null;
      }[];

    test('when a merchant deadline spans Mid-Autumn and National Day 2026, then the reminder comes on make-up Saturday 10-10 and the case escalates at 00:00 on 10-14, not a second earlier', async () => {
      // Filed Tue 2026-09-22: 10 working days skip 09-25 (Mid-Autumn), 10-01..07 (National Day) and
      // count Sat 10-10 (a make-up working day): due Tue 2026-10-13, reminder 2 working days before.
      w.app.clock.set(beijing('2026-09-22T10:00:00'));
      const merchant = await createMerchant(w.app, { odr: true });
      const shop = await w.loginMerchant(merchant, `oShopClock_${process.pid}`);
      await w.grant(shop.accessToken, TEMPLATES.deadline, 1);
      const consumer = await w.login(`oClock_${process.pid}`);
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1);
      const filed = await fileComplaint(w.app, consumer.accessToken, { merchant: { id: merchant.id } });
      assert.equal(filed.deadlines[0].dueAt, '2026-10-13T23:59:59+08:00');
      const { clocks, notifier } = w.app.notifications;

      w.app.clock.set(beijing('2026-10-09T18:00:00'));
      await clocks.tick();
      await notifier.drain();
      assert.ok(
        !(await inboxOf(shop.accessToken)).some((n) => n.type === 'merchant_deadline_reminder'),
        'Friday 10-09 is 3 working days before',
      );

      w.app.clock.set(beijing('2026-10-10T00:00:01'));
      await clocks.tick();
      await clocks.tick(); // a second tick (or a second worker) does not remind twice
      await notifier.drain();
      const reminders = (await inboxOf(shop.accessToken)).filter(
        (n) => n.type === 'merchant_deadline_reminder',
      );
      assert.equal(reminders.length, 1);
      assert.equal(reminders[0].push?.state, 'sent');
      const pushed = w.fake.sent.filter(
        (m) => m.touser === shop.openid && m.template_id === TEMPLATES.deadline,
      );
      assert.equal(pushed.length, 1);
      assert.equal(pushed[0].data.time3.value, '2026年10月13日 23:59');

      w.app.clock.set(beijing('2026-10-13T23:59:59'));
      assert.deepEqual(await clocks.tick(), { escalated: 0, alerts: 0 });
      assert.equal(
        (await w.app.api.get(`/cases/${filed.id}`, { token: consumer.accessToken })).body.status,
        'merchant_negotiating',
      );

      w.app.clock.set(beijing('2026-10-14T00:00:00'));
      assert.equal((await clocks.tick()).escalated, 1);
      assert.equal((await clocks.tick()).escalated, 0, 'once');
      const after = (await w.app.api.get(`/cases/${filed.id}`, { token: consumer.accessToken })).body;
      assert.equal(after.status, 'pending_acceptance');
      assert.deepEqual(after.timeline.at(-1).type, 'merchant_timeout');
      assert.deepEqual(after.timeline.at(-1).actorRole, 'system');
      assert.equal(after.deadlines[0].kind, 'acceptance');

      await notifier.drain();
      assert.equal((await inboxOf(consumer.accessToken))[0].type, 'merchant_timeout');
      assert.equal((await inboxOf(shop.accessToken))[0].type, 'merchant_timeout');
      assert.equal(
        w.fake.sent.filter((m) => m.touser === consumer.openid).length,
        1,
        'the consumer’s grant was used for the escalation',
      );
    });

    test('when an acceptance deadline has 1 working day left and a mediation is overdue, then staff are told once and the overdue filter lists the case', async () => {
      w.app.clock.set(beijing('2026-11-24T10:00:00'));
      const consumer = await w.login(`oStaffAlert_${process.pid}`);
      const waiting = await fileComplaint(w.app, consumer.accessToken); // acceptance due Thu 12-03
      const mediated = await fileComplaint(w.app, consumer.accessToken);
      const staff = await loginStaff(w.app);
      await act(w.app, staff.accessToken, mediated.id, { type: 'accept' });
      const mine = new Set([waiting.id, mediated.id]);
      const staffInbox = async () =>
        (await inboxOf(staff.accessToken)).filter((n) => mine.has(n.caseId)).map((n) => n.type);

      w.app.clock.set(beijing('2026-12-01T12:00:00'));
      await w.app.notifications.clocks.tick();
      await w.app.notifications.notifier.drain();
      assert.deepEqual(await staffInbox(), []);

      w.app.clock.set(beijing('2026-12-02T08:00:00'));
      await w.app.notifications.clocks.tick();
      await w.app.notifications.clocks.tick();
      await w.app.notifications.notifier.drain();
      assert.deepEqual(await staffInbox(), ['acceptance_due_soon']);

      // Mediation from Tue 11-24: 45 working days end Wed 2027-01-27 (or later if 2027 holidays move it).
      const due = (await w.app.api.get(`/cases/${mediated.id}`, { token: staff.accessToken })).body
        .deadlines[0].dueAt as string;
      w.app.clock.set(new Date(Date.parse(due) + 1000));
      const before = await w.app.api.get('/cases?overdue=true', { token: staff.accessToken });
      assert.ok(before.body.items.some((i: { id: string }) => i.id === mediated.id));
      await w.app.notifications.clocks.tick();
      await w.app.notifications.notifier.drain();
      assert.deepEqual(await staffInbox(), ['mediation_overdue', 'acceptance_due_soon']);
      assert.ok(
        !(await inboxOf(consumer.accessToken)).some(
          (n) => n.type === 'mediation_overdue' || n.type === 'acceptance_due_soon',
        ),
        'staff alerts are for staff',
      );
    });
  });

  describe(`who is told (${store}, emulator mode)`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
    });
    after(() => app.close());

    test('when the emulator is on, then pushes need no grant, are recorded, and show in the inbox', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer = await loginConsumer(app);
      const meta = await app.api.get('/meta');
      assert.deepEqual(meta.body.templates, {}, 'nothing to ask for: the emulator needs no grant');
      const c = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      await act(app, shop.accessToken, c.id, { type: 'propose', text: '同意全额退款', refundFen: 39900 });
      await app.notifications.notifier.drain();
      const inbox = await app.api.get('/notifications', { token: consumer.accessToken });
      assert.deepEqual(
        inbox.body.items.map((n: { type: string; push: { state: string; templateId: string } }) => [
          n.type,
          n.push?.templateId,
          n.push?.state,
        ]),
        [['propose', 'emulator-caseUpdate', 'sent']],
      );
      const sent = (app.services.wechat as unknown as { sent: { templateId: string; page: string }[] }).sent;
      assert.ok(sent.some((m) => m.templateId === 'emulator-caseUpdate' && m.page.includes(c.id)));
      const shopInbox = await app.api.get('/notifications', { token: shop.accessToken });
      assert.deepEqual(
        shopInbox.body.items.map((n: { type: string }) => n.type),
        ['filed'],
      );
      const asConsumer = await app.api.get('/notifications', {
        token: (await app.api.post('/auth/wechat', { code: `dev:${'x'}` })).body.accessToken,
      });
      assert.deepEqual(asConsumer.body.items, []);
    });

    test('when a report names a merchant, then the merchant is never told, and the reporter hears of the decision', async () => {
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const reporter = await loginConsumer(app);
      const staff = await loginStaff(app);
      const res = await app.api.post(
        '/cases',
        {
          kind: 'report',
          merchant: { id: merchant.id },
          category: 'food_safety',
          facts: '后厨使用过期食材，卫生状况很差。',
          attachments: [],
        },
        { token: reporter.accessToken, headers: { 'Idempotency-Key': `report-${Date.now()}` } },
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      await act(app, staff.accessToken, res.body.id, { type: 'open_case', text: '已立案调查' });
      await app.notifications.notifier.drain();
      assert.deepEqual((await app.api.get('/notifications', { token: shop.accessToken })).body.items, []);
      const told = (await app.api.get('/notifications', { token: reporter.accessToken })).body.items;
      assert.deepEqual(
        told.map((n: { type: string; title: string }) => [n.type, n.title]),
        [['open_case', '您的举报已立案']],
      );
    });
  });
}
