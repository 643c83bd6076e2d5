/** Builders for test data: each test makes what it needs through the public API. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { CaseView, ComplaintFiling, TokenAnswer } from '@weiquan/shared';
import { STAFF, type TestApp } from './test-app';

let seq = 0;
export const uniqueName = (prefix = 'user') => `${prefix}${++seq}${randomUUID().slice(0, 6)}`;

export async function loginConsumer(app: TestApp, name = uniqueName()): Promise<TokenAnswer> {
  const res = await app.api.post('/auth/wechat', { code: `dev:${name}` });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

export async function loginStaff(app: TestApp): Promise<TokenAnswer> {
  const res = await app.api.post('/auth/staff', STAFF);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** A staff account of this role, created by the bootstrap admin, logged in (its `user.id` is the account id). */
export async function loginStaffAs(
  app: TestApp,
  staffRole: 'handler' | 'supervisor' | 'admin',
  displayName = uniqueName(
    staffRole === 'handler' ? '承办人' : staffRole === 'supervisor' ? '科长' : '管理员',
  ),
): Promise<TokenAnswer & { password: string; username: string }> {
  const admin = await loginStaff(app);
  const username = uniqueName(staffRole);
  const password = `pw-${randomUUID()}`;
  const created = await app.api.post(
    '/staff/accounts',
    { username, displayName, staffRole, password },
    { token: admin.accessToken },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const res = await app.api.post('/auth/staff', { username, password });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { ...res.body, password, username };
}

export interface MerchantFixture {
  id: string;
  name: string;
  bindingCode: string;
}

export async function createMerchant(
  app: TestApp,
  opts: { odr?: boolean; name?: string; district?: string } = {},
): Promise<MerchantFixture> {
  const staff = await loginStaff(app);
  const res = await app.api.post(
    '/staff/merchants',
    {
      name: opts.name ?? uniqueName('测试商家'),
      address: '福建省厦门市思明区湖滨南路1号',
      district: opts.district ?? '思明区',
      badges: { odr: opts.odr ?? true, noReasonReturn: false, rightsStation: false },
    },
    { token: staff.accessToken },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A user bound to the merchant, with merchant-role tokens. */
export async function loginMerchant(
  app: TestApp,
  merchant: MerchantFixture,
  name = uniqueName('shop'),
): Promise<TokenAnswer> {
  const consumer = await loginConsumer(app, name);
  const res = await app.api.post(
    '/merchant/bind',
    { bindingCode: merchant.bindingCode },
    { token: consumer.accessToken },
  );
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

export function complaintBody(overrides: Partial<ComplaintFiling> = {}): ComplaintFiling {
  return {
    kind: 'complaint',
    merchant: { name: '某某电器店', address: '福建省厦门市湖里区仙岳路1号' },
    category: 'household_appliances',
    facts: '购买的电饭煲使用三天后无法加热，商家拒绝退货。',
    demand: { type: 'refund', amountFen: 39900 },
    purchase: { amountFen: 39900, occurredOn: '2026-11-01', channel: 'offline' },
    complainant: { name: '张三', phone: '13812348000', address: '福建省厦门市思明区莲前东路100号' },
    attachments: [],
    shareContactWithMerchant: false,
    ...overrides,
  };
}

export async function fileComplaint(
  app: TestApp,
  token: string,
  body: Partial<ComplaintFiling> = {},
  key = randomUUID(),
): Promise<CaseView> {
  const res = await app.api.post('/cases', complaintBody(body), {
    token,
    headers: { 'Idempotency-Key': key },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

export async function act(
  app: TestApp,
  token: string,
  caseId: string,
  action: Record<string, unknown>,
): Promise<CaseView> {
  const res = await app.api.post(`/cases/${caseId}/actions`, action, { token });
  assert.equal(res.status, 200, `${action.type}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The smallest valid PNG (1x1), for upload tests. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function upload(
  app: TestApp,
  token: string,
  bytes: Buffer = PNG_1X1,
  filename = 'photo.png',
  type = 'image/png',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return app.api.post('/uploads', undefined, { token, raw: form });
}
