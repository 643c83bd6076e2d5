/**
 * The mini-program end to end, in headless Chromium against the real BFF: a consumer files a
 * complaint with a photo against an ODR merchant, the merchant binds and proposes, the consumer
 * rejects, staff accept and close through the API, and the consumer rates. Every page visited is
 * saved as a screenshot under test-artifacts/e2e/. A second walk (issue 7): staff publish a consumer
 * warning, the home page shows it with the public figures, a consumer files an anonymous report and
 * a consultation, staff answer the consultation (publishing it to the FAQ), the consumer reads the
 * answer, and the FAQ search of 我要咨询 finds it. A third: a second complaint against the same ODR
 * merchant shows the open one and leads to its 补充材料; 我的 switches to English and back, and
 * large-text mode enlarges the type.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  a11yFindings,
  buildIfNeeded,
  cleanArtifacts,
  launchChromium,
  PNG,
  screenshot,
  STAFF,
  startBff,
  type Bff,
} from './harness';

let bff: Bff;
let chromium: { browser: Browser; stop(): Promise<void> };

before(async () => {
  buildIfNeeded('h5');
  cleanArtifacts();
  bff = await startBff();
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.stop();
  await bff?.stop();
});

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('[console]', m.text());
  });
  return { context, page };
}

/** Taro H5 keeps earlier pages of the stack in the DOM, hidden: act on visible elements only. */
const visible = (page: Page, selector: string): Locator =>
  page.locator(selector).locator('visible=true').first();
const text = (page: Page, s: string | RegExp): Locator =>
  page
    .getByText(s, { exact: typeof s === 'string' })
    .locator('visible=true')
    .first();

async function fill(page: Page, id: string, value: string) {
  const field = visible(page, `#${id} input, #${id} textarea, input#${id}, textarea#${id}`);
  await field.fill(value);
}

async function at(page: Page, route: string) {
  await page.waitForFunction((r) => location.hash.includes(r), route, { timeout: 15_000 });
  await page.waitForTimeout(650);
}

async function api<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(`${bff.base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${JSON.stringify(data)}`);
  return data;
}

