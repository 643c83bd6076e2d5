import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beijingDate } from '@weiquan/shared';
import { aCase, aMerchant, aMeta } from '../../../test/factories';
import { fakeApi, loggedIn, mountRequestsAnswered, networkDownOnce } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { DRAFT_KEY, emptyForm, newDraft, type ComplaintForm, type Draft } from './draft';
import { FileComplaintWizard } from './wizard';

const MERCHANT = aMerchant({ badges: { odr: true, noReasonReturn: true, rightsStation: false } });

function storedDraft(): Draft {
  return JSON.parse(taro.getStorageSync(DRAFT_KEY) as string);
}

function seedDraft(form: Partial<ComplaintForm>, step: number, extra: Partial<Draft> = {}): Draft {
  const d: Draft = { ...newDraft(), form: { ...emptyForm(), ...form }, step, ...extra };
  taro.setStorageSync(DRAFT_KEY, JSON.stringify(d));
  return d;
}

const COMPLETE: Partial<ComplaintForm> = {
  merchant: { id: MERCHANT.id, name: MERCHANT.name, address: MERCHANT.address, badges: MERCHANT.badges },
  category: 'catering',
  facts: '点的龙虾缺斤短两，称重时少了半斤，商家拒绝退款。',
  demandType: 'refund',
  demandAmount: '199.5',
  occurredOn: '2026-11-20',
  channel: 'offline',
  photos: [
    { path: 'blob:1', status: 'done', progress: 100, uploadId: '22222222-2222-4222-8222-222222222222' },
  ],
  name: '王小明',
  phone: '13800138000',
  address: '福建省厦门市思明区湖滨南路 1 号',
  share: true,
};

function baseApi(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /meta': { body: aMeta() },
    'GET /me': {
      body: {
        user: { id: 'u-consumer', role: 'consumer' },
        profile: { name: '王小明', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' },
      },
    },
    'GET /merchants': { body: { items: [MERCHANT] } },
    ...extra,
  });
}

