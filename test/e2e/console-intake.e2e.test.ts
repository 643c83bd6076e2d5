/**
 * 一号对外 end to end: staff register a caller's phone complaint in the console's 电话登记 and read
 * out the claim code shown large; the caller, in the H5 mini-program, claims it with the case number
 * and the code (查询电话登记的投诉) and finds it in their own list. Screens are saved under
 * test-artifacts/console-intake/ and checked with axe-core.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildConsoleIfNeeded, checkScreen } from './console-harness';
import { buildIfNeeded, launchChromium, ROOT, STAFF, startBff, type Bff } from './harness';

// its own folder: console.e2e.test.ts, which may run at the same time, empties test-artifacts/console
const SHOTS = path.join(ROOT, 'test-artifacts/console-intake');

let bff: Bff;
let chromium: { browser: Browser; stop(): Promise<void> };

before(async () => {
  buildConsoleIfNeeded();
  buildIfNeeded('h5');
  bff = await startBff();
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.stop();
  await bff?.stop();
});

async function desk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`${bff.base}/console/`);
  await page.getByLabel('用户名').fill(STAFF.username);
  await page.getByLabel('密码').fill(STAFF.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  return page;
}

/** An Ant Design select: open it by its label, pick the option with this title. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible [title="${option}"]`).click();
}

test('when staff register a phone complaint, then the claim code shows large, and the caller claims it in the mini-program and finds it in their list', async () => {
  const page = await desk(chromium.browser);
  await page.getByRole('menuitem', { name: '电话登记' }).click();
  await page.getByRole('heading', { name: '电话登记', exact: true }).waitFor();
  await choose(page, '类别', '家用电器');
  await page.getByLabel('姓名', { exact: true }).fill('郑女士');
  await page.getByLabel('电话', { exact: true }).fill('13906001234');
  await page.getByLabel('地址', { exact: true }).fill('福建省厦门市集美区杏林湾路 8 号');
  await page.getByLabel('被投诉方', { exact: true }).fill('厦门某某空调专卖店');
  await page.getByLabel('商家地址', { exact: true }).fill('福建省厦门市集美区乐海路 2 号');
  await page
    .getByLabel('事实与理由', { exact: true })
    .fill('来电反映：新装空调制冷效果差，商家多次上门未修好，要求退货退款。');
  await page.getByLabel('消费日期', { exact: true }).fill('2026-11-20');
  // leaving the field keeps the typed date (Enter there would submit the form at once)
  await page.getByRole('heading', { name: '电话登记', exact: true }).click();
  await page.locator('form button[type="submit"]').click();

  const code = page.getByTestId('claim-code');
  await code.waitFor().catch(async (e) => {
    await checkScreen(page, 'intake-no-claim-code', SHOTS);
    throw e;
  });
  const claimCode = (await code.textContent())?.trim() ?? '';
  const caseNo = (await page.getByTestId('filed-case-no').textContent())?.trim() ?? '';
  assert.match(claimCode, /^\d{8}$/, `the claim code shown: "${claimCode}"`);
  assert.match(caseNo, /^[A-Z]+\d{14,}$/);
  const size = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 40, `read out from the screen: ${size}px`);
  assert.deepEqual(await checkScreen(page, 'intake-claim-code', SHOTS), []);
  await page.context().close();

  const phone = await chromium.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const c = await phone.newPage();
  c.on('pageerror', (e) => console.error('[page error]', e.message));
  const visible = (selector: string) => c.locator(selector).locator('visible=true').first();
  const field = (id: string) => visible(`#${id} input, input#${id}`);
  await c.goto(`${bff.base}/#/pages/login/index`);
  await field('demo-name').fill('郑女士');
  await visible('#login-demo').click();
  await c.waitForFunction(() => !!localStorage.getItem('wq.auth.consumer'));
  await c.goto(`${bff.base}/#/consumer/claim/index`);
  await field('claim-case-no').fill(caseNo);
  await field('claim-code').fill(claimCode);
  await visible('#claim').click();
  await c.waitForFunction(() => location.hash.includes('/consumer/case/index?id='), undefined, {
    timeout: 20_000,
  });
  const caseId = new URLSearchParams(new URL(c.url()).hash.split('?')[1]).get('id');
  assert.ok(caseId);
  await c.getByText(caseNo).locator('visible=true').first().waitFor();
  await c.goto(`${bff.base}/#/consumer/cases/index`);
  await visible(`[data-case-id="${caseId}"]`).waitFor({ timeout: 20_000 });
  await c.screenshot({ path: path.join(SHOTS, 'miniapp-claimed-in-list.png'), fullPage: true });
  await phone.close();
});
