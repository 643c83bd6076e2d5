/**
 * The working-day calendar as operator data (issue 15): GET /calendar, PUT /staff/calendar/:year,
 * the recomputation of open deadlines reaching into the saved year, /meta and /readyz.
 * Every 2027 arrangement here is HYPOTHETICAL (test/support/calendar-fixtures.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseView } from '@weiquan/shared';
import { HYPOTHETICAL_2027, HYPOTHETICAL_2027_CORRECTED, days } from '../support/calendar-fixtures';
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

const beijing = (at: string) => new Date(`${at}+08:00`);

for (const store of storeKinds()) {
  describe(`working-day calendar as operator data (${store})`, () => {
    let app: TestApp;
    let admin: string;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set(beijing('2026-12-01T10:00:00'));
      admin = (await loginStaff(app)).accessToken;
    });
    after(() => app.close());

    const put = (year: number, body: object, token = admin, query = '') =>
      app.api.put(`/staff/calendar/${year}${query}`, body, { token });
    const read = async (id: string, token: string): Promise<CaseView> => {
      const res = await app.api.get(`/cases/${id}`, { token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const recomputedEntries = (c: CaseView) => c.timeline.filter((e) => e.type === 'deadline_recomputed');
    const inbox = async (token: string) =>
      (await app.api.get('/notifications', { token })).body.items as {
        type: string;
        caseId: string;
        body: string;
      }[];

    test('when the store is seeded, then GET /calendar and /meta answer the package years through 2026', async () => {
      const res = await app.api.get('/calendar');
      assert.equal(res.status, 200);
      assert.equal(res.body.coveredThrough, 2026);
      const y2026 = res.body.years.find((y: { year: number }) => y.year === 2026);
      assert.match(y2026.source, /chinese-days/);
      assert.ok(y2026.days.off.includes('2026-10-01'));
      assert.ok(y2026.days.makeup.includes('2026-02-28'));
      assert.equal(res.body.years[0].year, 2004);
      const meta = await app.api.get('/meta');
      assert.deepEqual(meta.body.calendar, { coveredThrough: 2026 });
    });

    test('when it is December and 2027 is missing, then /readyz stays 200 but says so, and each admin gets one notice a day', async () => {
      const ready = await fetch(`${app.baseUrl}/readyz`);
      assert.equal(ready.status, 200);
      assert.equal((await ready.json()).calendar, 'next year missing');
      await app.notifications.clocks.tick();
      await app.notifications.clocks.tick();
      const notices = (await inbox(admin)).filter((n) => n.type === 'calendar_year_missing');
      assert.equal(notices.length, 1);
      assert.equal(notices[0].caseId, null);
      assert.match(notices[0].body, /2027年/);
      app.clock.set(beijing('2026-12-02T10:00:00'));
      await app.notifications.clocks.tick();
      assert.equal((await inbox(admin)).filter((n) => n.type === 'calendar_year_missing').length, 2);
      app.clock.set(beijing('2026-12-01T10:00:00'));
    });

    test('every validation error: dates outside the year, make-up days on weekdays, a date both, statutory days missing, bad dates', async () => {
      const res = await put(2027, {
        source: '测试',
        off: [...HYPOTHETICAL_2027.off.filter((d) => d !== '2027-10-02'), '2028-01-01', '2027-13-01'],
        makeup: ['2027-01-23', '2027-01-25', '2027-01-26', '2026-12-26'],
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      const messages = res.body.error.details.map((d: { message: string }) => d.message);
      assert.deepEqual(messages, [
        '2028-01-01 lies outside 2027',
        '2027-13-01 is not a calendar date',
        '2027-01-25 is a make-up day but not a Saturday or Sunday',
        '2027-01-26 is a make-up day but not a Saturday or Sunday',
        '2026-12-26 lies outside 2027',
        '2027-10-02 (国庆节) is a statutory holiday and must be off',
      ]);
      const both = await put(2027, { ...HYPOTHETICAL_2027, makeup: ['2027-01-30'] });
      assert.equal(both.status, 400);
      assert.deepEqual(both.body.error.details, [
        { path: 'makeup.0', message: '2027-01-30 is both a day off and a make-up day' },
      ]);
      const shape = await put(2027, { source: '', off: ['1 May'], makeup: [] });
      assert.equal(shape.status, 400);
      assert.equal(shape.body.error.code, 'VALIDATION_FAILED');
      const badYear = await put(1999, HYPOTHETICAL_2027);
      assert.equal(badYear.status, 400);
      assert.equal((await app.api.get('/calendar')).body.coveredThrough, 2026, 'nothing was saved');
    });

    test('when a handler or a consumer enters a year, then 403 and nothing changes', async () => {
      const handler = await loginStaffAs(app, 'handler');
      assert.equal((await put(2027, HYPOTHETICAL_2027, handler.accessToken)).status, 403);
      const consumer = await loginConsumer(app);
      assert.equal((await put(2027, HYPOTHETICAL_2027, consumer.accessToken)).status, 403);
      assert.equal((await app.api.put('/staff/calendar/2027', HYPOTHETICAL_2027)).status, 401);
      assert.equal((await app.api.get('/calendar')).body.coveredThrough, 2026);
    });

    test('when 2027 is entered after a mediation and a merchant period began, then both move to the dates counted by hand, stop being provisional, leave a timeline entry and notices, and move again on a correction; saving twice moves nothing', async () => {
      // Accepted Tue 2026-12-01: 45 working days. December holds 22 (Dec 2-4, 7-11, 14-18, 21-25,
      // 28-31). Without 2027: Jan 1 off by law, Jan 4-8, 11-15, 18-22, 25-29 (42), Feb 1-3 -> Feb 3.
      const consumer = await loginConsumer(app);
      const filed = await fileComplaint(app, consumer.accessToken);
      const accepted = await act(app, admin, filed.id, { type: 'accept' });
      assert.deepEqual(
        accepted.deadlines.map((d) => [d.kind, d.dueAt, d.provisional]),
        [['mediation', '2027-02-03T23:59:59+08:00', true]],
      );
      // Filed Mon 2026-12-28 with an ODR merchant: 10 working days, Dec 29-31 (3), Jan 4-8 (8),
      // Jan 11-12 -> Jan 12 without 2027.
      app.clock.set(beijing('2026-12-28T10:00:00'));
      const merchant = await createMerchant(app, { odr: true });
      const shop = await loginMerchant(app, merchant);
      const consumer2 = await loginConsumer(app);
      const negotiating = await fileComplaint(app, consumer2.accessToken, { merchant: { id: merchant.id } });
      assert.deepEqual(
        negotiating.deadlines.map((d) => [d.kind, d.dueAt, d.provisional]),
        [['merchant_response', '2027-01-12T23:59:59+08:00', true]],
      );

      const preview = await put(2027, HYPOTHETICAL_2027, admin, '?dryRun=true');
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.deepEqual([preview.body.recomputed, preview.body.dryRun], [2, true]);
      assert.equal((await app.api.get('/calendar')).body.coveredThrough, 2026, 'a dry run saves nothing');

      // Hypothetical 2027: Jan 1-3 off, Sat Jan 9 and Sat Jan 23 make-up, Jan 25-31 off.
      // Mediation: 22 + Jan 4-8 (27), Jan 9 (28), 11-15 (33), 18-22 (38), Jan 23 (39), Feb 1-5 (44), Feb 8.
      // Merchant: Dec 29-31 (3), Jan 4-8 (8), Sat Jan 9 (9), Mon Jan 11 (10).
      const saved = await put(2027, HYPOTHETICAL_2027);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(saved.body, {
        year: 2027,
        source: HYPOTHETICAL_2027.source,
        off: HYPOTHETICAL_2027.off,
        makeup: HYPOTHETICAL_2027.makeup,
        recomputed: 2,
      });
      const mediating = await read(filed.id, consumer.accessToken);
      // Left from today (Dec 28): Dec 29-31 (3), Jan 4-9 (9), 11-15 (14), 18-23 (20), Feb 1-5 (25), Feb 8.
      assert.deepEqual(mediating.deadlines, [
        { kind: 'mediation', dueAt: '2027-02-08T23:59:59+08:00', workingDaysLeft: 26 },
      ]);
      const [entry] = recomputedEntries(mediating);
      assert.deepEqual(
        { ...entry, at: undefined, text: undefined },
        {
          type: 'deadline_recomputed',
          actorRole: 'system',
          fromStatus: 'accepted',
          at: undefined,
          text: undefined,
          deadlineKind: 'mediation',
          oldDueAt: '2027-02-03T23:59:59+08:00',
          newDueAt: '2027-02-08T23:59:59+08:00',
        },
      );
      assert.match(entry.text ?? '', /调解期限.*2027-02-03 调整为 2027-02-08/);
      const negotiated = await read(negotiating.id, shop.accessToken);
      assert.deepEqual(
        negotiated.deadlines.map((d) => [d.kind, d.dueAt, d.provisional]),
        [['merchant_response', '2027-01-11T23:59:59+08:00', undefined]],
      );
      assert.equal((await app.api.get('/meta')).body.calendar.coveredThrough, 2027);
      assert.equal((await (await fetch(`${app.baseUrl}/readyz`)).json()).calendar, 'ok');

      await app.notifications.notifier.drain();
      const told = (await inbox(consumer.accessToken)).filter((n) => n.type === 'deadline_recomputed');
      assert.equal(told.length, 1);
      assert.equal(told[0].caseId, filed.id);
      assert.match(told[0].body, /2027-02-03 调整为 2027-02-08/);
      const shopTold = (await inbox(shop.accessToken)).filter((n) => n.type === 'deadline_recomputed');
      assert.equal(shopTold.length, 1);
      assert.match(shopTold[0].body, /2027-01-12 调整为 2027-01-11/);

      // The correction withdraws Sat Jan 9: mediation one working day later (Feb 9), merchant Jan 12.
      const corrected = await put(2027, HYPOTHETICAL_2027_CORRECTED);
      assert.equal(corrected.body.recomputed, 2);
      const again = await read(filed.id, consumer.accessToken);
      assert.equal(again.deadlines[0].dueAt, '2027-02-09T23:59:59+08:00');
      assert.deepEqual(
        recomputedEntries(again).map((e) => [e.oldDueAt, e.newDueAt]),
        [
          ['2027-02-03T23:59:59+08:00', '2027-02-08T23:59:59+08:00'],
          ['2027-02-08T23:59:59+08:00', '2027-02-09T23:59:59+08:00'],
        ],
      );
      assert.equal(
        (await read(negotiating.id, shop.accessToken)).deadlines[0].dueAt,
        '2027-01-12T23:59:59+08:00',
      );

      const twice = await put(2027, HYPOTHETICAL_2027_CORRECTED);
      assert.equal(twice.status, 200);
      assert.equal(twice.body.recomputed, 0);
      const unchanged = await read(filed.id, consumer.accessToken);
      assert.equal(unchanged.version, again.version);
      assert.equal(recomputedEntries(unchanged).length, 2);
      const calendar = await app.api.get('/calendar');
      const y2027 = calendar.body.years.find((y: { year: number }) => y.year === 2027);
      assert.deepEqual(y2027, {
        year: 2027,
        source: HYPOTHETICAL_2027_CORRECTED.source,
        days: { off: HYPOTHETICAL_2027_CORRECTED.off, makeup: HYPOTHETICAL_2027_CORRECTED.makeup },
      });
    });

    test('when a paused mediation reaches into the saved year, then its kept working days are recomputed from its start and the resume counts them', async () => {
      app.clock.set(beijing('2026-12-01T10:00:00'));
      const consumer = await loginConsumer(app);
      const filed = await fileComplaint(app, consumer.accessToken);
      await act(app, admin, filed.id, { type: 'accept' });
      app.clock.set(beijing('2026-12-31T10:00:00'));
      const paused = await act(app, admin, filed.id, { type: 'pause_clock', reason: '送检' });
      // Dec 2-31 are 22 working days: 23 left whatever 2027 holds.
      assert.equal(paused.deadlines[0].workingDaysLeft, 23);
      app.clock.set(beijing('2027-01-05T10:00:00'));
      const resumed = await act(app, admin, filed.id, { type: 'resume_clock' });
      // From Tue Jan 5 under the corrected hypothetical 2027: Jan 6-8 (3), 11-15 (8), 18-22 (13),
      // Sat 23 (14), Feb 1-5 (19), Feb 8-11 (23) -> Feb 11, not provisional (2027 is known).
      assert.deepEqual(
        resumed.deadlines.map((d) => [d.dueAt, d.provisional]),
        [['2027-02-11T23:59:59+08:00', undefined]],
      );
      // Re-saving the year replays start, pause and resume: nothing moves.
      assert.equal((await put(2027, HYPOTHETICAL_2027_CORRECTED)).body.recomputed, 0);
      // Another correction (Jan 25-29 become working days again) moves it from the resume: Jan 6-8 (3),
      // 11-15 (8), 18-22 (13), 23 (14), 25-29 (19), Feb 1-4 (23) -> Feb 4.
      const third = { ...HYPOTHETICAL_2027_CORRECTED, source: '测试用假想安排（非官方）第3版' };
      third.off = third.off.filter((d) => !days('2027-01-25', '2027-01-29').includes(d));
      const saved = await put(2027, third);
      assert.ok(saved.body.recomputed >= 1, JSON.stringify(saved.body));
      const moved = await read(filed.id, consumer.accessToken);
      assert.equal(moved.deadlines[0].dueAt, '2027-02-04T23:59:59+08:00');
    });
  });
}