test(
  'when a consumer, a merchant and staff each play their part, then the complaint goes from filing to rating in the browser',
  { timeout: 300_000 },
  async () => {
    const odr = bff.bindingCodes.find((m) => m.odr);
    assert.ok(
      odr,
      `the demo seed printed an ODR merchant with its binding code: ${JSON.stringify(bff.bindingCodes)}`,
    );

    // consumer: home, demo login
    const consumer = await phone(chromium.browser);
    const c = consumer.page;
    await c.goto(`${bff.base}/#/pages/home/index`);
    await text(c, '我要投诉').waitFor();
    assert.ok(await text(c, '我的办件').isVisible());
    assert.ok(await text(c, '商家入口').isVisible());
    await screenshot(c, 'home');

    await visible(c, '#entry-file').click();
    await at(c, '/pages/login/index');
    await fill(c, 'demo-name', '王小明');
    await screenshot(c, 'login');
    await visible(c, '#login-demo').click();
    await at(c, '/consumer/file/index');

    // the wizard: merchant from the directory, with its badges
    await fill(c, 'merchant-q', odr.name.slice(0, 4));
    await visible(c, '#merchant-search').click();
    await text(c, odr.name).click();
    await text(c, 'ODR 在线调解').waitFor();
    await screenshot(c, 'file-merchant');
    await visible(c, '#wizard-next').click();

    await visible(c, '[data-value="household_appliances"]').click();
    await visible(c, '#wizard-next').click();

    await fill(c, 'facts', '太短');
    await visible(c, '#wizard-next').click();
    await text(c, '至少 10 个字').waitFor();
    await screenshot(c, 'file-facts-error');
    await fill(c, 'facts', '在店里买的电饭煲用了三天就不加热了，商家说要收检测费才肯维修，拒绝退货。');
    await visible(c, '#wizard-next').click();

    await visible(c, '[data-value="refund"]').click();
    await fill(c, 'demand-amount', '299');
    await visible(c, '#wizard-next').click();

    await fill(c, 'purchase-amount', '299');
    await visible(c, '#today').click();
    await visible(c, '[data-value="offline"]').click();
    await visible(c, '#wizard-next').click();

    const [chooser] = await Promise.all([c.waitForEvent('filechooser'), visible(c, '#add-photos').click()]);
    await chooser.setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    await visible(c, '[data-status="done"]').waitFor({ timeout: 20_000 });
    await screenshot(c, 'file-photo-uploaded');
    await visible(c, '#wizard-next').click();

    await fill(c, 'contact-name', '王小明');
    await fill(c, 'contact-phone', '13800138000');
    await fill(c, 'contact-address', '福建省厦门市思明区湖滨南路 100 号');
    await screenshot(c, 'file-contact');
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-testid="review"]').waitFor();
    await screenshot(c, 'file-review');
    // every purchase detail on the review screen
    const review = await visible(c, '[data-testid="review"]').innerText();
    for (const part of ['299 元', '实体店', '1 张照片', '王小明'])
      assert.ok(review.includes(part), `the review shows ${part}: ${review}`);
    await visible(c, '#wizard-submit').click();

    // the result page stays: number, what happens next, and the offer to keep the details
    await at(c, '/consumer/filed/index');
    const filedNo = await visible(c, '[data-testid="filed-case-no"]').innerText();
    assert.match(filedNo, /^XM\d+/);
    await text(c, /商家须在 \d{4}-\d{2}-\d{2} 前与您协商/).waitFor();
    await screenshot(c, 'file-result');
    await c.waitForTimeout(1500);
    assert.ok(
      await visible(c, '[data-testid="filed-case-no"]').isVisible(),
      'the result page is still there',
    );
    await visible(c, '#profile-offer-save').click();
    await text(c, '已保存到“我的”').waitFor();
    await visible(c, '#filed-progress').click();

    await at(c, '/consumer/case/index');
    await text(c, '商家协商中').waitFor();
    assert.match(await visible(c, '[data-testid="page-case"]').innerText(), new RegExp(filedNo));
    await text(c, /剩 \d+ 个工作日/).waitFor();
    const caseId = new URL(c.url().replace('#', '')).searchParams.get('id');
    assert.ok(caseId, 'the detail page carries the new case id');
    await text(c, '消费金额 299.00 元').waitFor();
    await screenshot(c, 'case-filed');
    await visible(c, '[data-testid="evidence"] [role="button"]').click();
    await visible(c, '[data-testid="evidence-viewer"] img').waitFor();
    assert.ok(
      await visible(c, '[data-testid="evidence-viewer"] img').evaluate(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 8,
      ),
      'the evidence photo loads in the full-screen viewer',
    );
    await screenshot(c, 'case-evidence-viewer');
    await visible(c, '[data-testid="evidence-viewer"]').click();

    // 我的投诉 lists it
    await c.goto(`${bff.base}/#/consumer/cases/index`);
    await visible(c, `[data-case-id="${caseId}"]`).waitFor();
    await screenshot(c, 'my-cases');

    // merchant: another person binds with the code and proposes
    const merchant = await phone(chromium.browser);
    const m = merchant.page;
    await m.goto(`${bff.base}/#/pages/home/index`);
    await visible(m, '#entry-merchant').click();
    await at(m, '/merchant/bind/index');
    await fill(m, 'binding-code', odr.code);
    await screenshot(m, 'merchant-bind');
    await visible(m, '#bind').click();
    await at(m, '/pages/login/index');
    await fill(m, 'demo-name', '店长老陈');
    await visible(m, '#login-demo').click();
    await at(m, '/merchant/bind/index');
    await visible(m, '#bind').click();
    await at(m, '/merchant/cases/index');
    await visible(m, `[data-case-id="${caseId}"]`).click();
    await at(m, '/merchant/case/index');
    await text(m, '投诉人未同意提供联系方式，信息已打码').waitFor();
    await text(m, '消费金额 299.00 元').waitFor();
    await screenshot(m, 'merchant-case');
    await visible(m, '[data-testid="evidence"] [role="button"]').click();
    await visible(m, '[data-testid="evidence-viewer"] img').waitFor();
    await visible(m, '[data-testid="evidence-viewer"]').click();
    await fill(m, 'proposal-text', '可免费维修，或退款 150 元。');
    await fill(m, 'proposal-refund', '150');
    await visible(m, '#action-propose').click();
    await text(m, '待消费者确认方案').waitFor();
    const merchantPage = await visible(m, '[data-testid="page-merchant-case"]').innerText();
    assert.ok(!merchantPage.includes('待您确认方案'), 'the merchant is never told the consumer’s task');
    assert.doesNotMatch(merchantPage, /· 我\s*提交投诉/);
    assert.match(merchantPage, /· 消费者\s*提交投诉/);
    await screenshot(m, 'merchant-proposed');

    // consumer: the notice arrives; reject the proposal
    await c.goto(`${bff.base}/#/pages/home/index`);
    await visible(c, '[data-testid="unread"]').waitFor();
    await screenshot(c, 'home-unread');
    await c.goto(`${bff.base}/#/consumer/inbox/index`);
    const notice = visible(c, '.wq-unread-item');
    await notice.waitFor();
    await screenshot(c, 'inbox');
    await notice.click();
    await at(c, '/consumer/case/index');
    await text(c, '退款 150.00 元').waitFor();
    await screenshot(c, 'case-proposal');
    await visible(c, '#action-reject_proposal').click();
    await fill(c, 'reject-reason', '电饭煲是新买的，要求全额退款。');
    await visible(c, '#confirm-reject').click();
    // Taro's H5 modal: the consequence in plain words, then the confirmation
    await text(c, /转交 12315 投诉中心/).waitFor();
    await screenshot(c, 'case-reject-confirm');
    await visible(c, '.taro-modal__foot .taro-model__confirm').click();
    await text(c, '待受理').waitFor();
    await visible(c, '[data-testid="proposal-fate"]').waitFor();
    assert.equal(await visible(c, '[data-testid="proposal-fate"]').innerText(), '已拒绝');
    await screenshot(c, 'case-rejected');

    // staff, through the API: accept and close
    const staff = await api<{ accessToken: string }>('POST', '/auth/staff', undefined, STAFF);
    await api('POST', `/cases/${caseId}/actions`, staff.accessToken, { type: 'accept' });
    await api('POST', `/cases/${caseId}/actions`, staff.accessToken, {
      type: 'close',
      outcome: 'mediated',
      recoveredFen: 29900,
      text: '经调解，商家同意全额退款。',
    });

    // consumer rates
    await c.goto(`${bff.base}/#/consumer/case/index?id=${caseId}`);
    await text(c, '已办结').waitFor();
    await visible(c, '#action-rate').click();
    await visible(c, '#rate-stars .nut-rate-item:nth-child(5)').click();
    await fill(c, 'rate-comment', '处理及时');
    await visible(c, '#confirm-rate').click();
    await text(c, '您的评价：5 星').waitFor();
    await screenshot(c, 'case-rated');

    // the remaining pages, for the record: 我的 greets by name, not by an internal id
    await c.goto(`${bff.base}/#/consumer/me/index`);
    await visible(c, '#profile-save').waitFor();
    await text(c, '王小明，您好').waitFor();
    await screenshot(c, 'me');

    // a second complaint starts with the saved real-name details
    await c.goto(`${bff.base}/#/consumer/file/index`);
    await fill(c, 'merchant-q', odr.name.slice(0, 4));
    await visible(c, '#merchant-search').click();
    await text(c, odr.name).click();
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-value="household_appliances"]').click();
    await visible(c, '#wizard-next').click();
    await fill(c, 'facts', '买的电热水壶漏电，商家不肯退换，说要寄回厂家检测。');
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-value="exchange"]').click();
    await visible(c, '#wizard-next').click();
    await visible(c, '#today').click();
    await visible(c, '[data-value="online"]').click();
    await visible(c, '#wizard-next').click();
    await visible(c, '#add-photos').waitFor();
    await visible(c, '#wizard-next').click();
    await text(c, '已从“我的”中带出，可修改').waitFor();
    assert.equal(await visible(c, '#contact-name input, input#contact-name').inputValue(), '王小明');
    assert.equal(await visible(c, '#contact-phone input, input#contact-phone').inputValue(), '13800138000');
    await screenshot(c, 'file-second-prefilled');
    await m.goto(`${bff.base}/#/merchant/cases/index`);
    await visible(m, `[data-case-id="${caseId}"]`).waitFor();
    await screenshot(m, 'merchant-cases');

    await consumer.context.close();
    await merchant.context.close();
  },
);

