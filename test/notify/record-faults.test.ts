/**
 * A push WeChat accepted whose outcome the database could not record at once (a restart, a pool
 * out of connections): the recording is retried, so the lease never runs out on a sent message and
 * it is not sent a second time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createNotifications } from '../../bff/src/notify';
import type { Db } from '../../bff/src/store/db';
import { Sql } from '../../bff/src/store/sql';
import { act, fileComplaint, loginStaff } from '../support/factories';
import { storeKinds } from '../support/test-db';
import { TEMPLATES, deliveries, startNotifyWorld, type NotifyWorld } from './notify-world';

/** The database, except that the first `times` recordings of a sent push fail as a restart makes them. */
function refusingSentRecordings(db: Db, times: number) {
  const refused = { count: 0 };
  const query: Db['query'] = (text, params) => {
    const sqlText = text instanceof Sql ? text.text : text;
    if (refused.count < times && /UPDATE deliveries SET state = 'sent'/.test(sqlText)) {
      refused.count++;
      const err = Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
      return Promise.reject(err);
    }
    return db.query(text, params);
  };
  return { db: { ...db, query }, refused };
}

for (const store of storeKinds()) {
  describe(`recording push outcomes when the database blinks (${store})`, () => {
    let w: NotifyWorld;
    before(async () => {
      w = await startNotifyWorld(store);
    });
    after(() => w.close());

    test('when recording a sent push fails twice, then the third try records it, and it is not sent again once the lease would have run out', async () => {
      const staff = (await loginStaff(w.app)).accessToken;
      const consumer = await w.login(`oBlink_${process.pid}`);
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1);
      const filed = await fileComplaint(w.app, consumer.accessToken);
      await w.app.notifications.notifier.drain();
      await act(w.app, staff, filed.id, { type: 'message', text: '请补充购买凭证' });

      const services = w.app.services;
      const blinking = refusingSentRecordings(services.store.db, 2);
      const worker = createNotifications({ ...services, store: { ...services.store, db: blinking.db } });
      await worker.notifier.drain();
      assert.equal(blinking.refused.count, 2, 'two recordings were refused');

      // Past the lease: a delivery left 'sending' would now be leased again and sent twice.
      w.app.clock.advance(61_000);
      await w.app.notifications.notifier.drain();
      assert.equal(w.fake.sent.filter((m) => m.touser === consumer.openid).length, 1, 'sent once');
      const mine = (await deliveries(w.app)).filter((d) => d.touser === consumer.openid);
      assert.deepEqual(
        mine.map((d) => [d.state, d.attempts]),
        [['sent', 1]],
      );
      assert.ok(w.app.logLines.some((l) => l.includes('recording a push outcome failed; retrying')));
    });
  });
}
