/**
 * The compiled WeChat build (`miniapp/dist/weapp`) run by the WeChat team's `miniprogram-simulate`:
 * the official WXML compiler turns Taro's template tree (base.wxml with its wxs helpers) into
 * render functions, j-component renders them in jsdom, and the page's own compiled JS (Taro
 * runtime, React, our code) drives it through `setData`. This is as close as CI gets to DevTools.
 *
 * miniprogram-simulate knows `Component` only; a Taro page calls `Page(config)`, so `Page` here
 * hands the config to `Component` with the page lifecycles mapped onto the component's. `wx` is a
 * small fake: storage in a map, requests answered per path, navigation recorded.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, test } from 'node:test';
import { buildIfNeeded, ROOT } from './harness';
import type * as Jsdom from 'jsdom';

const require = createRequire(import.meta.url);
const WEAPP = path.join(ROOT, 'miniapp/dist/weapp');

type Answer = { statusCode: number; data: unknown };
const storage = new Map<string, unknown>();
const requests: string[] = [];
const navigations: string[] = [];
let answers: Record<string, Answer> = {};
/** the query the next rendered page is opened with (WeChat passes it to onLoad) */
let nextQuery: Record<string, string> = {};

interface SimComponent {
  dom: HTMLElement;
  attach(parent: HTMLElement): void;
  detach(): void;
  querySelector(selector: string): { dom: HTMLElement; dispatchEvent(name: string): void } | undefined;
}
let simulate: {
  load(p: string, tag: string, options: { rootPath: string }): string;
  render(id: string): SimComponent;
  sleep(ms: number): Promise<void>;
};

/** A fake `wx`: what the compiled Taro runtime and our code call; anything else succeeds empty. */
function fakeWx() {
  const known: Record<string, (o?: any, v?: unknown) => unknown> = {
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 812,
      screenWidth: 375,
      pixelRatio: 2,
      statusBarHeight: 20,
      language: 'zh_CN',
      SDKVersion: '3.0.0',
    }),
    getWindowInfo: () => ({
      windowWidth: 375,
      windowHeight: 812,
      screenWidth: 375,
      pixelRatio: 2,
      statusBarHeight: 20,
    }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    nextTick: (f: () => void) => void setTimeout(f, 0),
    request: (o: { url: string; success?: (r: Answer) => void; complete?: () => void }) => {
      requests.push(o.url);
      const answer = answers[new URL(o.url).pathname.replace(/^\/api\/v1/, '')] ?? {
        statusCode: 404,
        data: { error: { code: 'NOT_FOUND', message: 'not faked' } },
      };
      setTimeout(() => (o.success?.(answer), o.complete?.()), 0);
      return { abort() {} };
    },
    // Taro copies the wx APIs it finds on wx's own keys; these two the privacy gate registers at mount
    onNeedPrivacyAuthorization: () => undefined,
    getPrivacySetting: (o: { success?: (r: object) => void }) =>
      void setTimeout(() => o.success?.({ needAuthorization: false }), 0),
    navigateTo: (o: { url: string; success?: (r: object) => void }) => {
      navigations.push(o.url);
      o.success?.({});
    },
  };
  return new Proxy(known, {
    get: (t, k) =>
      typeof k !== 'string'
        ? undefined
        : k in t
          ? t[k]
          : (o?: { success?: (r: object) => void }) => (
              o?.success && setTimeout(() => o.success!({}), 0),
              Promise.resolve({})
            ),
  });
}

before(async () => {
  buildIfNeeded('weapp');
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as any;
  g.window = window;
  g.document = window.document;
  // j-component builds its events with the global constructors: they must be jsdom's
  for (const k of [
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'getComputedStyle',
    'MutationObserver',
    'requestAnimationFrame',
  ])
    g[k] = (window as any)[k];
  g.wx = fakeWx();
  simulate = require('miniprogram-simulate');
  // a shop owner's phone: both sessions stored before the app starts (the app reads them at launch)
  loggedIn('consumer');
  loggedIn('merchant', { merchantId: 'm-1', merchantName: '鼓浪屿海鲜大排档' });

  let app: Record<string, (o?: object) => void> | undefined;
  g.App = (config: typeof app) => (app = config);
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (config: Record<string, unknown>) => {
    const methods = Object.fromEntries(Object.entries(config).filter(([, v]) => typeof v === 'function'));
    g.Component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.onLoad(nextQuery);
          this.onShow();
        },
        ready(this: any) {
          this.onReady();
        },
        // WeChat unloads a page it leaves: Taro unmounts its React tree, so effects clean up (the
        // tab bar's unread poll among them); without this the test process never exits
        detached(this: any) {
          this.onUnload?.();
        },
      },
    });
  };
  require(path.join(WEAPP, 'app.js'));
  assert.ok(app, 'app.js registered the app');
  app.onLaunch?.({ path: 'pages/home/index', query: {} });
  app.onShow?.({ path: 'pages/home/index', query: {} });
});