test(
  'when a consumer reports a merchant and asks a question that staff answer, then both show in the browser and the answer reaches the FAQ',
  { timeout: 300_000 },
  async () => {
    const odr = bff.bindingCodes.find((m) => m.odr);
    assert.ok(odr);
    const staff = await api<{ accessToken: string }>('POST', '/auth/staff', undefined, STAFF);
    await api('POST', '/staff/articles', staff.accessToken, {
      kind: 'warning',
      title: '警惕“低价旅游团”强制购物',
      category: 'tourism',
      body: '近期多名消费者反映，参加低价旅游团后被带到指定商店强制购物。\n请选择正规旅行社，签订书面合同，保留付款凭证。',
    });

    const consumer = await phone(chromium.browser);
    const c = consumer.page;
    await c.goto(`${bff.base}/#/pages/home/index`);
    await visible(c, '[data-testid="feed"]').waitFor();
    await visible(c, '[data-testid="stats"]').waitFor();
    await text(c, '办结率').waitFor();
    await screenshot(c, 'home-feed-figures');
    await text(c, '警惕“低价旅游团”强制购物').click();
    await at(c, '/consumer/article/index');
    await text(c, '请选择正规旅行社，签订书面合同，保留付款凭证。').waitFor();
    await screenshot(c, 'article');

    // 我要举报: anonymous by default
    await c.goto(`${bff.base}/#/pages/home/index`);
    await visible(c, '#entry-report').click();
    await at(c, '/pages/login/index');
    await fill(c, 'demo-name', '李举报');
    await visible(c, '#login-demo').click();
    await at(c, '/consumer/report/index');
    await fill(c, 'merchant-q', odr.name.slice(0, 4));
    await visible(c, '#merchant-search').click();
    await text(c, odr.name).click();
    await visible(c, '[data-testid="merchant-selected"] [data-testid="timely-rate"]').waitFor();
    await screenshot(c, 'report-merchant');
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-value="catering"]').click();
    await visible(c, '#wizard-next').click();
    await fill(c, 'facts', '该店后厨使用过期食材，冰柜里的海鲜标签日期被涂改。');
    await visible(c, '#wizard-next').click();
    await visible(c, '#add-photos').waitFor();
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-testid="identity-note"]').waitFor();
    await screenshot(c, 'report-identity');
    await visible(c, '#wizard-next').click();
    await visible(c, '[data-testid="review"]').waitFor();
    await visible(c, '#wizard-submit').click();
    await at(c, '/consumer/filed/index');
    await text(c, '举报已提交，我们已收到').waitFor();
    await screenshot(c, 'report-result');
    await visible(c, '#filed-progress').click();
    await at(c, '/consumer/case/index');
    await text(c, '核查中').waitFor();
    await text(c, '提交举报').waitFor();
    await text(c, '匿名举报').waitFor();
    const reportId = new URL(c.url().replace('#', '')).searchParams.get('id');
    assert.ok(reportId);
    await screenshot(c, 'report-filed');

    // 我要咨询: nothing in the FAQ yet, so ask
    await c.goto(`${bff.base}/#/consumer/consult/index`);
    await fill(c, 'faq-q', '旅游团 强制购物');
    await visible(c, '[data-testid="faq-count"]').waitFor();
    await visible(c, '#consult-ask').click();
    await visible(c, '[data-value="tourism"]').click();
    await fill(c, 'consult-question', '旅游团导游强制购物，不买就不让上车，可以投诉吗？');
    await screenshot(c, 'consult-form');
    await visible(c, '#consult-submit').click();
    await at(c, '/consumer/filed/index');
    await text(c, '咨询已提交，我们已收到').waitFor();
    await visible(c, '#filed-progress').click();
    await at(c, '/consumer/case/index');
    await text(c, '待答复').waitFor();
    const consultId = new URL(c.url().replace('#', '')).searchParams.get('id');
    assert.ok(consultId);

    // staff answer through the API and publish the answer to the FAQ
    await api('POST', `/cases/${consultId}/actions`, staff.accessToken, {
      type: 'answer',
      text: '可以。强制购物违反《旅游法》，可向旅游主管部门或 12315 投诉，并保留行程单和付款凭证。',
      publishAsFaq: true,
    });
    await c.goto(`${bff.base}/#/consumer/case/index?id=${consultId}`);
    await visible(c, '[data-testid="answer"]').waitFor();
    await text(c, '已答复').waitFor();
    await visible(c, '#action-follow_up').waitFor();
    await screenshot(c, 'consult-answered');

    // the next person searching finds the published answer before asking
    await c.goto(`${bff.base}/#/consumer/consult/index`);
    await fill(c, 'faq-q', '强制购物');
    await text(c, /保留行程单和付款凭证/).waitFor({ timeout: 15_000 });
    await screenshot(c, 'consult-faq-hit');

    // 我的办件 lists the report and the consultation with their kinds
    await c.goto(`${bff.base}/#/consumer/cases/index`);
    await visible(c, `[data-case-id="${reportId}"][data-kind="report"]`).waitFor();
    await visible(c, `[data-case-id="${consultId}"][data-kind="consultation"]`).waitFor();
    await screenshot(c, 'my-cases-kinds');

    // the merchant never sees the report
    const m = await phone(chromium.browser);
    const mp = m.page;
    await mp.goto(`${bff.base}/#/pages/home/index`);
    await visible(mp, '#entry-merchant').click();
    await at(mp, '/merchant/bind/index');
    await fill(mp, 'binding-code', odr.code);
    await visible(mp, '#bind').click();
    await at(mp, '/pages/login/index');
    await fill(mp, 'demo-name', '店员小林');
    await visible(mp, '#login-demo').click();
    await at(mp, '/merchant/bind/index');
    await visible(mp, '#bind').click();
    await at(mp, '/merchant/cases/index');
    await visible(mp, '[data-testid="merchant-record"]').waitFor();
    await mp.waitForTimeout(1000);
    assert.equal(
      await mp.locator(`[data-case-id="${reportId}"]`).count(),
      0,
      'the report is not in the merchant list',
    );
    await screenshot(mp, 'merchant-record');

    await consumer.context.close();
    await m.context.close();
  },
);

