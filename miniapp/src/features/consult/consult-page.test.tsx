import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn, mountRequestsAnswered, networkDownOnce } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { CONSULT_DRAFT_KEY, consultDrafts, ConsultPage, FAQ_DEBOUNCE_MS } from './consult-page';

const FAQ = {
  items: [
    {
      id: 'f1',
      question: '预付卡商家跑路了怎么办？',
      answer: '保留购卡凭证，向商家所在地市场监管部门投诉。',
      category: 'prepaid_cards',
      updatedAt: '2026-11-01T10:00:00+08:00',
    },
  ],
};

describe('我要咨询', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when the person types, then the FAQ is searched once per pause and its answers show before any question form', async () => {
    loggedIn();
    const api = fakeApi({ 'GET /faq': { body: FAQ } });
    render(<ConsultPage />);
    expect(screen.queryByTestId('consult-form')).toBeNull();
    const box = screen.getByLabelText('先搜一搜常见问题');
    fireEvent.change(box, { target: { value: '预' } });
    fireEvent.change(box, { target: { value: '预付' } });
    fireEvent.change(box, { target: { value: '预付卡' } });
    await act(async () => {
      jest.advanceTimersByTime(FAQ_DEBOUNCE_MS + 10);
    });
    await waitFor(() => expect(api.calls('GET', '/faq')).toHaveLength(1));
    expect(api.calls('GET', '/faq')[0].path).toContain(`q=${encodeURIComponent('预付卡')}`);
    expect(await screen.findByText('保留购卡凭证，向商家所在地市场监管部门投诉。')).toBeInTheDocument();
    expect(screen.getByText('找到 1 条相关答案')).toBeInTheDocument();
  });

  it('when no answer fits, then the question form opens empty beside the search words, checks the shared schema and files a consultation', async () => {
    jest.useRealTimers();
    loggedIn();
    const filed = aCase({
      kind: 'consultation',
      status: 'open',
      merchant: null,
      question: '健身房关门了，预付卡的钱怎么要回来？',
    });
    const api = fakeApi({ 'GET /faq': { body: { items: [] } }, 'POST /cases': { status: 201, body: filed } });
    render(<ConsultPage />);
    fireEvent.change(screen.getByLabelText('先搜一搜常见问题'), { target: { value: '健身房' } });
    expect(await screen.findByText('没有找到相关答案')).toBeInTheDocument();
    fireEvent.click(screen.getByText('没有找到答案？我要提问'));
    expect(screen.getByLabelText('您的问题')).toHaveValue('');
    expect(screen.getByText(/您搜索了“健身房”/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交咨询'));
    expect(await screen.findByText('请选择类别')).toBeInTheDocument();
    expect(screen.getByText('请填写此项')).toBeInTheDocument();
    fireEvent.click(screen.getByText('预付卡消费'));
    fireEvent.change(screen.getByLabelText('您的问题'), {
      target: { value: '健身房关门了，预付卡的钱怎么要回来？' },
    });
    fireEvent.click(screen.getByText('提交咨询'));
    await waitFor(() => expect(api.calls('POST', '/cases')).toHaveLength(1));
    expect(api.calls('POST', '/cases')[0].body).toEqual({
      kind: 'consultation',
      category: 'prepaid_cards',
      question: '健身房关门了，预付卡的钱怎么要回来？',
    });
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/consumer/filed/index?id=${filed.id}` }),
    );
  });

  it('when a question is typed and the app is closed, then a new visit restores it and a retried submit reuses the Idempotency-Key; success clears the draft', async () => {
    jest.useRealTimers();
    loggedIn();
    const api = fakeApi({
      'GET /faq': { body: { items: [] } },
      'POST /cases': networkDownOnce({
        status: 201,
        body: aCase({ kind: 'consultation', status: 'open', merchant: null }),
      }),
    });
    const first = render(<ConsultPage />);
    fireEvent.click(screen.getByText('没有找到答案？我要提问'));
    fireEvent.click(screen.getByText('预付卡消费'));
    fireEvent.change(screen.getByLabelText('您的问题'), {
      target: { value: '健身房关门了，预付卡的钱怎么要回来？' },
    });
    const saved = JSON.parse(taro.getStorageSync(CONSULT_DRAFT_KEY) as string);
    expect(saved.form).toMatchObject({
      asking: true,
      category: 'prepaid_cards',
      question: '健身房关门了，预付卡的钱怎么要回来？',
    });
    first.unmount();

    render(<ConsultPage />);
    expect(screen.getByText('已恢复上次未提交的草稿')).toBeInTheDocument();
    expect(screen.getByLabelText('您的问题')).toHaveValue('健身房关门了，预付卡的钱怎么要回来？');
    fireEvent.click(screen.getByText('提交咨询'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交咨询'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    expect(api.calls('POST', '/cases').map((p) => p.header['Idempotency-Key'])).toEqual([
      saved.idempotencyKey,
      saved.idempotencyKey,
    ]);
    expect(taro.getStorageSync(CONSULT_DRAFT_KEY)).toBe('');
  });

  it('when submitting inside WeChat, then subscribe messages are requested in the tap and the results posted', async () => {
    jest.useRealTimers();
    loggedIn();
    taro.__taro.setEnv('WEAPP');
    (taro.requestSubscribeMessage as jest.Mock).mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tpl-update': 'reject',
    });
    const META = {
      mode: 'production',
      templates: { caseUpdate: 'tpl-update' },
      version: 'test',
      categories: [],
    };
    const api = fakeApi({
      'GET /meta': { body: META },
      'POST /subscriptions': { body: {} },
      'POST /cases': { status: 201, body: aCase({ kind: 'consultation', status: 'open', merchant: null }) },
    });
    taro.setStorageSync(
      CONSULT_DRAFT_KEY,
      JSON.stringify({
        ...consultDrafts.fresh(),
        form: {
          q: '',
          asking: true,
          category: 'prepaid_cards',
          question: '健身房关门了，预付卡的钱怎么要回来？',
        },
      }),
    );
    render(<ConsultPage />);
    await mountRequestsAnswered();
    fireEvent.click(screen.getByText('提交咨询'));
    await waitFor(() => expect(api.calls('POST', '/subscriptions')).toHaveLength(1));
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-update'] });
    expect(api.calls('POST', '/subscriptions')[0].body).toEqual({ results: { 'tpl-update': 'reject' } });
    await waitFor(() => expect(api.calls('POST', '/cases')).toHaveLength(1));
  });
});
