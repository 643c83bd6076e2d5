/**
 * The staff console end to end, in headless Chromium against the real BFF at /console/: a handler
 * logs in, opens a pending complaint from the queue, accepts it, pauses and resumes the clock and
 * closes it as mediated with a recovered amount in yuan. Every screen visited is saved under
 * test-artifacts/console/ and checked with axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildConsoleIfNeeded, checkScreen, cleanConsoleArtifacts } from './console-harness';
import { launchChromium, STAFF, startBff, type Bff } from './harness';

let bff: Bff;
let chromium: { browser: Browser; stop(): Promise<void> };

before(async () => {
  buildConsoleIfNeeded();
  cleanConsoleArtifacts();
  bff = await startBff();
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.stop();
  await bff?.stop();
});

async function api<T>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers = {},
): Promise<T> {
  const res = await fetch(`${bff.base}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function consumerFilesComplaint(name: string, facts: string): Promise<{ id: string; caseNo: string }> {
  const { accessToken } = await api<{ accessToken: string }>('POST', '/auth/wechat', undefined, {
    code: `dev:${name}`,
  });
  return api(
    'POST',
    '/cases',
    accessToken,
    {
      kind: 'complaint',
      merchant: { name: '厦门某某家电维修部', address: '福建省厦门市湖里区县后街 8 号' },
      category: 'household_appliances',
      facts,
      demand: { type: 'refund', amountFen: 39900 },
      purchase: { amountFen: 39900, occurredOn: '2026-11-20', channel: 'offline' },
      complainant: { name: '陈小姐', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' },
      attachments: [],
      shareContactWithMerchant: false,
    },
    { 'Idempotency-Key': randomUUID() },
  );
}

async function desk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${bff.base}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
}

async function act(
  page: Page,
  action: string,
  fill?: (form: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  await page.locator(`button[data-action="${action}"]`).click();
  const form = page.getByTestId(`action-form-${action}`);
  await form.waitFor();
  await fill?.(form);
  const before = await page.getByTestId('timeline-entry').count();
  await form.locator('button[type="submit"]').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="timeline-entry"]').length > n,
    before,
  );
}

test('when a handler logs in, opens a pending complaint, accepts it, pauses and resumes the clock and closes it as mediated with 399.00 yuan recovered, then the case is closed with 39900 fen recovered', async () => {
  const filed = await consumerFilesComplaint(
    'console-e2e-1',
    '电饭煲使用三天后无法加热，商家拒绝退货，要求退款。',
  );
  const page = await desk(chromium.browser);

  await page.goto(`${bff.base}/console/`);
  await page.getByRole('heading', { name: '12315 维权工作台' }).waitFor();
  assert.deepEqual(await checkScreen(page, 'login'), []);

  await logIn(page, STAFF.username, STAFF.password);
  await page.locator(`[data-case-no="${filed.caseNo}"]`).waitFor();
  assert.deepEqual(await checkScreen(page, 'workbench'), []);

  await page.locator(`[data-case-no="${filed.caseNo}"] a`).click();
  await page.getByRole('heading', { name: `投诉 ${filed.caseNo}` }).waitFor();
  assert.equal(await page.getByTestId('contact-phone').textContent(), '13800138000');
  assert.match(await page.locator('body').innerText(), /记入审计日志/);
  assert.deepEqual(await checkScreen(page, 'case-pending'), []);

  await act(page, 'accept');
  assert.equal(await page.getByTestId('case-status').textContent(), '已受理');

  await act(page, 'pause_clock', (form) => form.getByLabel(/暂停原因/).fill('送检鉴定中，等待检测报告'));
  await page.getByText('已暂停计时').waitFor();
  assert.deepEqual(await checkScreen(page, 'case-paused'), []);
  await act(page, 'resume_clock');
  assert.equal(await page.getByText('已暂停计时').count(), 0);

  await page.locator('button[data-action="close"]').click();
  const form = page.getByTestId('action-form-close');
  await form.getByLabel('调解成功').check();
  await form.getByLabel(/挽回经济损失/).fill('399');
  await form.getByLabel('说明').fill('经调解，商家同意全额退款 399 元。');
  assert.deepEqual(await checkScreen(page, 'case-close-form'), []);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('case-status').filter({ hasText: '已办结' }).waitFor();

  const { accessToken } = await api<{ accessToken: string }>('POST', '/auth/staff', undefined, STAFF);
  const stored = await api<{ status: string; outcome: { outcome: string; recoveredFen?: number } }>(
    'GET',
    `/cases/${filed.id}`,
    accessToken,
  );
  assert.equal(stored.status, 'closed');
  assert.equal(stored.outcome.outcome, 'mediated');
  assert.equal(stored.outcome.recoveredFen, 39900);
  await page.context().close();
});

const SCREENS: Array<[string, string, string]> = [
  ['/intake', '电话登记', 'intake'],
  ['/visits', '回访', 'visits'],
  ['/reports', '举报', 'reports'],
  ['/consultations', '咨询', 'consultations'],
  ['/articles', '消费警示与典型案例', 'articles'],
  ['/hotspots', '热点约谈', 'hotspots'],
  ['/merchants', '商家', 'merchants'],
  ['/data', '数据', 'data'],
  ['/templates', '回复模板', 'templates'],
  ['/staff', '人员账号', 'staff-accounts'],
  ['/audit', '审计日志', 'audit'],
];

test('when an admin opens every screen of the console, then each renders its heading with no serious or critical axe violation', async () => {
  const page = await desk(chromium.browser);
  await logIn(page, STAFF.username, STAFF.password);
  const problems: Record<string, unknown> = {};
  for (const [path, heading, name] of SCREENS) {
    await page.goto(`${bff.base}/console${path}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    const violations = await checkScreen(page, name);
    if (violations.length) problems[name] = violations;
  }
  assert.deepEqual(problems, {});
  await page.context().close();
});