test(
  'when a consumer starts a second complaint against the same ODR merchant, then the open one is shown with 补充材料; the language switches to English and back, and large text enlarges the page',
  { timeout: 300_000 },
  async () => {
    const odr = bff.bindingCodes.find((m) => m.odr);
    assert.ok(odr);
    const found = await api<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `/merchants?q=${encodeURIComponent(odr.name)}`,
      undefined,
    );
    const merchant = found.items.find((x) => x.name === odr.name);
    assert.ok(merchant, `the directory finds ${odr.name}`);

    // the first complaint, filed through the API by the same demo person the browser logs in as
    const first = await api<{ accessToken: string }>('POST', '/auth/wechat', undefined, {
      code: 'dev:赵重复',
    });
    const open = await fetch(`${bff.base}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${first.accessToken}`,
        'idempotency-key': `e2e-dup-${Date.now()}`,
      },
      body: JSON.stringify({
        kind: 'complaint',
        merchant: { id: merchant.id },
        category: 'household_appliances',
        facts: '网购的吹风机收到就无法开机，商家只肯换货不肯退款。',
        demand: { type: 'refund', amountFen: 19900 },
        purchase: { amountFen: 19900, occurredOn: '2026-11-01', channel: 'online' },
        complainant: { name: '赵重复', phone: '13800138111', address: '福建省厦门市湖里区仙岳路 2 号' },
        attachments: [],
        shareContactWithMerchant: false,
      }),
    });
    const filed = (await open.json()) as { id: string; caseNo: string };
    assert.equal(open.status, 201, JSON.stringify(filed));

    const consumer = await phone(chromium.browser);
    const c = consumer.page;
    await c.goto(`${bff.base}/#/pages/home/index`);
    await visible(c, '#entry-file').click();
    await at(c, '/pages/login/index');
    await fill(c, 'demo-name', '赵重复');
    await visible(c, '#login-demo').click();
    await at(c, '/consumer/file/index');
    await fill(c, 'merchant-q', odr.name.slice(0, 4));
    await visible(c, '#merchant-search').click();
    await text(c, odr.name).click();

    const warning = visible(c, '[data-testid="duplicate-warning"]');
    await warning.waitFor();
    await visible(c, `[data-testid="duplicate-warning"] [data-case-id="${filed.id}"]`).waitFor();
    assert.match(await warning.innerText(), new RegExp(filed.caseNo));
    await visible(c, '#dup-supplement').waitFor();
    await screenshot(c, 'duplicate-warning');
    // the question must be answered before going on
    await visible(c, '#wizard-next').click();
    assert.ok(await warning.isVisible(), 'next does not pass an unanswered duplicate question');
    await visible(c, '#dup-supplement').click();
    await at(c, '/consumer/case/index');
    assert.equal(new URL(c.url().replace('#', '')).searchParams.get('id'), filed.id);
    await visible(c, '#supplement-text').waitFor();
    await screenshot(c, 'duplicate-supplement');

    // 我的: English, then back to 简体中文
    await c.goto(`${bff.base}/#/consumer/me/index`);
    const heading = () => visible(c, '[data-testid="page-me"] .wq-card-title').innerText();
    await visible(c, '#profile-save').waitFor();
    assert.equal(await heading(), '实名信息');
    await visible(c, '[data-testid="page-me"] [data-value="en"]').click();
    await c.waitForFunction(
      () => document.querySelector('[data-testid="page-me"]')?.getAttribute('data-lang') === 'en',
    );
    assert.equal(await heading(), 'Real-name details');
    await screenshot(c, 'me-english');
    await visible(c, '[data-testid="page-me"] [data-value="zh-Hans"]').click();
    await c.waitForFunction(
      () => document.querySelector('[data-testid="page-me"]')?.getAttribute('data-lang') === 'zh-Hans',
    );
    assert.equal(await heading(), '实名信息');

    // large text: the page frame takes the large class and the type grows
    const fontSize = () =>
      visible(c, '[data-testid="page-me"] .wq-card-title').evaluate((el) =>
        parseFloat(getComputedStyle(el).fontSize),
      );
    const before = await fontSize();
    await visible(c, '#large-text').click();
    await c.waitForFunction(() => !!document.querySelector('.wq-screen.wq-large[data-testid="page-me"]'));
    const after = await fontSize();
    assert.ok(after > before, `large text enlarges the headings (${before}px -> ${after}px)`);
    await screenshot(c, 'me-large-text');
    // and it holds on other pages
    await c.goto(`${bff.base}/#/pages/home/index`);
    await visible(c, '[data-testid="page-home"].wq-large').waitFor();
    await screenshot(c, 'home-large-text');

    await consumer.context.close();
  },
);

