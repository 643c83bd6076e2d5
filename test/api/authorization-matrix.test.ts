/**
 * Every endpoint x role x ownership -> the expected status, tested exhaustively. A case or upload
 * the caller may not see is a 404 (never a 403); a role that may never use an endpoint is a 403;
 * no token is a 401. A route added to the shared route table without a row here fails the test.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { API_ROUTES } from '@weiquan/shared';
import type { ApiAnswer } from '../support/api-client';
import {
  complaintBody,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  loginStaffAs,
  PNG_1X1,
  upload,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds } from '../support/test-db';

const ACTORS = [
  'consumer',
  'otherConsumer',
  'merchant',
  'otherMerchant',
  'handler',
  'supervisor',
  'admin',
  'anonymous',
] as const;
type Actor = (typeof ACTORS)[number];
type Expect = Record<Actor, number>;
/** What each staff role answers, where they differ (handler < supervisor < admin). */
const byStaffRole = (handler: number, supervisor: number, admin: number) => ({ handler, supervisor, admin });
const LEADS_ONLY = (ok: number) => byStaffRole(403, ok, ok);
const ADMIN_ONLY = (ok: number) => byStaffRole(403, 403, ok);
const row = (
  consumer: number,
  otherConsumer: number,
  merchant: number,
  otherMerchant: number,
  staff: number | ReturnType<typeof byStaffRole>,
  anonymous: number,
): Expect => ({
  consumer,
  otherConsumer,
  merchant,
  otherMerchant,
  ...(typeof staff === 'number' ? byStaffRole(staff, staff, staff) : staff),
  anonymous,
});

interface World {
  app: TestApp;
  tokens: Record<Exclude<Actor, 'anonymous'>, string>;
  /** a complaint by `consumer` against `merchant` (ODR, so merchant_negotiating), with an attached upload */
  complaintId: string;
  attachedUploadId: string;
  /** a report by `consumer` against `merchant` (merchants never see reports) */
  reportId: string;
  /** an upload by `consumer`, not attached to any case */
  looseUploadId: string;
  /** the handler's staff account id */
  handlerId: string;
}

interface Cell {
  /** route-table key: "METHOD /path/{param}" */
  route: string;
  what: string;
  send(w: World, token: string | undefined): Promise<ApiAnswer>;
  expect: Expect;
}

