import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  changeEvent,
  mediaCheckEvent,
  newEncodingAesKey,
  popupEvent,
  sentEvent,
  verificationQuery,
} from '../fakes/fake-wechat-push';
import { act, fileComplaint, loginStaff, upload } from '../support/factories';
import { storeKinds } from '../support/test-db';
import { TEMPLATES, startNotifyWorld, type NotifyWorld } from '../notify/notify-world';

const PUSH_TOKEN = 'weiquanPushToken2026';
let seq = 0;
const openid = (p = 'oP') => `${p}_${process.pid}_${++seq}`;

for (const store of storeKinds()) {
  describe(`WeChat message push at /wechat/push (${store})`, () => {
    let w: NotifyWorld;
    let staffToken: string;
    const aesKey = newEncodingAesKey();
    before(async () => {
      w = await startNotifyWorld(store, {
        env: { WECHAT_PUSH_TOKEN: PUSH_TOKEN, WECHAT_PUSH_AES_KEY: aesKey, WECHAT_TIMEOUT_MS: '1000' },
      });
      w.fake.setPushTarget({ url: `${w.app.baseUrl}/wechat/push`, token: PUSH_TOKEN, aesKey });
      staffToken = (await loginStaff(w.app)).accessToken;
    });
    after(() => w.close());

    const db = () => w.app.services.store.db;
    const seconds = () => Math.floor(w.app.clock.now().getTime() / 1000);
    /** pushes and waits until the BFF has acted on it (the work runs after the answer) */
    const push = async (
      event: Record<string, unknown>,
      opts: Parameters<NotifyWorld['fake']['push']>[1] = {},
    ) => {
      const answer = await w.fake.push(event, opts);
      await w.app.services.wechatPush.idle();
      return answer;
    };
    /** what is left of the caseUpdate grants of the user behind these tokens, as stored */
    const grantsOf = async (token: string) => {
      const me = await w.app.api.get('/me', { token });
      const rows = await db().query<{ remaining: number }>(
        'SELECT remaining FROM subscription_grants WHERE user_id = $1 AND template_id = $2',
        [me.body.user.id, TEMPLATES.caseUpdate],
      );
      return rows[0]?.remaining ?? 0;
    };
    const pushRows = async () => (await db().query('SELECT dedup_key FROM wechat_push_events')).length;

    test('when WeChat verifies the URL with the right signature, then the echostr comes back; a wrong one is 401', async () => {
      const good = await fetch(`${w.app.baseUrl}/wechat/push?${verificationQuery(PUSH_TOKEN, 'echo-12315')}`);
      assert.equal(good.status, 200);
      assert.equal(await good.text(), 'echo-12315');
      const bad = await fetch(
        `${w.app.baseUrl}/wechat/push?${verificationQuery('someOtherToken', 'echo-x')}`,
      );
      assert.equal(bad.status, 401);
      assert.ok(!(await bad.text()).includes('echo-x'));
    });

    test('when a push is signed with another token, in either mode, then 401 and nothing is recorded or granted', async () => {
      const consumer = await w.login(openid());
      const before = await pushRows();
      for (const mode of ['plain', 'safe'] as const) {
        const answer = await push(
          popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()),
          {
            mode,
            signWithToken: 'forgedToken123',
          },
        );
        assert.equal(answer.status, 401, mode);
      }
      assert.equal(await pushRows(), before);
      assert.equal(await grantsOf(consumer.accessToken), 0);
    });

    test('when a valid ciphertext names another appid inside, then 401 and nothing changes', async () => {
      const consumer = await w.login(openid());
      const answer = await push(
        popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()),
        {
          mode: 'safe',
          appIdInside: 'wxffffffffffffffff',
        },
      );
      assert.equal(answer.status, 401);
      assert.equal(await grantsOf(consumer.accessToken), 0);
    });

    for (const mode of ['plain', 'safe'] as const) {
      test(`when the popup event reports an accept (${mode}), then one grant is added and a later change is pushed once`, async () => {
        const consumer = await w.login(openid());
        const filed = await fileComplaint(w.app, consumer.accessToken);
        await w.app.notifications.notifier.drain();
        const answer = await push(
          popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()),
          {
            mode,
          },
        );
        assert.deepEqual(answer, { status: 200, text: 'success' });
        assert.equal(await grantsOf(consumer.accessToken), 1);
        await act(w.app, staffToken, filed.id, { type: 'message', text: '请补充购买凭证' });
        await act(w.app, staffToken, filed.id, { type: 'message', text: '请再补充一次' });
        await w.app.notifications.notifier.drain();
        assert.equal(w.fake.sent.filter((m) => m.touser === consumer.openid).length, 1);
      });

      test(`when the same event is pushed again (${mode}), then it is answered success and counted once`, async () => {
        const consumer = await w.login(openid());
        const event = popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds());
        assert.equal((await push(event, { mode })).text, 'success');
        assert.equal((await push(event, { mode })).text, 'success');
        assert.equal((await push(event, { mode: mode === 'plain' ? 'safe' : 'plain' })).text, 'success');
        assert.equal(await grantsOf(consumer.accessToken), 1);
      });

      test(`when the change event reports a reject (${mode}), then the remaining grants of that template are gone`, async () => {
        const consumer = await w.login(openid());
        await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 3);
        assert.equal(await grantsOf(consumer.accessToken), 3);
        await push(changeEvent(consumer.openid, [TEMPLATES.caseUpdate, TEMPLATES.deadline], seconds()), {
          mode,
        });
        assert.equal(await grantsOf(consumer.accessToken), 0);
      });

      test(`when the sent event reports a failed delivery (${mode}), then the delivery is marked with the code and the inbox says failed`, async () => {
        const consumer = await w.login(openid());
        await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 2);
        const filed = await fileComplaint(w.app, consumer.accessToken);
        await act(w.app, staffToken, filed.id, { type: 'message', text: '请补充购买凭证' });
        await act(w.app, staffToken, filed.id, { type: 'message', text: '第二条消息' });
        await w.app.notifications.notifier.drain();
        const sent = w.fake.sent.filter((m) => m.touser === consumer.openid);
        assert.equal(sent.length, 2);
        await push(
          sentEvent(
            consumer.openid,
            [
              { templateId: TEMPLATES.caseUpdate, msgid: sent[0].msgid, errorCode: 10004 },
              { templateId: TEMPLATES.caseUpdate, msgid: sent[1].msgid, errorCode: 0 },
            ],
            seconds(),
          ),
          { mode },
        );
        const rows = await db().query<{ msgid: string; state: string; reported_error_code: number | null }>(
          'SELECT msgid, state, reported_error_code FROM deliveries WHERE touser = $1 ORDER BY id',
          [consumer.openid],
        );
        const byMsgid = Object.fromEntries(rows.map((r) => [r.msgid, [r.state, r.reported_error_code]]));
        assert.deepEqual(byMsgid, {
          [String(sent[0].msgid)]: ['undelivered', 10004],
          [String(sent[1].msgid)]: ['sent', 0],
        });
        const inbox = await w.app.api.get('/notifications', { token: consumer.accessToken });
        const states = inbox.body.items
          .filter((n: { push?: { state: string } }) => n.push)
          .map((n: { push: { state: string } }) => n.push.state)
          .sort();
        assert.deepEqual(states, ['failed', 'sent']);
      });

      test(`when wxa_media_check says risky for a known trace_id (${mode}), then the image is hidden from merchants and listed for staff`, async () => {
        const consumer = await w.login(openid());
        const photo = await upload(w.app, consumer.accessToken);
        const filed = await fileComplaint(w.app, consumer.accessToken, { attachments: [photo.body.id] });
        const traceId = `trace-${mode}-${seq}`;
        await w.app.services.mediaChecks.requested(photo.body.id, filed.id, { traceId });
        await push(
          mediaCheckEvent(
            w.fake.appId,
            consumer.openid,
            traceId,
            { suggest: 'risky', label: 20002 },
            seconds(),
          ),
          {
            mode,
          },
        );
        assert.equal(await w.app.services.mediaChecks.isHidden(photo.body.id), true);
        const listed = await db().query<{ reason: string; label: number }>(
          'SELECT reason, label FROM moderation_items WHERE target = $1',
          [`upload:${photo.body.id}`],
        );
        assert.deepEqual(listed, [{ reason: 'media_risky', label: 20002 }]);
      });
    }

    test('when the client and the push both report one tap, then it counts once; two client taps and one push count twice', async () => {
      const consumer = await w.login(openid());
      await push(popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()));
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1);
      assert.equal(await grantsOf(consumer.accessToken), 1);

      const other = await w.login(openid());
      await w.grant(other.accessToken, TEMPLATES.caseUpdate, 2);
      await push(popupEvent(other.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()));
      assert.equal(await grantsOf(other.accessToken), 2);
    });

    test('when the client and the push report taps more than five minutes apart, then they are two taps', async () => {
      const consumer = await w.login(openid());
      await w.grant(consumer.accessToken, TEMPLATES.caseUpdate, 1);
      w.app.clock.advance(6 * 60_000);
      await push(popupEvent(consumer.openid, { [TEMPLATES.caseUpdate]: 'accept' }, seconds()));
      assert.equal(await grantsOf(consumer.accessToken), 2);
    });

    test('when the popup event reports a reject or an unconfigured template, then no grant is added', async () => {
      const consumer = await w.login(openid());
      await push(
        popupEvent(
          consumer.openid,
          { [TEMPLATES.caseUpdate]: 'reject', 'tpl-not-ours': 'accept' },
          seconds(),
        ),
      );
      assert.equal(await grantsOf(consumer.accessToken), 0);
    });
  });
}
