/**
 * The staff console end to end, in headless Chromium against the real BFF at /console/: a handler
 * logs in, opens a pending complaint from the queue, accepts it, pauses and resumes the clock and
 * closes it as mediated with a recovered amount in yuan; an expired session returns to login and back
 * to the same case; a version conflict reloads the case and keeps the handler's text; a consultation
 * answered as FAQ shows in the mini-program's 咨询 search. Every screen visited is saved under
 * test-artifacts/console/ and checked with axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  buildConsoleIfNeeded,
  checkScreen,
  cleanConsoleArtifacts,
  CONSOLE_ARTIFACTS,
} from './console-harness';
import { buildIfNeeded, launchChromium, STAFF, startBff, type Bff } from './harness';

let bff: Bff;
let chromium: { browser: Browser; stop(): Promise<void> };

before(async () => {
  buildConsoleIfNeeded();
  buildIfNeeded('h5');
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
  ['/calendar', '工作日历', 'calendar'],
  ['/moderation', '内容审核', 'moderation'],
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

test('when an admin pastes a made-up 2027 into 工作日历 and previews it, then a weekday make-up day is named in Chinese, a fixed one previews, and nothing is saved', async () => {
  const page = await desk(chromium.browser);
  await logIn(page, STAFF.username, STAFF.password);
  await page.goto(`${bff.base}/console/calendar`);
  await page.getByRole('heading', { name: '工作日历', exact: true }).waitFor();
  // A HYPOTHETICAL arrangement for the test, not a guess at the State Council's.
  await page.getByLabel('通知来源（标题或文号）').fill('测试用假想安排（非官方）');
  await page.getByLabel('粘贴日期').fill('2027/01/25\n2027-01-26, 2027-01-27');
  await page.getByRole('button', { name: '加入放假日（休）' }).click();
  await page.getByLabel('粘贴日期').fill('2027-01-22');
  await page.getByRole('button', { name: '加入调休上班日（班）' }).click();
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByText('2027-01-22 不是周六或周日，不能设为调休上班日（班）').waitFor();
  const refused = await checkScreen(page, 'calendar-refused');
  await page.getByText('班（调休上班）', { exact: true }).click();
  await page.locator('button[data-date="2027-01-22"]').click();
  await page.locator('button[data-date="2027-01-23"]').click();
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByText(/保存后将有 \d+ 个办理期限重新计算（尚未保存）/).waitFor();
  const previewed = await checkScreen(page, 'calendar-preview');
  assert.deepEqual({ refused, previewed }, { refused: [], previewed: [] });
  const calendar = await api<{ coveredThrough: number; years: { year: number }[] }>('GET', '/calendar');
  assert.equal(
    calendar.years.some((y) => y.year === 2027),
    false,
    'a preview saves nothing',
  );
  await page.context().close();
});

async function staffToken(): Promise<string> {
  return (await api<{ accessToken: string }>('POST', '/auth/staff', undefined, STAFF)).accessToken;
}

test('when the session expires on a case page, then the handler logs in again and is back on that case', async () => {
  const filed = await consumerFilesComplaint(
    'console-e2e-expiry',
    '购买的羽绒服严重掉毛，商家不予退换，要求退货退款。',
  );
  const page = await desk(chromium.browser);
  await logIn(page, STAFF.username, STAFF.password);
  await page.goto(`${bff.base}/console/cases/${filed.id}`);
  await page.getByRole('heading', { name: `投诉 ${filed.caseNo}` }).waitFor();
  // both tokens spoiled, as after a long absence: the refresh fails too
  await page.evaluate(() => {
    const key = 'weiquan.console.session';
    const s = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...s, accessToken: 'expired', refreshToken: 'spent' }));
  });
  await page.reload();
  await page.getByText('登录已过期，请重新登录').waitFor();
  assert.match(page.url(), /\/console\/login\?expired=1&next=/);
  await checkScreen(page, 'login-expired');
  await page.getByLabel('用户名').fill(STAFF.username);
  await page.getByLabel('密码').fill(STAFF.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: `投诉 ${filed.caseNo}` }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/console/cases/${filed.id}`);
  await page.context().close();
});

test('when another handler changes the case while a message is being written, then the page reloads the case, says what changed and keeps the text, and the message goes out on the second try', async () => {
  const filed = await consumerFilesComplaint(
    'console-e2e-conflict',
    '健身卡预付 3000 元后门店关门，无法联系，要求退还余额。',
  );
  const token = await staffToken();
  await api('POST', `/cases/${filed.id}/actions`, token, { type: 'accept' });
  const page = await desk(chromium.browser);
  await logIn(page, STAFF.username, STAFF.password);
  await page.goto(`${bff.base}/console/cases/${filed.id}`);
  await page.getByTestId('case-status').filter({ hasText: '已受理' }).waitFor();
  await page.locator('button[data-action="message"]').click();
  const form = page.getByTestId('action-form-message');
  await form.getByLabel('说明').fill('您好，我们已联系门店负责人，请耐心等待。');

  await api('POST', `/cases/${filed.id}/actions`, token, {
    type: 'start_mediation',
    text: '另一位承办人开始调解',
  });
  await form.locator('button[type="submit"]').click();
  await page.getByText(/他人刚刚更新了此案件：状态由“已受理”变为“调解中”/).waitFor();
  assert.equal(await form.getByLabel('说明').inputValue(), '您好，我们已联系门店负责人，请耐心等待。');
  assert.deepEqual(await checkScreen(page, 'case-version-conflict'), []);

  await form.locator('button[type="submit"]').click();
  await page.getByTestId('timeline-entry').filter({ hasText: '您好，我们已联系门店负责人' }).waitFor();
  const stored = await api<{ timeline: Array<{ type: string; text?: string }> }>(
    'GET',
    `/cases/${filed.id}`,
    token,
  );
  assert.equal(stored.timeline.filter((e) => e.type === 'message').length, 1);
  await page.context().close();
});

test('when staff answer a consultation in the console and publish it as FAQ, then the mini-program’s 咨询 search finds the answer', async () => {
  const { accessToken } = await api<{ accessToken: string }>('POST', '/auth/wechat', undefined, {
    code: 'dev:console-e2e-ask',
  });
  const asked = await api<{ id: string; caseNo: string }>(
    'POST',
    '/cases',
    accessToken,
    {
      kind: 'consultation',
      category: 'prepaid_cards',
      question: '美容院办的预付卡，店铺转让后新老板不认，怎么办？',
    },
    { 'Idempotency-Key': randomUUID() },
  );
  const page = await desk(chromium.browser);
  await logIn(page, STAFF.username, STAFF.password);
  await page.getByRole('menuitem', { name: /咨询与常见问题/ }).click();
  await page.getByRole('heading', { name: '咨询', exact: true }).waitFor();
  await page.locator(`[data-case-no="${asked.caseNo}"] a`).click();
  await page.getByRole('heading', { name: `咨询 ${asked.caseNo}` }).waitFor();
  await page.locator('button[data-action="answer"]').click();
  const form = page.getByTestId('action-form-answer');
  await form
    .getByLabel('说明')
    .fill('店铺转让的，受让方应承接预付卡义务；可凭卡和付款凭证向 12315 投诉转让双方。');
  await form.getByLabel('同时发布为常见问题').check();
  assert.deepEqual(await checkScreen(page, 'consultation-answer'), []);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('case-status').filter({ hasText: '已答复' }).waitFor();
  const faq = await api<{ items: Array<{ id: string; answer: string }> }>(
    'GET',
    `/faq?q=${encodeURIComponent('店铺转让后新老板不认')}`,
  );
  assert.match(faq.items[0]?.answer ?? '', /受让方应承接预付卡义务/);
  await page.goto(`${bff.base}/console/consultations`);
  await page.locator('td', { hasText: '美容院办的预付卡，店铺转让后新老板不认，怎么办？' }).last().waitFor();
  assert.deepEqual(await checkScreen(page, 'faq-list'), []);
  await page.context().close();

  const phone = await chromium.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    locale: 'zh-CN',
  });
  const c = await phone.newPage();
  await c.goto(`${bff.base}/#/consumer/consult/index`);
  const q = c.locator('#faq-q input').locator('visible=true').first();
  await q.fill('店铺转让后新老板不认');
  await c
    .getByText(/受让方应承接预付卡义务/)
    .locator('visible=true')
    .first()
    .waitFor({ timeout: 20_000 });
  await c.screenshot({ path: `${CONSOLE_ARTIFACTS}/miniapp-faq-hit.png`, fullPage: true });
  await phone.close();
});

async function staffAccount(username: string, staffRole: 'handler' | 'supervisor', displayName: string) {
  const password = `${username}-password-0123`;
  const account = await api<{ id: string }>('POST', '/staff/accounts', await staffToken(), {
    username,
    displayName,
    staffRole,
    password,
  });
  return { ...account, username, password, displayName };
}

test('when a handler claims a pending complaint from the 未分配 queue, then it is theirs and they can work it', async () => {
  const handler = await staffAccount('e2e-handler-claim', 'handler', '林承办');
  const filed = await consumerFilesComplaint(
    'console-e2e-claim',
    '网购的电动牙刷充不进电，店家拖延不处理，要求换货。',
  );
  const page = await desk(chromium.browser);
  await logIn(page, handler.username, handler.password);
  await page.locator('button[data-queue="unassigned"]').click();
  const row = page.locator(`tr[data-case-no="${filed.caseNo}"]`);
  await row.getByLabel(`选择 ${filed.caseNo}`).check();
  assert.deepEqual(await checkScreen(page, 'workbench-unassigned-selected'), []);
  await page.locator('button[data-bulk="claim"]').click();
  await page.getByText(/完成 1 件/).waitFor();
  await page.locator('button[data-queue="mine"]').click();
  await page.locator(`tr[data-case-no="${filed.caseNo}"]`).getByText('林承办').waitFor();
  await page.locator(`tr[data-case-no="${filed.caseNo}"] a`).click();
  await page.getByTestId('case-assignee').filter({ hasText: '林承办' }).waitFor();
  assert.ok(await page.getByTestId('timeline-entry').filter({ hasText: '仅工作人员可见' }).count());
  await act(page, 'accept');
  assert.equal(await page.getByTestId('case-status').textContent(), '已受理');
  await page.context().close();
});

test('when a supervisor ticks two unassigned complaints and assigns them in bulk, then both belong to that handler', async () => {
  const supervisor = await staffAccount('e2e-supervisor', 'supervisor', '赵科长');
  const handler = await staffAccount('e2e-handler-bulk', 'handler', '陈承办');
  const a = await consumerFilesComplaint(
    'console-e2e-bulk-a',
    '装修公司收取定金后迟迟不开工，要求退还定金。',
  );
  const b = await consumerFilesComplaint(
    'console-e2e-bulk-b',
    '培训机构课程缩水，老师频繁更换，要求退还剩余课时费。',
  );
  const page = await desk(chromium.browser);
  await logIn(page, supervisor.username, supervisor.password);
  await page.locator('button[data-queue="unassigned"]').click();
  for (const c of [a, b])
    await page.locator(`tr[data-case-no="${c.caseNo}"]`).getByLabel(`选择 ${c.caseNo}`).check();
  await page.getByTestId('bulk-assignee').click();
  await page.getByTitle('陈承办').click();
  await page.locator('button[data-bulk="assign"]').click();
  await page.getByText(/完成 2 件/).waitFor();
  const token = await staffToken();
  for (const c of [a, b]) {
    const view = await api<{ assignee: { id: string } | null }>('GET', `/cases/${c.id}`, token);
    assert.equal(view.assignee?.id, handler.id);
  }
  await page.context().close();
});
