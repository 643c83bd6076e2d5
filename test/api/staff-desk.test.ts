import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { EXPORT_COLUMNS } from '@weiquan/shared';
import {
  act,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaffAs,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

type Login = Awaited<ReturnType<typeof loginStaffAs>>;

for (const store of storeKinds()) {
  describe(`the staff desk: templates, merchants, FAQ, exports, audit (${store})`, () => {
    let app: TestApp;
    let admin: Login;
    let supervisor: Login;
    let handler: Login;
    let consumer: string;

    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
      admin = await loginStaffAs(app, 'admin');
      supervisor = await loginStaffAs(app, 'supervisor');
      handler = await loginStaffAs(app, 'handler');
      consumer = (await loginConsumer(app)).accessToken;
    });
    after(() => app.close());

    test('when a supervisor adds reply templates, then every staff member lists them, filtered by action, and a handler may not add or delete one', async () => {
      const refuse = await app.api.post(
        '/staff/templates',
        {
          title: '超出受理范围',
          action: 'refuse',
          text: '您反映的问题不属于消费者权益争议，建议向有关部门反映。',
        },
        { token: supervisor.accessToken },
      );
      assert.equal(refuse.status, 201, JSON.stringify(refuse.body));
      assert.deepEqual(
        { ...refuse.body, id: undefined },
        {
          id: undefined,
          title: '超出受理范围',
          action: 'refuse',
          text: '您反映的问题不属于消费者权益争议，建议向有关部门反映。',
        },
      );
      const general = await app.api.post(
        '/staff/templates',
        { title: '问候', text: '您好，这里是12315。' },
        { token: supervisor.accessToken },
      );
      assert.equal(general.body.action, null);
      const forRefuse = await app.api.get('/staff/templates?action=refuse', { token: handler.accessToken });
      assert.equal(forRefuse.status, 200);
      assert.deepEqual(
        forRefuse.body.items.map((t: { id: string }) => t.id),
        [refuse.body.id],
      );
      const all = await app.api.get('/staff/templates', { token: handler.accessToken });
      assert.ok(all.body.items.some((t: { id: string }) => t.id === general.body.id));

      const byHandler = await app.api.post(
        '/staff/templates',
        { title: 'x', text: 'y' },
        { token: handler.accessToken },
      );
      assert.equal(byHandler.status, 403);
      assert.equal(
        (await app.api.delete(`/staff/templates/${refuse.body.id}`, { token: handler.accessToken })).status,
        403,
      );
      assert.equal((await app.api.get('/staff/templates', { token: consumer })).status, 403);

      const gone = await app.api.delete(`/staff/templates/${refuse.body.id}`, { token: admin.accessToken });
      assert.equal(gone.status, 204);
      assert.deepEqual(
        (await app.api.get('/staff/templates?action=refuse', { token: handler.accessToken })).body.items,
        [],
      );
      assert.equal(
        (await app.api.delete(`/staff/templates/${refuse.body.id}`, { token: admin.accessToken })).status,
        404,
      );
    });

    test('when staff list merchants, then each carries its USCC, bound users and open complaints; an admin edits one and the directory shows it', async () => {
      const m = await createMerchant(app, { odr: false, name: `鹭岛电器${randomUUID().slice(0, 4)}` });
      await loginMerchant(app, m);
      await fileComplaint(app, consumer, { merchant: { id: m.id } });
      const filed = await fileComplaint(app, consumer, { merchant: { id: m.id } });
      await act(app, consumer, filed.id, { type: 'withdraw' });

      const list = await app.api.get(`/staff/merchants?q=${encodeURIComponent(m.name)}`, {
        token: handler.accessToken,
      });
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.items.length, 1);
      assert.deepEqual(
        {
          boundUsers: list.body.items[0].boundUsers,
          openComplaints: list.body.items[0].openComplaints,
          uscc: list.body.items[0].uscc,
        },
        { boundUsers: 1, openComplaints: 1, uscc: null },
      );

      const edit = await app.api.put(
        `/staff/merchants/${m.id}`,
        { name: `${m.name}（思明店）`, uscc: '91350200MA2XXXXX0X', badges: { rightsStation: true } },
        { token: admin.accessToken },
      );
      assert.equal(edit.status, 200, JSON.stringify(edit.body));
      assert.equal(edit.body.name, `${m.name}（思明店）`);
      assert.equal(edit.body.uscc, '91350200MA2XXXXX0X');
      assert.deepEqual(edit.body.badges, { odr: false, noReasonReturn: false, rightsStation: true });
      const directory = await app.api.get(`/merchants?q=${encodeURIComponent('思明店')}`);
      assert.ok(
        directory.body.items.some(
          (x: { id: string; badges: { rightsStation: boolean } }) => x.id === m.id && x.badges.rightsStation,
        ),
      );

      for (const who of [handler, supervisor]) {
        assert.equal(
          (await app.api.put(`/staff/merchants/${m.id}`, { name: '改名' }, { token: who.accessToken }))
            .status,
          403,
        );
      }
      assert.equal(
        (
          await app.api.put(
            `/staff/merchants/${randomUUID()}`,
            { name: '改名商家' },
            { token: admin.accessToken },
          )
        ).status,
        404,
      );
      const empty = await app.api.put(`/staff/merchants/${m.id}`, {}, { token: admin.accessToken });
      assert.equal(empty.status, 400);
    });

    test('when staff page through merchants, then pages do not overlap and end with a null cursor', async () => {
      for (let i = 0; i < 3; i++)
        await createMerchant(app, { name: `翻页商家${i}${randomUUID().slice(0, 4)}` });
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await app.api.get(
            `/staff/merchants?q=${encodeURIComponent('翻页商家')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            { token: handler.accessToken },
          );
        assert.equal(res.status, 200);
        for (const item of res.body.items) {
          assert.ok(!seen.has(item.id));
          seen.add(item.id);
        }
        cursor = res.body.nextCursor;
      } while (cursor);
      assert.equal(seen.size, 3);
      assert.equal(
        (await app.api.get('/staff/merchants?cursor=bm9wZQ', { token: handler.accessToken })).status,
        400,
      );
    });

    test('when a supervisor edits and then unpublishes an FAQ entry, then GET /faq shows the edit and then no longer finds it', async () => {
      const asked = await app.api.post(
        '/cases',
        { kind: 'consultation', category: 'prepaid_cards', question: '美容院预付卡能退吗？' },
        { token: consumer, headers: { 'Idempotency-Key': randomUUID() } },
      );
      await act(app, admin.accessToken, asked.body.id, {
        type: 'answer',
        text: '可以协商退还余额。',
        publishAsFaq: true,
      });
      const found = await app.api.get(`/faq?q=${encodeURIComponent('美容院预付卡')}`);
      const entry = found.body.items[0];
      assert.equal(entry.answer, '可以协商退还余额。');

      assert.equal(
        (await app.api.put(`/staff/faq/${entry.id}`, { answer: '改' }, { token: handler.accessToken }))
          .status,
        403,
      );
      const edited = await app.api.put(
        `/staff/faq/${entry.id}`,
        { answer: '可凭合同与付款记录要求退还剩余费用。' },
        { token: supervisor.accessToken },
      );
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.question, '美容院预付卡能退吗？');
      const after1 = await app.api.get(`/faq?q=${encodeURIComponent('美容院预付卡')}`);
      assert.equal(after1.body.items[0].answer, '可凭合同与付款记录要求退还剩余费用。');

      assert.equal(
        (await app.api.delete(`/staff/faq/${entry.id}`, { token: supervisor.accessToken })).status,
        204,
      );
      const after2 = await app.api.get(`/faq?q=${encodeURIComponent('美容院预付卡')}`);
      assert.ok(!after2.body.items.some((x: { id: string }) => x.id === entry.id));
      assert.equal(
        (await app.api.delete(`/staff/faq/${entry.id}`, { token: supervisor.accessToken })).status,
        404,
      );
      assert.equal(
        (await app.api.put(`/staff/faq/${entry.id}`, { answer: '再改' }, { token: admin.accessToken }))
          .status,
        404,
      );
    });

    test('when a supervisor exports the cases of a period, then the bytes are UTF-8 with a BOM, one header row, one row per case, and no phone, name or address', async () => {
      const m = await createMerchant(app, { odr: false });
      const a = await fileComplaint(app, consumer, { merchant: { id: m.id } });
      const b = await fileComplaint(app, consumer, {
        merchant: { name: '=HYPERLINK("http://x")', address: '福建省厦门市湖里区仙岳路1号' },
      });
      await act(app, admin.accessToken, a.id, { type: 'accept' });
      await act(app, admin.accessToken, a.id, {
        type: 'close',
        outcome: 'mediated',
        recoveredFen: 39900,
        text: '调解成功',
      });

      const res = await fetch(
        `${app.baseUrl}/api/v1/staff/exports/cases.csv?from=2026-11-24&to=2026-11-24&kind=complaint`,
        {
          headers: { authorization: `Bearer ${supervisor.accessToken}` },
        },
      );
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      const lines = text.split('\r\n').filter(Boolean);
      assert.equal(lines[0], EXPORT_COLUMNS.join(','));
      const rowOf = (caseNo: string) => lines.find((l) => l.startsWith(`${caseNo},`));
      const rowA = rowOf(a.caseNo)!.split(',');
      assert.deepEqual(
        Object.fromEntries(
          ['caseNo', 'kind', 'channel', 'status', 'outcome', 'recoveredFen'].map((k) => [
            k,
            rowA[EXPORT_COLUMNS.indexOf(k as never)],
          ]),
        ),
        {
          caseNo: a.caseNo,
          kind: 'complaint',
          channel: 'miniprogram',
          status: 'closed',
          outcome: 'mediated',
          recoveredFen: '39900',
        },
      );
      assert.match(rowA[EXPORT_COLUMNS.indexOf('acceptedAt')], /^2026-11-24T10:00:00\+08:00$/);
      assert.ok(rowOf(b.caseNo)!.includes(`"'=HYPERLINK(""http://x"")"`), 'a formula is defused');
      for (const secret of ['13812348000', '张三', '莲前东路']) assert.ok(!text.includes(secret), secret);

      const outside = await app.api.get('/staff/exports/cases.csv?from=2026-11-25&to=2026-11-30', {
        token: admin.accessToken,
      });
      assert.equal(outside.status, 200);
      assert.equal(String(outside.body).replace('\uFEFF', '').trim(), EXPORT_COLUMNS.join(','));
    });

    test('when a handler asks for an export or anyone asks for a bad period, then 403 or 400 and no audit row', async () => {
      const before = await app.api.get('/staff/audit?limit=100', { token: admin.accessToken });
      assert.equal(
        (
          await app.api.get('/staff/exports/cases.csv?from=2026-11-01&to=2026-11-30', {
            token: handler.accessToken,
          })
        ).status,
        403,
      );
      const bad = await app.api.get('/staff/exports/cases.csv?from=2026-11-30&to=2026-11-01', {
        token: admin.accessToken,
      });
      assert.equal(bad.status, 400);
      assert.equal(
        (await app.api.get('/staff/exports/cases.csv?from=2026-11-01', { token: admin.accessToken })).status,
        400,
      );
      const afterwards = await app.api.get('/staff/audit?limit=100', { token: admin.accessToken });
      assert.equal(afterwards.body.items.length, before.body.items.length);
    });

    test('when a supervisor exports, then the audit shows who exported what and when, to admins only, newest first, filtered by staff', async () => {
      await app.api.get('/staff/exports/cases.csv?from=2026-11-01&to=2026-11-24&kind=report', {
        token: supervisor.accessToken,
      });
      const audit = await app.api.get(`/staff/audit?staffId=${supervisor.user.id}`, {
        token: admin.accessToken,
      });
      assert.equal(audit.status, 200, JSON.stringify(audit.body));
      const [latest] = audit.body.items;
      assert.deepEqual(latest, {
        at: '2026-11-24T02:00:00.000Z',
        staff: { id: supervisor.user.id, displayName: supervisor.user.displayName },
        action: 'export',
        detail: 'cases.csv 2026-11-01..2026-11-24 kind=report',
      });
      assert.ok(audit.body.items.every((i: { staff: { id: string } }) => i.staff.id === supervisor.user.id));
      for (const who of [handler, supervisor])
        assert.equal((await app.api.get('/staff/audit', { token: who.accessToken })).status, 403);
      assert.equal((await app.api.get('/staff/audit', { token: consumer })).status, 403);
      assert.equal(
        (await app.api.get('/staff/audit?cursor=bm9wZQ', { token: admin.accessToken })).status,
        400,
      );
      const first = await app.api.get('/staff/audit?limit=1', { token: admin.accessToken });
      assert.ok(first.body.nextCursor);
      const second = await app.api.get(`/staff/audit?limit=1&cursor=${first.body.nextCursor}`, {
        token: admin.accessToken,
      });
      assert.equal(second.status, 200);
      assert.notDeepEqual(second.body.items[0], first.body.items[0]);
    });
  });
}
