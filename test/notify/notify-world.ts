/**
 * A BFF pointed at the fake WeChat (WECHAT_API_BASE), with templates registered under the key
 * layout of the shared mapping table, and helpers to log people in through real WeChat codes.
 */
import assert from 'node:assert/strict';
import { TEMPLATE_FIELDS, type TokenAnswer } from '@weiquan/shared';
import { createFakeWechat, type FakeWechat, type FakeWechatServer } from '../fakes/fake-wechat-server';
import { STAFF, startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';
import type { MerchantFixture } from '../support/factories';
import type { StoreKind } from '../support/test-db';

export const TEMPLATES = {
  caseUpdate: 'tpl-case-update-0001',
  merchantNewCase: 'tpl-merchant-new-0002',
  deadline: 'tpl-deadline-0003',
} as const;

/** The fake WeChat's template table: each template id with the field names WeChat checks sends against. */
export const FAKE_TEMPLATES: Record<string, string[]> = Object.fromEntries(
  Object.entries(TEMPLATES).map(([slot, id]) => [
    id,
    Object.keys(TEMPLATE_FIELDS[slot as keyof typeof TEMPLATES]),
  ]),
);

export interface NotifyWorld {
  app: TestApp;
  fake: FakeWechat;
  server: FakeWechatServer;
  /** a consumer logged in with a fresh WeChat code for this openid */
  login(openid: string): Promise<TokenAnswer & { openid: string }>;
  /** a user of this merchant, logged in through WeChat and bound (merchant-role tokens) */
  loginMerchant(merchant: MerchantFixture, openid: string): Promise<TokenAnswer & { openid: string }>;
  grant(
    token: string,
    templateId: string,
    times?: number,
    result?: 'accept' | 'ban' | 'reject',
  ): Promise<void>;
  close(): Promise<void>;
}

export async function startNotifyWorld(
  store: StoreKind,
  opts: Partial<TestAppOptions> & { env?: Record<string, string> } = {},
): Promise<NotifyWorld> {
  const fake = createFakeWechat({
    appId: 'wx0123456789abcdef',
    secret: 'fake-secret-for-notify-tests-0001',
    templates: FAKE_TEMPLATES,
  });
  const server = await fake.start();
  const app = await startTestApp({
    store,
    ...opts,
    env: {
      WECHAT_APPID: fake.appId,
      WECHAT_SECRET: fake.secret,
      WECHAT_API_BASE: server.baseUrl,
      WECHAT_TEMPLATE_CASE_UPDATE: TEMPLATES.caseUpdate,
      WECHAT_TEMPLATE_MERCHANT_NEW_CASE: TEMPLATES.merchantNewCase,
      WECHAT_TEMPLATE_DEADLINE: TEMPLATES.deadline,
      ...opts.env,
    },
  });
  // Tuesday 2026-11-24, 10:00 Beijing (the contract's worked example) unless a test moves it.
  app.clock.set('2026-11-24T02:00:00Z');
  const login = async (openid: string) => {
    const res = await app.api.post('/auth/wechat', { code: fake.issueCode(openid) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return { ...res.body, openid };
  };
  return {
    app,
    fake,
    server,
    login,
    async loginMerchant(merchant, openid) {
      const user = await login(openid);
      const res: { status: number; body: TokenAnswer } = await app.api.post(
        '/merchant/bind',
        { bindingCode: merchant.bindingCode },
        { token: user.accessToken },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { ...res.body, openid };
    },
    async grant(token, templateId, times = 1, result = 'accept') {
      for (let i = 0; i < times; i++) {
        const res: { status: number; body: unknown } = await app.api.post(
          '/subscriptions',
          { results: { [templateId]: result } },
          { token },
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
    },
    async close() {
      await app.close();
      await server.close();
    },
  };
}

export { STAFF };

/** Deliveries as stored, for assertions. */
export async function deliveries(app: TestApp) {
  return app.services.store.db.query<{
    id: number;
    state: string;
    attempts: number;
    touser: string;
    template_id: string;
    page: string;
    last_error: string | null;
    data: Record<string, { value: string }>;
  }>('SELECT id, state, attempts, touser, template_id, page, last_error, data FROM deliveries ORDER BY id');
}