const note = { text: '补充说明：商家电话无人接听。' };
const MATRIX: Cell[] = [
  {
    route: 'POST /auth/wechat',
    what: 'log in',
    send: (w, token) => w.app.api.post('/auth/wechat', { code: 'dev:matrix-someone' }, { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /auth/refresh',
    what: 'an unknown refresh token',
    send: (w, token) =>
      w.app.api.post('/auth/refresh', { refreshToken: 'unknown-token-unknown-token' }, { token }),
    expect: row(401, 401, 401, 401, 401, 401),
  },
  {
    route: 'POST /auth/staff',
    what: 'a wrong password',
    send: (w, token) =>
      w.app.api.post('/auth/staff', { username: 'staff-test', password: 'wrong-password' }, { token }),
    expect: row(401, 401, 401, 401, 401, 401),
  },
  {
    route: 'GET /me',
    what: 'who am I',
    send: (w, token) => w.app.api.get('/me', { token }),
    expect: row(200, 200, 200, 200, 200, 401),
  },
  {
    route: 'POST /me/phone',
    what: 'save my verified phone (emulator code)',
    send: (w, token) => w.app.api.post('/me/phone', { code: 'dev:13912345678' }, { token }),
    expect: row(200, 200, 200, 200, 403, 401),
  },
  {
    route: 'PUT /me/profile',
    what: 'save my profile',
    send: (w, token) =>
      w.app.api.put(
        '/me/profile',
        { name: '李四', phone: '13912345678', address: '福建省厦门市湖里区' },
        { token },
      ),
    expect: row(200, 200, 200, 200, 403, 401),
  },
  {
    route: 'GET /merchants',
    what: 'directory',
    send: (w, token) => w.app.api.get('/merchants?q=%E5%95%86', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'POST /merchant/bind',
    what: 'an unknown binding code',
    send: (w, token) => w.app.api.post('/merchant/bind', { bindingCode: 'ZZZZ-ZZZZ-ZZZZ' }, { token }),
    expect: row(400, 400, 400, 400, 403, 401),
  },
  {
    route: 'POST /staff/merchants',
    what: 'create a merchant',
    send: (w, token) =>
      w.app.api.post(
        '/staff/merchants',
        { name: '矩阵测试商家', address: '福建省厦门市思明区1号', district: '思明区' },
        { token },
      ),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(201), 401),
  },
  {
    route: 'POST /staff/merchants/{id}/binding-code',
    what: 'a new binding code for a merchant that does not exist',
    send: (w, token) => w.app.api.post(`/staff/merchants/${randomUUID()}/binding-code`, undefined, { token }),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(404), 401),
  },
  {
    route: 'DELETE /staff/merchants/{id}/bindings/{userId}',
    what: 'unbind a user that is not bound there',
    send: (w, token) =>
      w.app.api.request('DELETE', `/staff/merchants/${randomUUID()}/bindings/${randomUUID()}`, undefined, {
        token,
      }),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(404), 401),
  },
  {
    route: 'POST /cases',
    what: 'file a complaint',
    send: (w, token) =>
      w.app.api.post('/cases', complaintBody(), { token, headers: { 'Idempotency-Key': randomUUID() } }),
    expect: row(201, 201, 403, 403, 400, 401),
  },
  {
    route: 'POST /cases',
    what: 'staff file a hotline call (a channel: staff only)',
    send: (w, token) =>
      w.app.api.post(
        '/cases',
        { ...complaintBody(), channel: 'phone' },
        { token, headers: { 'Idempotency-Key': randomUUID() } },
      ),
    expect: row(400, 400, 403, 403, 201, 401),
  },
  {
    route: 'POST /cases/claim',
    what: 'a wrong claim code',
    send: (w, token) =>
      w.app.api.post('/cases/claim', { caseNo: 'XM20990101000001', claimCode: '00000000' }, { token }),
    expect: row(404, 404, 403, 403, 403, 401),
  },
  {
    route: 'POST /staff/cases/bulk',
    what: 'claim a case that does not exist (200 with its own 404)',
    send: (w, token) =>
      w.app.api.post('/staff/cases/bulk', { caseIds: [randomUUID()], action: { type: 'claim' } }, { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'GET /staff/queues',
    what: 'queue counts',
    send: (w, token) => w.app.api.get('/staff/queues', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'an internal note on the report',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.reportId}/actions`, { type: 'note', text: '内部备注' }, { token }),
    expect: row(409, 404, 404, 404, 200, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'supervise (督办) the complaint',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.complaintId}/actions`, { type: 'supervise', text: '请尽快办理' }, { token }),
    expect: row(409, 404, 409, 404, byStaffRole(409, 200, 200), 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'assign the complaint to the handler',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.complaintId}/actions`, { type: 'assign', staffId: w.handlerId }, { token }),
    expect: row(409, 404, 409, 404, byStaffRole(409, 200, 200), 401),
  },
  {
    route: 'GET /cases',
    what: 'list',
    send: (w, token) => w.app.api.get('/cases', { token }),
    expect: row(200, 200, 200, 200, 200, 401),
  },
  {
    route: 'GET /cases/{id}',
    what: 'the complaint',
    send: (w, token) => w.app.api.get(`/cases/${w.complaintId}`, { token }),
    expect: row(200, 404, 200, 404, 200, 401),
  },
  {
    route: 'GET /cases/{id}',
    what: 'the report',
    send: (w, token) => w.app.api.get(`/cases/${w.reportId}`, { token }),
    expect: row(200, 404, 404, 404, 200, 401),
  },
  {
    route: 'GET /cases/{id}',
    what: 'no such case',
    send: (w, token) => w.app.api.get(`/cases/${randomUUID()}`, { token }),
    expect: row(404, 404, 404, 404, 404, 401),
  },
  {
    route: 'GET /cases/{id}',
    what: 'not a uuid',
    send: (w, token) => w.app.api.get('/cases/1%20OR%201=1', { token }),
    expect: row(404, 404, 404, 404, 404, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'supplement the complaint',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.complaintId}/actions`, { type: 'supplement', ...note }, { token }),
    expect: row(200, 404, 409, 404, 409, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'message on the complaint',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.complaintId}/actions`, { type: 'message', ...note }, { token }),
    expect: row(409, 404, 200, 404, 200, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'propose on the complaint (stale version)',
    send: (w, token) =>
      w.app.api.post(
        `/cases/${w.complaintId}/actions`,
        { type: 'propose', text: '退款', refundFen: 100, expectedVersion: 1 },
        { token },
      ),
    expect: row(409, 404, 409, 404, 409, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'staff accept on the complaint',
    send: (w, token) => w.app.api.post(`/cases/${w.complaintId}/actions`, { type: 'accept' }, { token }),
    expect: row(409, 404, 409, 404, 409, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'message on the report',
    send: (w, token) =>
      w.app.api.post(`/cases/${w.reportId}/actions`, { type: 'message', ...note }, { token }),
    expect: row(409, 404, 404, 404, 200, 401),
  },
  {
    route: 'POST /cases/{id}/actions',
    what: 'no such case',
    send: (w, token) =>
      w.app.api.post(`/cases/${randomUUID()}/actions`, { type: 'message', ...note }, { token }),
    expect: row(404, 404, 404, 404, 404, 401),
  },
  {
    route: 'POST /uploads',
    what: 'upload a PNG',
    send: (w, token) => upload(w.app, token as string),
    expect: row(201, 201, 201, 201, 201, 401),
  },
  {
    route: 'GET /uploads/{id}',
    what: 'evidence of the complaint',
    send: (w, token) => w.app.api.get(`/uploads/${w.attachedUploadId}`, { token }),
    expect: row(200, 404, 200, 404, 200, 401),
  },
  {
    route: 'GET /uploads/{id}',
    what: 'a loose upload',
    send: (w, token) => w.app.api.get(`/uploads/${w.looseUploadId}`, { token }),
    expect: row(200, 404, 404, 404, 200, 401),
  },
  {
    route: 'GET /uploads/{id}',
    what: 'no such upload',
    send: (w, token) => w.app.api.get(`/uploads/${randomUUID()}`, { token }),
    expect: row(404, 404, 404, 404, 404, 401),
  },
  {
    route: 'POST /subscriptions',
    what: 'record grants',
    send: (w, token) => w.app.api.post('/subscriptions', { results: { 'tpl-matrix': 'reject' } }, { token }),
    expect: row(200, 200, 200, 200, 403, 401),
  },
  {
    route: 'GET /notifications',
    what: 'my inbox',
    send: (w, token) => w.app.api.get('/notifications', { token }),
    expect: row(200, 200, 200, 200, 200, 401),
  },
  {
    route: 'POST /notifications/read',
    what: 'mark read',
    send: (w, token) => w.app.api.post('/notifications/read', { ids: ['999999999'] }, { token }),
    expect: row(200, 200, 200, 200, 200, 401),
  },
  {
    route: 'GET /stats',
    what: 'public figures',
    send: (w, token) => w.app.api.get('/stats', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'GET /faq',
    what: 'FAQ',
    send: (w, token) => w.app.api.get('/faq?q=%E9%80%80%E8%B4%A7', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'GET /articles',
    what: 'articles',
    send: (w, token) => w.app.api.get('/articles', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'GET /articles/{id}',
    what: 'no such article',
    send: (w, token) => w.app.api.get(`/articles/${randomUUID()}`, { token }),
    expect: row(404, 404, 404, 404, 404, 404),
  },
  {
    route: 'POST /staff/articles',
    what: 'publish an article',
    send: (w, token) =>
      w.app.api.post(
        '/staff/articles',
        { kind: 'warning', title: '警惕预付卡跑路', body: '办理预付卡前请核实商家资质，保留好票据与合同。' },
        { token },
      ),
    expect: row(403, 403, 403, 403, 201, 401),
  },
  {
    route: 'GET /staff/hotspots',
    what: 'hot spots',
    send: (w, token) => w.app.api.get('/staff/hotspots', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /staff/accounts',
    what: 'create a staff account',
    send: (w, token) =>
      w.app.api.post(
        '/staff/accounts',
        {
          username: `matrix-${randomUUID().slice(0, 8)}`,
          displayName: '矩阵测试',
          staffRole: 'handler',
          password: 'matrix-password-1',
        },
        { token },
      ),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(201), 401),
  },
  {
    route: 'GET /calendar',
    what: 'the holiday arrangements (anyone)',
    send: (w, token) => w.app.api.get('/calendar', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'PUT /staff/calendar/{year}',
    what: 'a preview (dryRun) of a hypothetical 2030 arrangement',
    send: (w, token) =>
      w.app.api.put(
        '/staff/calendar/2030?dryRun=true',
        {
          source: '矩阵测试（假想安排）',
          off: ['2030-01-01', '2030-05-01', '2030-05-02', '2030-10-01', '2030-10-02', '2030-10-03'],
          makeup: [],
        },
        { token },
      ),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(200), 401),
  },
  {
    route: 'GET /staff/accounts',
    what: 'list staff accounts',
    send: (w, token) => w.app.api.get('/staff/accounts', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'PUT /staff/accounts/{id}',
    what: 'no such staff account',
    send: (w, token) =>
      w.app.api.put(`/staff/accounts/${randomUUID()}`, { displayName: '无此人' }, { token }),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(404), 401),
  },
  {
    route: 'GET /staff/templates',
    what: 'reply templates',
    send: (w, token) => w.app.api.get('/staff/templates', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /staff/templates',
    what: 'add a reply template',
    send: (w, token) =>
      w.app.api.post('/staff/templates', { title: '矩阵模板', text: '您好，已收到您的投诉。' }, { token }),
    expect: row(403, 403, 403, 403, LEADS_ONLY(201), 401),
  },
  {
    route: 'DELETE /staff/templates/{id}',
    what: 'no such template',
    send: (w, token) => w.app.api.delete(`/staff/templates/${randomUUID()}`, { token }),
    expect: row(403, 403, 403, 403, LEADS_ONLY(404), 401),
  },
  {
    route: 'GET /staff/merchants',
    what: 'staff merchant list',
    send: (w, token) => w.app.api.get('/staff/merchants', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /staff/cases/{id}/presence',
    what: 'a heartbeat on the complaint',
    send: (w, token) =>
      w.app.api.post(`/staff/cases/${w.complaintId}/presence`, { acting: false }, { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /staff/cases/{id}/presence',
    what: 'no such case',
    send: (w, token) => w.app.api.post(`/staff/cases/${randomUUID()}/presence`, {}, { token }),
    expect: row(403, 403, 403, 403, 404, 401),
  },
  {
    route: 'GET /staff/districts',
    what: 'districts of the merchants directory',
    send: (w, token) => w.app.api.get('/staff/districts', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'PUT /staff/merchants/{id}',
    what: 'no such merchant',
    send: (w, token) => w.app.api.put(`/staff/merchants/${randomUUID()}`, { district: '湖里区' }, { token }),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(404), 401),
  },
  {
    route: 'PUT /staff/faq/{id}',
    what: 'no such FAQ entry',
    send: (w, token) =>
      w.app.api.put(`/staff/faq/${randomUUID()}`, { answer: '请保留购物凭证。' }, { token }),
    expect: row(403, 403, 403, 403, LEADS_ONLY(404), 401),
  },
  {
    route: 'DELETE /staff/faq/{id}',
    what: 'no such FAQ entry',
    send: (w, token) => w.app.api.delete(`/staff/faq/${randomUUID()}`, { token }),
    expect: row(403, 403, 403, 403, LEADS_ONLY(404), 401),
  },
  {
    route: 'GET /staff/audit',
    what: 'the audit',
    send: (w, token) => w.app.api.get('/staff/audit', { token }),
    expect: row(403, 403, 403, 403, ADMIN_ONLY(200), 401),
  },
  {
    route: 'GET /staff/exports/cases.csv',
    what: 'a month of cases as CSV',
    send: (w, token) => w.app.api.get('/staff/exports/cases.csv?from=2026-01-01&to=2026-01-31', { token }),
    expect: row(403, 403, 403, 403, LEADS_ONLY(200), 401),
  },
  {
    route: 'GET /staff/moderation',
    what: 'moderation list',
    send: (w, token) => w.app.api.get('/staff/moderation', { token }),
    expect: row(403, 403, 403, 403, 200, 401),
  },
  {
    route: 'POST /staff/moderation/{id}/redact',
    what: 'redact an unknown item',
    send: (w, token) => w.app.api.post('/staff/moderation/999999999/redact', { reason: '测试' }, { token }),
    expect: row(403, 403, 403, 403, 404, 401),
  },
  {
    route: 'POST /staff/moderation/{id}/release',
    what: 'release an unknown item',
    send: (w, token) => w.app.api.post('/staff/moderation/999999999/release', {}, { token }),
    expect: row(403, 403, 403, 403, 404, 401),
  },
  {
    route: 'GET /meta',
    what: 'meta',
    send: (w, token) => w.app.api.get('/meta', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
  {
    route: 'GET /openapi.json',
    what: 'openapi',
    send: (w, token) => w.app.api.get('/openapi.json', { token }),
    expect: row(200, 200, 200, 200, 200, 200),
  },
];

const CODE_OF: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

for (const store of storeKinds()) {
  describe(`authorization matrix (${store})`, () => {
    let w: World;
    before(async () => {
      const app = await startTestApp({ store });
      const merchant = await createMerchant(app, { odr: true });
      const otherMerchant = await createMerchant(app, { odr: true });
      const consumer = await loginConsumer(app);
      const otherConsumer = await loginConsumer(app);
      const attached = await upload(app, consumer.accessToken);
      const loose = await upload(app, consumer.accessToken);
      const complaint = await fileComplaint(app, consumer.accessToken, {
        merchant: { id: merchant.id },
        attachments: [attached.body.id],
      });
      const report = await app.api.post(
        '/cases',
        {
          kind: 'report',
          merchant: { id: merchant.id },
          category: 'food_safety',
          facts: '后厨卫生状况很差，老鼠出没。',
          attachments: [],
        },
        { token: consumer.accessToken, headers: { 'Idempotency-Key': randomUUID() } },
      );
      assert.equal(report.status, 201, JSON.stringify(report.body));
      const handler = await loginStaffAs(app, 'handler');
      w = {
        app,
        tokens: {
          consumer: consumer.accessToken,
          otherConsumer: otherConsumer.accessToken,
          merchant: (await loginMerchant(app, merchant)).accessToken,
          otherMerchant: (await loginMerchant(app, otherMerchant)).accessToken,
          handler: handler.accessToken,
          supervisor: (await loginStaffAs(app, 'supervisor')).accessToken,
          admin: (await loginStaff(app)).accessToken,
        },
        handlerId: handler.user.id,
        complaintId: complaint.id,
        attachedUploadId: attached.body.id,
        reportId: report.body.id,
        looseUploadId: loose.body.id,
      };
    });
    after(() => w.app.close());

    test('when the matrix is read, then every route of the shared route table has at least one row', () => {
      const covered = new Set(MATRIX.map((c) => c.route));
      const missing = API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter(
        (r) => !covered.has(r),
      );
      assert.deepEqual(missing, [], 'add rows for these routes to test/api/authorization-matrix.test.ts');
    });

    test('when every endpoint is called by every role and owner, then each answers exactly its expected status', async () => {
      const wrong: string[] = [];
      for (const cell of MATRIX) {
        for (const actor of ACTORS) {
          const token = actor === 'anonymous' ? undefined : w.tokens[actor];
          const res = await cell.send(w, token);
          const expected = cell.expect[actor];
          if (res.status !== expected)
            wrong.push(
              `${cell.route} (${cell.what}) as ${actor}: ${res.status}, expected ${expected} ${JSON.stringify(res.body).slice(0, 160)}`,
            );
          else if (expected >= 400) {
            const code = res.body?.error?.code;
            if (
              CODE_OF[expected] &&
              code !== CODE_OF[expected] &&
              !(expected === 409 && /^(ACTION_NOT_ALLOWED|VERSION_CONFLICT)$/.test(code))
            ) {
              wrong.push(`${cell.route} (${cell.what}) as ${actor}: code ${code}`);
            }
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    test('when a 404 hides a case, then its answer is identical to the one for a case that does not exist', async () => {
      const hidden = await w.app.api.get(`/cases/${w.complaintId}`, { token: w.tokens.otherConsumer });
      const absent = await w.app.api.get(`/cases/${randomUUID()}`, { token: w.tokens.otherConsumer });
      assert.deepEqual(hidden.body, absent.body);
    });

    test('when lists are read, then nobody sees a case they may not see, and merchants never see reports', async () => {
      const ids = async (token: string) =>
        (await w.app.api.get('/cases?limit=100', { token })).body.items.map((i: { id: string }) => i.id);
      assert.ok((await ids(w.tokens.consumer)).includes(w.complaintId));
      assert.ok(!(await ids(w.tokens.otherConsumer)).includes(w.complaintId));
      const merchantSees = await ids(w.tokens.merchant);
      assert.ok(merchantSees.includes(w.complaintId) && !merchantSees.includes(w.reportId));
      const other = await ids(w.tokens.otherMerchant);
      assert.ok(!other.includes(w.complaintId) && !other.includes(w.reportId));
      const staffSees = await ids(w.tokens.handler);
      assert.ok(staffSees.includes(w.complaintId) && staffSees.includes(w.reportId));
    });

    test("when someone attaches another consumer's upload, then it is refused and the upload stays unattached", async () => {
      const stolen = await w.app.api.post('/cases', complaintBody({ attachments: [w.looseUploadId] }), {
        token: w.tokens.otherConsumer,
        headers: { 'Idempotency-Key': randomUUID() },
      });
      assert.equal(stolen.status, 400, JSON.stringify(stolen.body));
      const own = await fileComplaint(w.app, w.tokens.otherConsumer);
      const viaSupplement = await w.app.api.post(
        `/cases/${own.id}/actions`,
        { type: 'supplement', attachments: [w.looseUploadId] },
        { token: w.tokens.otherConsumer },
      );
      assert.equal(viaSupplement.status, 400, JSON.stringify(viaSupplement.body));
      const [row] = await w.app.services.store.db.query<{ case_id: string | null }>(
        'SELECT case_id FROM uploads WHERE id = $1',
        [w.looseUploadId],
      );
      assert.equal(row.case_id, null);
      assert.equal(
        (await w.app.api.get(`/uploads/${w.looseUploadId}`, { token: w.tokens.otherConsumer })).status,
        404,
      );
      assert.ok(PNG_1X1.length > 0);
    });
  });
}
