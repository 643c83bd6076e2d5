import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { QUEUE_FILTERS, QUEUE_NAMES, type CaseView } from '@weiquan/shared';
import { compactTallies, rebuildTallies } from '../../bff/src/cases/queue-tallies';
import { act, createMerchant, fileComplaint, loginConsumer, loginStaffAs } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

type Login = Awaited<ReturnType<typeof loginStaffAs>>;
type Item = {
  id: string;
  caseNo: string;
  assignee: { id: string } | null;
  channel: string;
  greenChannel: boolean;
  supervised: boolean;
  nextDeadline: { kind: string; dueAt: string; workingDaysLeft: number } | null;
  nextDueAt: string | null;
};

for (const store of storeKinds()) {
  describe(`staff lists, queues and search (${store})`, () => {
    let app: TestApp;
    let handler: Login;
    let supervisor: Login;
    let admin: Login;
    let consumer: string;
    const c: Record<string, CaseView> = {};

    const list = async (qs: string, token = handler.accessToken): Promise<Item[]> => {
      const res = await app.api.get(`/cases?limit=100&${qs}`, { token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items;
    };
    const ids = (items: Item[]) => items.map((i) => i.id).sort();

    before(async () => {
      app = await startTestApp({ store });
      admin = await loginStaffAs(app, 'admin');
      supervisor = await loginStaffAs(app, 'supervisor');
      handler = await loginStaffAs(app, 'handler');
      consumer = (await loginConsumer(app)).accessToken;
      // Acceptance deadlines (7 working days) that, seen on Tue 2026-11-24, are overdue, due today,
      // due tomorrow (soon) and later.
      const at = async (iso: string, name: string, over: Record<string, unknown> = {}) => {
        app.clock.set(iso);
        c[name] = await fileComplaint(app, consumer, over as never);
      };
      await at('2026-11-10T02:00:00Z', 'overdue', { facts: '空调安装后漏水，商家拖延维修两周。' });
      await at('2026-11-13T02:00:00Z', 'today', {
        merchant: { name: '鹭江眼镜店', address: '福建省厦门市思明区中山路1号' },
      });
      await at('2026-11-16T02:00:00Z', 'soon', {
        complainant: { name: '林一', phone: '13655556666', address: '福建省厦门市湖里区1号' },
      });
      await at('2026-11-24T02:00:00Z', 'later', {
        category: 'food_safety',
        facts: '购买的月饼已过期变质，商家拒不退款。',
      });
      await at('2026-11-24T02:00:00Z', 'ended', {});
      await act(app, consumer, c.ended.id, { type: 'withdraw' });
      app.clock.set('2026-11-24T02:00:00Z');
      await act(app, handler.accessToken, c.today.id, { type: 'claim' });
      app.clock.advance(1000);
      await act(app, supervisor.accessToken, c.soon.id, { type: 'supervise', text: '请优先办理' });
      app.clock.set('2026-11-24T02:00:00Z');
    });
    after(() => app.close());

    test('when staff filter by due, then overdue, today and soon are the Beijing days of the soonest running deadline', async () => {
      assert.deepEqual(ids(await list('due=overdue')), [c.overdue.id]);
      assert.deepEqual(ids(await list('due=today')), [c.today.id]);
      assert.deepEqual(ids(await list('due=soon')), [c.today.id, c.soon.id].sort());
    });

    test('when staff filter by assignee, green channel, 督办, category and channel, then each list holds exactly those cases', async () => {
      assert.deepEqual(ids(await list('assignee=me')), [c.today.id]);
      assert.deepEqual(ids(await list(`assignee=${handler.user.id}`, supervisor.accessToken)), [c.today.id]);
      assert.ok(!ids(await list('assignee=none')).includes(c.today.id));
      assert.deepEqual(ids(await list('greenChannel=true')), [c.later.id]);
      assert.deepEqual(ids(await list('supervised=true')), [c.soon.id]);
      assert.deepEqual(ids(await list('category=food_safety')), [c.later.id]);
      assert.deepEqual(await list('channel=phone'), []);
    });

    test('when staff list cases, then items carry assignee, channel, green channel, 督办 and the next deadline with its working days left', async () => {
      const items = await list('sort=due');
      const today = items.find((i) => i.id === c.today.id)!;
      assert.deepEqual(
        {
          assignee: today.assignee?.id,
          channel: today.channel,
          greenChannel: today.greenChannel,
          supervised: today.supervised,
        },
        { assignee: handler.user.id, channel: 'miniprogram', greenChannel: false, supervised: false },
      );
      assert.deepEqual(today.nextDeadline, {
        kind: 'acceptance',
        dueAt: '2026-11-24T23:59:59+08:00',
        workingDaysLeft: 0,
      });
      const ended = items.find((i) => i.id === c.ended.id)!;
      assert.equal(ended.nextDeadline, null);
      // sort=due: soonest first, cases without a running deadline last
      assert.deepEqual(
        items.slice(0, 4).map((i) => i.id),
        [c.overdue.id, c.today.id, c.soon.id, c.later.id],
      );
      assert.equal(items.at(-1)!.nextDueAt, null);
    });

    test('when staff page a list sorted by due, then the pages join up without overlap', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Item[]; nextCursor: string | null } } = await app.api.get(
          `/cases?sort=due&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { token: handler.accessToken },
        );
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        (await list('sort=due')).map((i) => i.id),
      );
      const updated = await list('sort=updated');
      assert.equal(updated[0].id, c.soon.id, 'the last changed first');
    });

    test('when staff search, then an exact case number, an exact phone or words in the merchant name or facts find the case', async () => {
      assert.deepEqual(ids(await list(`q=${c.later.caseNo}`)), [c.later.id]);
      assert.deepEqual(ids(await list(`q=${c.later.caseNo.toLowerCase()}`)), [c.later.id]);
      assert.deepEqual(ids(await list('q=13655556666')), [c.soon.id]);
      assert.deepEqual(await list('q=1365555'), [], 'a phone matches exactly, never in part');
      assert.deepEqual(ids(await list(`q=${encodeURIComponent('鹭江眼镜')}`)), [c.today.id]);
      assert.deepEqual(ids(await list(`q=${encodeURIComponent('月饼 过期')}`)), [c.later.id]);
      assert.deepEqual(await list(`q=${encodeURIComponent('月饼 空调')}`), [], 'every word must match');
    });

    test('when a consumer uses a staff filter, then it is a 400 naming it', async () => {
      for (const qs of ['q=x', 'assignee=me', 'due=today', 'sort=due', 'supervised=true']) {
        const res = await app.api.get(`/cases?${qs}`, { token: consumer });
        assert.equal(res.status, 400, qs);
        assert.equal(res.body.error.details[0].path, qs.split('=')[0]);
      }
    });

    test('when the queues are counted, then each count equals the length of its list', async () => {
      const queues = (await app.api.get('/staff/queues', { token: handler.accessToken })).body;
      assert.deepEqual(Object.keys(queues).sort(), [...QUEUE_NAMES].sort());
      for (const name of QUEUE_NAMES) {
        const items = await list(new URLSearchParams(QUEUE_FILTERS[name]).toString());
        assert.equal(queues[name], items.length, name);
      }
      assert.deepEqual(
        [
          queues.mine,
          queues.overdue,
          queues.dueToday,
          queues.dueSoon,
          queues.greenChannel,
          queues.supervised,
        ],
        [1, 1, 1, 2, 1, 1],
      );
      assert.equal(queues.unassigned, 3, 'open and unassigned: overdue, soon, later');
      const other = (await app.api.get('/staff/queues', { token: supervisor.accessToken })).body;
      assert.equal(other.mine, 0, 'mine is the caller’s own');
      assert.equal((await app.api.get('/staff/queues', { token: consumer })).status, 403);
    });

    test('when the queue tallies are folded together or counted again from the cases, then every count stays the same', async () => {
      const counts = async () => (await app.api.get('/staff/queues', { token: handler.accessToken })).body;
      const kept = await counts();
      await compactTallies(app.database.db);
      assert.deepEqual(await counts(), kept);
      await app.database.db.tx((q) => rebuildTallies(q));
      assert.deepEqual(await counts(), kept, 'what the writes appended is what the cases hold');
    });

    test('when staff open a case with a complainant, then an audit row records who saw whose contact; lists and consumers leave none', async () => {
      const before = (await app.api.get(`/staff/audit?caseId=${c.later.id}`, { token: admin.accessToken }))
        .body.items.length;
      await list('');
      await app.api.get(`/cases/${c.later.id}`, { token: consumer });
      assert.equal(
        (await app.api.get(`/staff/audit?caseId=${c.later.id}`, { token: admin.accessToken })).body.items
          .length,
        before,
      );
      const seen = await app.api.get(`/cases/${c.later.id}`, { token: supervisor.accessToken });
      assert.equal(seen.body.complainant.phone, '13812348000');
      const audit = await app.api.get(`/staff/audit?caseId=${c.later.id}`, { token: admin.accessToken });
      assert.equal(audit.body.items.length, before + 1);
      assert.deepEqual(audit.body.items[0], {
        at: '2026-11-24T02:00:00.000Z',
        staff: { id: supervisor.user.id, displayName: supervisor.user.displayName },
        action: 'view',
        caseId: c.later.id,
        detail: 'complainant',
      });
      const unknown = await app.api.get(`/staff/audit?caseId=${randomUUID()}`, { token: admin.accessToken });
      assert.deepEqual(unknown.body.items, []);
    });

    // last: it files more open cases, which the counts above do not expect
    test('when staff filter by district, then the list holds the cases whose directory merchant is there, and the districts are listed once each', async () => {
      const huli = await createMerchant(app, { district: '湖里区', name: '湖里区某电器城' });
      const siming = await createMerchant(app, { district: '思明区' });
      const inHuli = await fileComplaint(app, consumer, { merchant: { id: huli.id } });
      const inSiming = await fileComplaint(app, consumer, { merchant: { id: siming.id } });
      assert.deepEqual(ids(await list(`district=${encodeURIComponent('湖里区')}`)), [inHuli.id]);
      assert.deepEqual(ids(await list(`district=${encodeURIComponent('思明区')}&open=true`)), [inSiming.id]);
      assert.deepEqual(await list(`district=${encodeURIComponent('集美区')}`), []);
      const queues = (await app.api.get('/staff/queues', { token: handler.accessToken })).body;
      assert.equal(queues.unassigned, (await list('assignee=none&open=true')).length);
      const districts = await app.api.get('/staff/districts', { token: handler.accessToken });
      assert.equal(districts.status, 200);
      assert.deepEqual(districts.body.items, [
        { name: '思明区', merchants: 1 },
        { name: '湖里区', merchants: 1 },
      ]);
      const refused = await app.api.get(`/cases?district=${encodeURIComponent('湖里区')}`, {
        token: consumer,
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.details[0].path, 'district');
      assert.equal((await app.api.get('/staff/districts', { token: consumer })).status, 403);
    });
  });
}
