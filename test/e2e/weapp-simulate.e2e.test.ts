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
          this.onLoad({});
          this.onShow();
        },
        ready(this: any) {
          this.onReady();
        },
      },
    });
  };
  require(path.join(WEAPP, 'app.js'));
  assert.ok(app, 'app.js registered the app');
  app.onLaunch?.({ path: 'pages/home/index', query: {} });
  app.onShow?.({ path: 'pages/home/index', query: {} });
});

async function renderPage(page: string): Promise<SimComponent> {
  const id = simulate.load(path.join(WEAPP, page), page.replace(/\W+/g, '-'), { rootPath: WEAPP });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  // React commits, then Taro batches one setData
  for (let i = 0; i < 10; i += 1) await simulate.sleep(30);
  return comp;
}

test('when the compiled WeChat home page runs in miniprogram-simulate, then it shows 我要投诉, 我的投诉 and 商家入口 and the public figures from the API', async () => {
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
  for (const entry of ['我要投诉', '我的投诉', '商家入口'])
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
