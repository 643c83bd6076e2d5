/**
 * Pushes for multi-process tests: the fake WeChat server in the test's process, the env that points
 * BFFs and workers at it, and the people a load needs so that its actions push (a push needs a
 * configured template, the recipient's openid and a grant left): a bound shop, consumers with grants.
 */
import assert from 'node:assert/strict';
import { createFakeWechat, type FakeWechat } from '../fakes/fake-wechat-server';
import { FAKE_TEMPLATES, TEMPLATES } from '../notify/notify-world';
import { sendJson } from '../support/round-robin-proxy';

const STAFF_LOGIN = { username: 'staff-multi', password: 'staff-multi-password-1' };

/** What one push is about: to whom, on which template, for which case. */
export const pushKey = (touser: string, templateId: string, caseId: string) =>
  `${touser} ${templateId} ${caseId}`;

/** The case a sent message is about, from its page (`...?id=<case>&notice=<id>`). */
const caseOf = (page: string | undefined) => /[?&]id=([^&]+)/.exec(page ?? '')?.[1] ?? '-';

export interface PushWorld {
  fake: FakeWechat;
  /** WECHAT_* and the staff bootstrap, for every BFF and worker */
  env: Record<string, string>;
  /** a merchant, a user bound to it through WeChat, `grants` merchant grants; and its proposal */
  boundShop(
    api: string,
    grants: number,
  ): Promise<{ merchantId: string; openid: string; propose(caseId: string): Promise<void> }>;
  /** a consumer logged in through WeChat with `grants` case-update grants */
  consumer(
    api: string,
    name: string,
    grants: number,
  ): Promise<{ openid: string; token: string; userId: string }>;
  /** how many messages WeChat accepted, by pushKey */
  received(): Map<string, number>;
  close(): Promise<void>;
}

export async function startPushWorld(): Promise<PushWorld> {
  const fake = createFakeWechat({
    appId: 'wx0123456789abcdef',
    secret: 'fake-secret-for-multi-instance-01',
    templates: FAKE_TEMPLATES,
  });
  const server = await fake.start();
  const login = async (api: string, openid: string) => {
    const res = await sendJson<{ accessToken: string; user: { id: string } }>(`${api}/auth/wechat`, {
      body: { code: fake.issueCode(openid) },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  // A grant retried after a cut connection may count twice: more grants than pushes changes nothing.
  const grant = async (api: string, token: string, templateId: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const res = await sendJson(`${api}/subscriptions`, {
        token,
        body: { results: { [templateId]: 'accept' } },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
  };
  return {
    fake,
    env: {
      WECHAT_APPID: fake.appId,
      WECHAT_SECRET: fake.secret,
      WECHAT_API_BASE: server.baseUrl,
      WECHAT_TEMPLATE_CASE_UPDATE: TEMPLATES.caseUpdate,
      WECHAT_TEMPLATE_MERCHANT_NEW_CASE: TEMPLATES.merchantNewCase,
      WECHAT_TEMPLATE_DEADLINE: TEMPLATES.deadline,
      STAFF_BOOTSTRAP_USER: STAFF_LOGIN.username,
      STAFF_BOOTSTRAP_PASSWORD: STAFF_LOGIN.password,
    },
    async boundShop(api, grants) {
      const staff = await sendJson<{ accessToken: string }>(`${api}/auth/staff`, { body: STAFF_LOGIN });
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      const merchant = await sendJson<{ id: string; bindingCode: string }>(`${api}/staff/merchants`, {
        token: staff.body.accessToken,
        body: {
          name: '多实例测试商家',
          address: '福建省厦门市思明区湖滨南路1号',
          district: '思明区',
          badges: { odr: true, noReasonReturn: false, rightsStation: false },
        },
      });
      assert.equal(merchant.status, 201, JSON.stringify(merchant.body));
      const openid = `oShop_${process.pid}`;
      const user = await login(api, openid);
      const bound = await sendJson<{ accessToken: string }>(`${api}/merchant/bind`, {
        token: user.accessToken,
        body: { bindingCode: merchant.body.bindingCode },
      });
      assert.equal(bound.status, 200, JSON.stringify(bound.body));
      const token = bound.body.accessToken;
      await grant(api, token, TEMPLATES.merchantNewCase, grants);
      return {
        merchantId: merchant.body.id,
        openid,
        // A proposal retried after a cut connection may find itself made already.
        async propose(caseId) {
          const res = await sendJson(`${api}/cases/${caseId}/actions`, {
            token,
            body: { type: 'propose', text: '同意退款100元', refundFen: 10000 },
          });
          if (res.status === 200) return;
          const seen = await sendJson<{ status: string }>(`${api}/cases/${caseId}`, { token });
          assert.equal(seen.body.status, 'awaiting_consumer', `propose: ${JSON.stringify(res.body)}`);
        },
      };
    },
    async consumer(api, name, grants) {
      const openid = `${name}_${process.pid}`;
      const user = await login(api, openid);
      await grant(api, user.accessToken, TEMPLATES.caseUpdate, grants);
      return { openid, token: user.accessToken, userId: user.user.id };
    },
    received() {
      const counts = new Map<string, number>();
      for (const m of fake.sent) {
        const key = pushKey(m.touser, m.template_id, caseOf(m.page));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
    close: () => server.close(),
  };
}
