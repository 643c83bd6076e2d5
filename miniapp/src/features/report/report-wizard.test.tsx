import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase, aMerchant, aMeta } from '../../../test/factories';
import { fakeApi, loggedIn, mountRequestsAnswered, networkDownOnce } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { forgetTimelyRates } from '../filing/merchant-picker';
import { emptyReport, REPORT_DRAFT_KEY, reportDrafts, type ReportForm } from './report-form';
import { ReportWizard } from './report-wizard';

const MERCHANT = aMerchant();
const PROFILE = { name: '王小明', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' };
const STATS = {
  from: '2025-12',
  to: '2026-11',
  months: [],
  totals: {},
  merchants: [{ id: MERCHANT.id, name: MERCHANT.name, received: 12, timelyRate: 0.75 }],
  asOf: '2026-11-24T10:00:00+08:00',
};

function api(extra: Parameters<typeof fakeApi>[0] = {}) {
  const filed = aCase({ kind: 'report', status: 'verifying', allowedActions: ['supplement'] });
  const fake = fakeApi({
    'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: PROFILE } },
    'GET /merchants': { body: { items: [MERCHANT] } },
    'GET /stats': { body: STATS },
    'POST /cases': { status: 201, body: filed },
    ...extra,
  });
  return { fake, filed };
}

/** A restored anonymous report, complete, on its review step. */
function seedCompleteReport() {
  const form: ReportForm = {
    ...emptyReport(),
    merchant: { id: MERCHANT.id, name: MERCHANT.name, address: MERCHANT.address, badges: MERCHANT.badges },
    category: 'catering',
    facts: '该店后厨使用过期食材，冰柜里的海鲜标签日期被涂改。',
  };
  taro.setStorageSync(REPORT_DRAFT_KEY, JSON.stringify({ ...reportDrafts.fresh(), form, step: 5 }));
}

/** Merchant from the directory, category, facts; stops on the photo step. */
async function throughFacts() {
  fireEvent.change(screen.getByLabelText('搜索商家'), { target: { value: '鼓浪屿' } });
  fireEvent.click(screen.getByText('搜索'));
  fireEvent.click(await screen.findByText(MERCHANT.name));
  fireEvent.click(screen.getByText('下一步'));
  fireEvent.click(await screen.findByText('餐饮服务'));
  fireEvent.click(screen.getByText('下一步'));
  fireEvent.change(await screen.findByLabelText('违法行为线索'), { target: { value: '太短' } });
  fireEvent.click(screen.getByText('下一步'));
  expect(await screen.findByText('至少 10 个字')).toBeInTheDocument();
  fireEvent.change(screen.getByLabelText('违法行为线索'), {
    target: { value: '该店后厨使用过期食材，冰柜里的海鲜标签日期被涂改。' },
  });
  fireEvent.click(screen.getByText('下一步'));
  await screen.findByText(/第 4\/6 步/);
  fireEvent.click(screen.getByText('下一步'));
  await screen.findByText(/第 5\/6 步/);
}

beforeEach(() => forgetTimelyRates());

describe('我要举报', () => {
  it('when nothing is changed on the identity step, then the report is anonymous: no reporter is sent and the merchant-never-sees note shows', async () => {
    loggedIn();
    const { fake, filed } = api();
    render(<ReportWizard />);
    await throughFacts();
    expect(screen.getByTestId('identity-note')).toHaveTextContent('被举报商家看不到举报人');
    expect(screen.getByRole('switch', { name: '匿名举报' })).toBeChecked();
    expect(screen.queryByLabelText('姓名')).toBeNull();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByTestId('review')).toHaveTextContent('匿名举报');
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(fake.calls('POST', '/cases')).toHaveLength(1));
    const sent = fake.calls('POST', '/cases')[0];
    expect(sent.body).toEqual({
      kind: 'report',
      merchant: { id: MERCHANT.id },
      category: 'catering',
      facts: '该店后厨使用过期食材，冰柜里的海鲜标签日期被涂改。',
      attachments: [],
    });
    expect(sent.header['Idempotency-Key']).toMatch(/^wq-/);
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/consumer/filed/index?id=${filed.id}` }),
    );
  });

  it('when real name is chosen, then the profile prefills the reporter, the shared schema checks it, and the reporter is sent', async () => {
    loggedIn();
    const { fake } = api();
    render(<ReportWizard />);
    await throughFacts();
    fireEvent.click(screen.getByRole('switch', { name: '匿名举报' }));
    expect(await screen.findByText('已从“我的”带出，可修改')).toBeInTheDocument();
    expect(screen.getByLabelText('姓名')).toHaveValue('王小明');
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '12345' } });
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText('请输入正确的手机号或座机号')).toBeInTheDocument();
    expect(screen.getByLabelText('手机号')).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900139000' } });
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(await screen.findByText('提交举报'));
    await waitFor(() => expect(fake.calls('POST', '/cases')).toHaveLength(1));
    expect(fake.calls('POST', '/cases')[0].body.reporter).toEqual({ ...PROFILE, phone: '13900139000' });
  });

  it('when an ODR merchant is found in the directory, then its published timely-response rate shows beside it', async () => {
    loggedIn();
    api();
    render(<ReportWizard />);
    fireEvent.change(screen.getByLabelText('搜索商家'), { target: { value: '鼓浪屿' } });
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText(MERCHANT.name);
    expect(await screen.findByText('按时响应率 75%')).toBeInTheDocument();
  });

  it('when the person types and the app is closed, then a new visit restores the report on its step and a retried submit reuses the Idempotency-Key; success clears the draft', async () => {
    loggedIn();
    const { fake } = api({
      'POST /cases': networkDownOnce({ status: 201, body: aCase({ kind: 'report', status: 'verifying' }) }),
    });
    const first = render(<ReportWizard />);
    await throughFacts();
    const saved = JSON.parse(taro.getStorageSync(REPORT_DRAFT_KEY) as string);
    expect(saved.step).toBe(4);
    expect(saved.form.facts).toBe('该店后厨使用过期食材，冰柜里的海鲜标签日期被涂改。');
    first.unmount();

    render(<ReportWizard />);
    expect(screen.getByText('已恢复上次未提交的草稿')).toBeInTheDocument();
    expect(screen.getByText(/第 5\/6 步/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(await screen.findByText('提交举报'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    const posts = fake.calls('POST', '/cases');
    expect(posts.map((p) => p.header['Idempotency-Key'])).toEqual([
      saved.idempotencyKey,
      saved.idempotencyKey,
    ]);
    expect(taro.getStorageSync(REPORT_DRAFT_KEY)).toBe('');
  });

  it('when a photo was uploading as the app closed, then the restored report offers a retry for it', async () => {
    loggedIn();
    api();
    const form: ReportForm = {
      ...emptyReport(),
      photos: [{ path: 'blob:7', status: 'uploading', progress: 40 }],
    };
    taro.setStorageSync(REPORT_DRAFT_KEY, JSON.stringify({ ...reportDrafts.fresh(), form, step: 3 }));
    render(<ReportWizard />);
    expect(document.querySelector('.wq-photo')).toHaveAttribute('data-status', 'failed');
    expect(screen.getByText('重试')).toBeInTheDocument();
  });

  it('when submitting inside WeChat, then subscribe messages are requested in the tap and the results posted', async () => {
    loggedIn();
    taro.__taro.setEnv('WEAPP');
    (taro.requestSubscribeMessage as jest.Mock).mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tpl-update': 'accept',
      'tpl-deadline': 'accept',
    });
    const { fake } = api({ 'GET /meta': { body: aMeta() }, 'POST /subscriptions': { body: {} } });
    seedCompleteReport();
    render(<ReportWizard />);
    await mountRequestsAnswered();
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(fake.calls('POST', '/subscriptions')).toHaveLength(1));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-update', 'tpl-deadline'] });
    expect(fake.calls('POST', '/subscriptions')[0].body).toEqual({
      results: { 'tpl-update': 'accept', 'tpl-deadline': 'accept' },
    });
    await waitFor(() => expect(fake.calls('POST', '/cases')).toHaveLength(1));
  });

  it('when submitting on H5, then no subscribe request is made', async () => {
    loggedIn();
    const { fake } = api();
    seedCompleteReport();
    render(<ReportWizard />);
    fireEvent.click(screen.getByText('提交举报'));
    await waitFor(() => expect(fake.calls('POST', '/cases')).toHaveLength(1));
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(fake.calls('GET', '/meta')).toHaveLength(0);
  });
});