/** Waits (up to 3 s of simulated time) until the page's text contains every part. */
async function untilText(comp: SimComponent, parts: string[]): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const text = comp.dom.textContent ?? '';
    if (parts.every((p) => text.includes(p))) return text;
    await simulate.sleep(30);
  }
  return comp.dom.textContent ?? '';
}

async function renderPage(page: string, query: Record<string, string> = {}): Promise<SimComponent> {
  nextQuery = query;
  const id = simulate.load(path.join(WEAPP, page), page.replace(/\W+/g, '-'), { rootPath: WEAPP });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  // React commits, then Taro batches one setData
  for (let i = 0; i < 10; i += 1) await simulate.sleep(30);
  return comp;
}

test('when the compiled WeChat home page runs in miniprogram-simulate, then it shows 我要投诉, 我的办件 and 商家入口 and the public figures from the API', async () => {
  answers = {
    '/stats': {
      statusCode: 200,
      data: {
        from: '2025-12',
        to: '2026-11',
        months: [],
        totals: {
          received: { complaint: 4321, report: 12, consultation: 99 },
          acceptanceOnTimeRate: 0.99,
          completionRate: 0.97,
          satisfaction: { average: 4.8, share4or5: 0.95 },
          recoveredFen: 123456700,
        },
        merchants: [],
        asOf: '2026-11-24T10:00:00+08:00',
      },
    },
    '/articles': { statusCode: 200, data: { items: [] } },
  };
  const home = await renderPage('pages/home/index');
  const text = home.dom.textContent ?? '';
  for (const entry of ['我要投诉', '我的办件', '商家入口', '首页', '消息'])
    assert.ok(text.includes(entry), `${entry} in: ${text.slice(0, 300)}`);
  assert.ok(
    requests.some((u) => u.endsWith('/api/v1/stats')),
    `the page asked the BFF for the figures: ${requests.join(', ')}`,
  );
  assert.ok(text.includes('4321'), `the complaints received figure shows: ${text.slice(0, 300)}`);
  assert.ok(!text.includes('网络已断开'), 'no offline banner when the API answers');
  home.detach();
});

test('when 我要投诉 is tapped in the compiled build, then WeChat navigates into the consumer subpackage', async () => {
  const home = await renderPage('pages/home/index');
  const button = home.querySelector('#entry-file');
  assert.ok(button, 'the entry button carries its id through Taro’s templates');
  button.dispatchEvent('tap');
  await simulate.sleep(50);
  assert.deepEqual(navigations, ['/consumer/file/index']);
  home.detach();
});

/** A session as the app stores it (wx storage holds the JSON the app wrote). */
function loggedIn(role: 'consumer' | 'merchant', user: Record<string, unknown> = {}) {
  storage.set(
    `wq.auth.${role}`,
    JSON.stringify({
      accessToken: `${role}-access`,
      refreshToken: `${role}-refresh`,
      user: { id: `u-${role}`, role, ...user },
    }),
  );
}