test(
  'when a bound merchant gets a new complaint, then its 消息 shows the notice with the badge, and its home lists the complaint with working days left',
  { timeout: 300_000 },
  async () => {
    const odr = bff.bindingCodes.find((m) => m.odr);
    assert.ok(odr);
    const found = await api<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `/merchants?q=${encodeURIComponent(odr.name)}`,
      undefined,
    );
    const shop = found.items.find((x) => x.name === odr.name);
    assert.ok(shop);

    // the shop owner binds first (a consumer login, then the binding code)
    const merchant = await phone(chromium.browser);
    const m = merchant.page;
    await m.goto(`${bff.base}/#/pages/home/index`);
    await visible(m, '#entry-merchant').click();
    await at(m, '/merchant/bind/index');
    await fill(m, 'binding-code', odr.code);
    await visible(m, '#bind').click();
    await at(m, '/pages/login/index');
    await fill(m, 'demo-name', '店长阿美');
    await visible(m, '#login-demo').click();
    await at(m, '/merchant/bind/index');
    await visible(m, '#bind').click();
    await at(m, '/merchant/cases/index');

    // then a consumer files against the shop
    const consumer = await api<{ accessToken: string }>('POST', '/auth/wechat', undefined, {
      code: 'dev:陈投诉',
    });
    const res = await fetch(`${bff.base}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${consumer.accessToken}`,
        'idempotency-key': `e2e-notice-${Date.now()}`,
      },
      body: JSON.stringify({
        kind: 'complaint',
        merchant: { id: shop.id },
        category: 'household_appliances',
        facts: '新买的空气炸锅第二天就不能加热，门店拒绝退货。',
        demand: { type: 'refund', amountFen: 39900 },
        purchase: {
          amountFen: 39900,
          occurredOn: '2026-11-28',
          channel: 'offline',
          orderNo: 'POS-20261128-77',
        },
        complainant: { name: '陈投诉', phone: '13800138222', address: '福建省厦门市湖里区仙岳路 8 号' },
        attachments: [],
        shareContactWithMerchant: true,
      }),
    });
    const filed = (await res.json()) as { id: string; caseNo: string };
    assert.equal(res.status, 201, JSON.stringify(filed));

    // the merchant home: the unread badge, the open complaint with its working days left
    await m.goto(`${bff.base}/#/merchant/cases/index`);
    await visible(m, '[data-testid="badge-inbox"]').waitFor({ timeout: 20_000 });
    const open = visible(m, `[data-open-case-id="${filed.id}"]`);
    await open.waitFor();
    assert.match(await open.innerText(), /剩 \d+ 个工作日/);
    assert.match(await open.innerText(), /待您协商处理/);
    await screenshot(m, 'merchant-home-badge');

    // 消息 (the tab) holds the merchant's notice, not the consumer's empty inbox
    await visible(m, '#tab-inbox').click();
    await at(m, '/consumer/inbox/index');
    const notice = visible(m, '.wq-unread-item[data-audience="merchant"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /您有一件新投诉待协商处理/);
    assert.equal(await m.locator('text=暂无消息').locator('visible=true').count(), 0);
    await screenshot(m, 'merchant-inbox');
    await notice.click();
    await at(m, '/merchant/case/index');
    await text(m, '订单号 POS-20261128-77').waitFor();
    const page = await visible(m, '[data-testid="page-merchant-case"]').innerText();
    assert.ok(!page.includes('待您确认方案'));
    assert.match(page, /· 消费者\s*提交投诉/);
    await screenshot(m, 'merchant-case-from-notice');

    await merchant.context.close();
  },
);