describe('我要投诉 wizard', () => {
  it('when the person logs in only after the wizard opened (sent to login and back), then the contact step is filled from 我的 and says so', async () => {
    baseApi();
    const { name, phone, address, ...rest } = COMPLETE;
    void name;
    void phone;
    void address;
    seedDraft(rest, 6);
    render(<FileComplaintWizard />);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(screen.getByLabelText('姓名')).toHaveValue('');
    act(() => void loggedIn());
    await waitFor(() => expect(screen.getByLabelText('姓名')).toHaveValue('王小明'));
    expect(screen.getByLabelText('手机号')).toHaveValue('13800138000');
    expect(screen.getByTestId('prefilled')).toHaveTextContent('已从“我的”中带出，可修改');
  });

  it('when nothing could be filled in, then the contact step does not claim it came from 我的', async () => {
    loggedIn();
    fakeApi({ 'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } } });
    seedDraft({}, 6);
    render(<FileComplaintWizard />);
    await mountRequestsAnswered();
    expect(screen.queryByTestId('prefilled')).toBeNull();
  });

  it('when facts are shorter than the shared schema allows, then the error stands beside the field and the step does not advance', async () => {
    loggedIn();
    baseApi();
    seedDraft({ ...COMPLETE, facts: '太贵了' }, 2);
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('下一步'));
    const facts = screen.getByLabelText('发生了什么');
    expect(await screen.findByText('至少 10 个字')).toBeInTheDocument();
    expect(facts).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/第 3\/8 步/)).toBeInTheDocument();
  });

  it('when a future date came in a draft, then the shared rules reject it; the date picker is bounded to today and its choice is kept', async () => {
    loggedIn();
    baseApi();
    seedDraft({ ...COMPLETE, occurredOn: '2999-01-01' }, 4);
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText('请选择消费日期，不能晚于今天')).toBeInTheDocument();
    const picker = screen.getByTestId('picker-occurred-on');
    expect(picker).toHaveAttribute('max', beijingDate(new Date()));
    fireEvent.change(picker, { target: { value: '2026-11-20' } });
    expect(screen.getByRole('button', { name: '消费日期 2026-11-20' })).toBeInTheDocument();
    fireEvent.click(screen.getByText('今天'));
    expect(screen.getByRole('button', { name: `消费日期 ${beijingDate(new Date())}` })).toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/第 6\/8 步/)).toBeInTheDocument();
  });

  it('when a merchant is searched, then results show their badges and picking one selects it', async () => {
    loggedIn();
    const api = baseApi();
    render(<FileComplaintWizard />);
    fireEvent.change(screen.getByLabelText('搜索商家'), { target: { value: '鼓浪屿' } });
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(await screen.findByText(MERCHANT.name));
    expect(api.calls('GET', '/merchants')[0].path).toContain('q=%E9%BC%93%E6%B5%AA%E5%B1%BF');
    expect(screen.getAllByText('ODR 在线调解').length).toBeGreaterThan(0);
    expect(screen.getAllByText('七日无理由退货').length).toBeGreaterThan(0);
    expect(screen.getByTestId('merchant-selected')).toHaveTextContent(MERCHANT.name);
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/第 2\/8 步/)).toBeInTheDocument();
  });

  it('when nothing is chosen on the first step, then the merchant error shows', async () => {
    loggedIn();
    baseApi();
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText('请选择商家，或手动填写商家名称和地址')).toBeInTheDocument();
    fireEvent.click(screen.getByText('找不到商家？手动填写'));
    fireEvent.click(screen.getByText('下一步'));
    expect((await screen.findAllByText('请填写此项')).length).toBeGreaterThan(0);
  });

  it('when the person types, then the draft saves itself and a new visit restores it with the same Idempotency-Key', async () => {
    loggedIn();
    baseApi();
    const first = render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('找不到商家？手动填写'));
    fireEvent.change(screen.getByLabelText('商家名称'), { target: { value: '街角小卖部' } });
    const saved = storedDraft();
    expect(saved.form.merchantMode).toBe('free');
    expect(saved.form.merchantName).toBe('街角小卖部');
    first.unmount();

    render(<FileComplaintWizard />);
    expect(screen.getByText('已恢复上次未提交的草稿')).toBeInTheDocument();
    expect(screen.getByLabelText('商家名称')).toHaveValue('街角小卖部');
    expect(storedDraft().idempotencyKey).toBe(saved.idempotencyKey);
  });

  it('when the contact step opens on a fresh draft, then the real-name details come from the profile', async () => {
    loggedIn();
    baseApi();
    seedDraft({ ...COMPLETE, name: '', phone: '', address: '' }, 6);
    render(<FileComplaintWizard />);
    await waitFor(() => expect(screen.getByLabelText('姓名')).toHaveValue('王小明'));
    expect(screen.getByLabelText('手机号')).toHaveValue('13800138000');
  });

  it('when a submit fails on the network and is retried, then both attempts carry the same Idempotency-Key and the draft is cleared on success', async () => {
    loggedIn();
    const filed = aCase({ caseNo: 'XM20261124000123' });
    const api = baseApi({ 'POST /cases': networkDownOnce({ status: 201, body: filed }) });
    const seeded = seedDraft(COMPLETE, 7);
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('提交投诉'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText(/不会重复提交/)).toBeInTheDocument();
    expect(storedDraft().idempotencyKey).toBe(seeded.idempotencyKey);

    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/consumer/filed/index?id=${filed.id}` }),
    );
    const posts = api.calls('POST', '/cases');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.header['Idempotency-Key'])).toEqual([
      seeded.idempotencyKey,
      seeded.idempotencyKey,
    ]);
    expect(posts[1].body).toMatchObject({
      kind: 'complaint',
      merchant: { id: MERCHANT.id },
      demand: { type: 'refund', amountFen: 19950 },
      attachments: ['22222222-2222-4222-8222-222222222222'],
      shareContactWithMerchant: true,
    });
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('when submitting inside WeChat, then subscribe messages are requested with at most 3 templates and the results are posted', async () => {
    loggedIn();
    taro.__taro.setEnv('WEAPP');
    (taro.requestSubscribeMessage as jest.Mock).mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tpl-update': 'accept',
      'tpl-deadline': 'reject',
    });
    const api = baseApi({
      'POST /cases': { status: 201, body: aCase() },
      'POST /subscriptions': { body: {} },
    });
    seedDraft(COMPLETE, 7);
    render(<FileComplaintWizard />);
    await mountRequestsAnswered();
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(api.calls('POST', '/subscriptions')).toHaveLength(1));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-update', 'tpl-deadline'] });
    expect(api.calls('POST', '/subscriptions')[0].body).toEqual({
      results: { 'tpl-update': 'accept', 'tpl-deadline': 'reject' },
    });
  });

  it('when on H5, then no subscribe request is made', async () => {
    loggedIn();
    baseApi({ 'POST /cases': { status: 201, body: aCase() } });
    seedDraft(COMPLETE, 7);
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('when the evidence step shows, then it says that photos are shown to the merchant', async () => {
    loggedIn();
    baseApi();
    seedDraft({ ...COMPLETE, photos: [] }, 5);
    render(<FileComplaintWizard />);
    expect(await screen.findByText(/照片会展示给被投诉的商家/)).toBeTruthy();
  });

  it('when a photo upload fails, then it offers a retry that uploads it again', async () => {
    loggedIn();
    baseApi();
    seedDraft({ ...COMPLETE, photos: [] }, 5);
    (taro.chooseImage as jest.Mock).mockResolvedValue({ tempFilePaths: ['blob:photo-1'], tempFiles: [] });
    let calls = 0;
    (taro.uploadFile as jest.Mock).mockImplementation((opts: { name: string; url: string }) => {
      calls += 1;
      expect(opts.name).toBe('file');
      expect(opts.url).toBe('/api/v1/uploads');
      const p: any =
        calls === 1
          ? Promise.reject({ errMsg: 'uploadFile:fail' })
          : Promise.resolve({
              statusCode: 201,
              data: JSON.stringify({
                id: '33333333-3333-4333-8333-333333333333',
                mime: 'image/png',
                size: 10,
                sha256: 'x',
              }),
            });
      p.progress = (cb: (r: { progress: number }) => void) => cb({ progress: 50 });
      return p;
    });
    const { container } = render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('添加照片（0/9）'));
    const retry = await screen.findByText('重试', { selector: '.wq-photo-retry' });
    fireEvent.click(retry);
    await waitFor(() => expect(container.querySelector('[data-status="done"]')).not.toBeNull());
    expect(storedDraft().form.photos[0].uploadId).toBe('33333333-3333-4333-8333-333333333333');
  });

  it('when inside WeChat without privacy consent, then the agree prompt comes before choosing photos', async () => {
    loggedIn();
    taro.__taro.setEnv('WEAPP');
    baseApi();
    seedDraft({ ...COMPLETE, photos: [] }, 5);
    (taro.getPrivacySetting as jest.Mock).mockImplementation((o: { success: (r: unknown) => void }) =>
      o.success({ needAuthorization: true }),
    );
    (taro.chooseMedia as jest.Mock).mockResolvedValue({ tempFiles: [] });
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('添加照片（0/9）'));
    expect(await screen.findByText('隐私保护提示')).toBeInTheDocument();
    expect(taro.chooseMedia).not.toHaveBeenCalled();
    const agree = screen.getByText('同意并继续');
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization');
    fireEvent.click(agree);
    await waitFor(() =>
      expect(taro.chooseMedia).toHaveBeenCalledWith(
        expect.objectContaining({ count: 9, mediaType: ['image'] }),
      ),
    );
  });
});