const CASE = {
  id: '00000000-0000-4000-8000-000000000101',
  caseNo: 'XM202611240101',
  kind: 'complaint',
  status: 'awaiting_consumer',
  version: 3,
  createdAt: '2026-11-24T10:00:00+08:00',
  updatedAt: '2026-11-25T10:00:00+08:00',
  priority: false,
  merchant: { id: 'm-1', name: '鼓浪屿海鲜大排档', address: '厦门市思明区龙头路 1 号' },
  category: 'catering',
  facts: '点的龙虾缺斤短两，商家拒绝退款。',
  demand: { type: 'refund', amountFen: 19900 },
  purchase: { amountFen: 39900, occurredOn: '2026-11-20', channel: 'offline', orderNo: 'NO-778' },
  attachments: [{ id: 'up-1', mime: 'image/png', size: 100 }],
  proposal: { text: '退款 100 元并致歉', refundFen: 10000, at: '2026-11-25T10:00:00+08:00' },
  timeline: [
    { type: 'filed', actorRole: 'consumer', at: '2026-11-24T10:00:00+08:00' },
    { type: 'propose', actorRole: 'merchant', at: '2026-11-25T10:00:00+08:00', text: '退款 100 元并致歉' },
  ],
  deadlines: [],
  allowedActions: ['accept_proposal', 'reject_proposal', 'supplement', 'withdraw'],
};

test('when the compiled wizard opens for a logged-in consumer, then its first step (the merchant search) and its progress render', async () => {
  answers = {
    '/me': { statusCode: 200, data: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } },
    '/meta': { statusCode: 200, data: { mode: 'emulator', templates: {}, version: 't', categories: [] } },
  };
  const wizard = await renderPage('consumer/file/index');
  const text = wizard.dom.textContent ?? '';
  assert.match(text, /第 1\/8 步/, `the progress shows: ${text.slice(0, 300)}`);
  assert.ok(text.includes('搜索商家'), `the merchant search shows: ${text.slice(0, 300)}`);
  assert.ok(wizard.querySelector('#merchant-q'), 'the search field carries its id');
  assert.ok(wizard.querySelector('#wizard-next'), 'the next button is there');
  assert.ok(
    requests.some((u) => u.endsWith('/api/v1/me')),
    'the wizard read the profile to prefill',
  );
  wizard.detach();
});

test('when a compiled case page opens with its id, then the consumer reads the proposal, the next step in their words and every purchase detail', async () => {
  answers = { [`/cases/${CASE.id}`]: { statusCode: 200, data: CASE } };
  const page = await renderPage('consumer/case/index', { id: CASE.id });
  const parts = [
    'XM202611240101',
    '待您确认方案',
    '退款 100 元并致歉',
    '消费金额 399.00 元',
    '订单号 NO-778',
    '不接受则转交 12315',
  ];
  const text = await untilText(page, parts);
  for (const part of parts)
    assert.ok(text.includes(part), `${part} in: ${text.slice(0, 400)} (requests: ${requests.join(', ')})`);
  assert.ok(page.querySelector('#action-accept_proposal'), 'the accept button renders');
  page.detach();
});

test("when the compiled merchant list opens for a bound merchant, then the open complaints, their statuses in the merchant's words and the unread badge render", async () => {
  const item = {
    id: CASE.id,
    caseNo: CASE.caseNo,
    kind: 'complaint',
    status: 'merchant_negotiating',
    category: 'catering',
    priority: false,
    merchant: { id: 'm-1', name: '鼓浪屿海鲜大排档' },
    createdAt: CASE.createdAt,
    updatedAt: CASE.updatedAt,
    nextDueAt: '2026-12-08T23:59:59+08:00',
  };
  answers = {
    '/cases': { statusCode: 200, data: { items: [item], nextCursor: null } },
    [`/cases/${CASE.id}`]: {
      statusCode: 200,
      data: {
        ...CASE,
        status: 'merchant_negotiating',
        deadlines: [{ kind: 'merchant_response', dueAt: '2026-12-08T23:59:59+08:00', workingDaysLeft: 6 }],
      },
    },
    '/notifications': { statusCode: 200, data: { items: [], nextCursor: null, unreadCount: 2 } },
    '/stats': { statusCode: 200, data: { merchants: [], totals: null } },
  };
  const page = await renderPage('merchant/cases/index');
  const parts = [
    '当前商家：鼓浪屿海鲜大排档',
    'XM202611240101',
    '待您协商处理',
    '剩 6 个工作日',
    '您有 2 条未读消息',
  ];
  const text = await untilText(page, parts);
  for (const part of parts)
    assert.ok(text.includes(part), `${part} in: ${text.slice(0, 500)} (requests: ${requests.join(', ')})`);
  assert.ok(!text.includes('待您确认方案'), 'never the consumer’s words');
  page.detach();
});