test(
  'when the consumer and merchant pages are opened in Traditional Chinese and English, then each renders in that language (screenshots of every page)',
  { timeout: 300_000 },
  async () => {
    const odr = bff.bindingCodes.find((m) => m.odr);
    assert.ok(odr);
    // a consumer with a case, and a merchant bound to the shop it is against
    const consumer = await phone(chromium.browser);
    const c = consumer.page;
    await c.goto(`${bff.base}/#/pages/login/index`);
    await fill(c, 'demo-name', '林多语');
    await visible(c, '#login-demo').click();
    await c.waitForFunction(() => !!localStorage.getItem('wq.auth.consumer'));
    const token = await c.evaluate(
      () => JSON.parse(JSON.parse(localStorage.getItem('wq.auth.consumer')!).data).accessToken as string,
    );
    const found = await api<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `/merchants?q=${encodeURIComponent(odr.name)}`,
      undefined,
    );
    const shop = found.items.find((x) => x.name === odr.name)!;
    const filedRes = await fetch(`${bff.base}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `e2e-lang-${Date.now()}`,
      },
      body: JSON.stringify({
        kind: 'complaint',
        merchant: { id: shop.id },
        category: 'household_appliances',
        facts: '电视机买回来屏幕就有坏点，商家不给换。',
        demand: { type: 'exchange' },
        purchase: { amountFen: 259900, occurredOn: '2026-11-21', channel: 'offline', orderNo: 'TV-8899' },
        complainant: { name: '林多语', phone: '13800138333', address: '福建省厦门市思明区厦禾路 9 号' },
        attachments: [],
        shareContactWithMerchant: true,
      }),
    });
    const filed = (await filedRes.json()) as { id: string };
    assert.equal(filedRes.status, 201);

    const merchant = await phone(chromium.browser);
    const m = merchant.page;
    await m.goto(`${bff.base}/#/pages/login/index`);
    await fill(m, 'demo-name', '店员多语');
    await visible(m, '#login-demo').click();
    await m.waitForFunction(() => !!localStorage.getItem('wq.auth.consumer'));
    await m.goto(`${bff.base}/#/merchant/bind/index`);
    await fill(m, 'binding-code', odr.code);
    await visible(m, '#bind').click();
    await at(m, '/merchant/cases/index');

    const consumerPages: Array<[string, string]> = [
      ['home', '/pages/home/index'],
      ['file', '/consumer/file/index'],
      ['report', '/consumer/report/index'],
      ['consult', '/consumer/consult/index'],
      ['cases', '/consumer/cases/index'],
      ['case', `/consumer/case/index?id=${filed.id}`],
      ['filed', `/consumer/filed/index?id=${filed.id}`],
      ['inbox', '/consumer/inbox/index'],
      ['me', '/consumer/me/index'],
    ];
    const merchantPages: Array<[string, string]> = [
      ['merchant-home', '/merchant/cases/index'],
      ['merchant-case', `/merchant/case/index?id=${filed.id}`],
      ['merchant-inbox', '/consumer/inbox/index?as=merchant'],
      ['merchant-bind', '/merchant/bind/index'],
    ];
    for (const [lang, probe] of [
      ['zh-Hant', '維權'],
      ['en', 'Weiquan'],
    ] as const) {
      for (const [who, page, pages] of [
        ['consumer', c, consumerPages],
        ['merchant', m, merchantPages],
      ] as const) {
        await page.evaluate(
          (l) =>
            localStorage.setItem(
              'wq.settings',
              JSON.stringify({ data: JSON.stringify({ lang: l, largeText: false }) }),
            ),
          lang,
        );
        for (const [name, route] of pages) {
          await page.goto(`${bff.base}/#${route}`);
          await page.reload();
          await page.waitForFunction(
            (l) => document.querySelector(`.wq-screen[data-lang="${l}"]`) !== null,
            lang,
            {
              timeout: 15_000,
            },
          );
          await screenshot(page, `${lang}-${who}-${name}`);
        }
        void probe;
      }
    }
    // the English merchant case page speaks to the merchant
    await m.goto(`${bff.base}/#/merchant/case/index?id=${filed.id}`);
    await m.reload();
    await text(m, 'Your response needed').waitFor();
    await text(m, /Consumer\s*$/m)
      .waitFor()
      .catch(() => undefined);
    assert.match(await visible(m, '[data-testid="page-merchant-case"]').innerText(), /· Consumer\s*Filed/);
    await consumer.context.close();
    await merchant.context.close();
  },
);

test('when every screen above was checked with axe-core, then none has a serious or critical WCAG 2.1 AA violation', () => {
  assert.deepEqual(a11yFindings, {}, JSON.stringify(a11yFindings, null, 2));
});
