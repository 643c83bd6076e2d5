import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import { __taro } from '../../../test/stubs/taro';
import { MerchantCasePage } from './merchant-case-page';

describe('商家 case page', () => {
  it('when the merchant proposes with a refund in yuan, then the action carries fen and the merchant token', async () => {
    loggedIn('merchant', { merchantName: '鼓浪屿海鲜大排档' });
    const c = aCase({
      version: 2,
      allowedActions: ['propose', 'message'],
      complainant: { name: '王*', phone: '138****8000', address: '福建省厦门市思明区***' },
      shareContactWithMerchant: false,
      contactMasked: true,
    });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: (s) => ({
        body: {
          ...c,
          status: 'awaiting_consumer',
          version: 3,
          allowedActions: ['message'],
          proposal: { text: s.body.text, refundFen: s.body.refundFen, at: '2026-11-25T10:00:00+08:00' },
        },
      }),
    });
    render(<MerchantCasePage />);
    expect(await screen.findByText('王* · 138****8000')).toBeInTheDocument();
    expect(screen.getByText('投诉人未同意提供联系方式，信息已打码')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('方案内容'), { target: { value: '退还多收的 99.9 元并致歉' } });
    fireEvent.change(screen.getByLabelText('退款金额（元，选填）'), { target: { value: '99.9' } });
    fireEvent.click(screen.getAllByText('提出方案').find((el) => el.closest('button'))!);
    await waitFor(() => expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(1));
    const sent = api.calls('POST', `/cases/${c.id}/actions`)[0];
    expect(sent.body).toEqual({
      type: 'propose',
      text: '退还多收的 99.9 元并致歉',
      refundFen: 9990,
      expectedVersion: 2,
    });
    expect(sent.header.Authorization).toBe('Bearer merchant-access');
    expect(await screen.findByText('退款 99.90 元')).toBeInTheDocument();
    expect(screen.queryByLabelText('方案内容')).toBeNull();
  });

  it('when the refund is not an amount, then it is refused beside the field and nothing is sent', async () => {
    loggedIn('merchant');
    const c = aCase({ allowedActions: ['propose'] });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<MerchantCasePage />);
    fireEvent.change(await screen.findByLabelText('方案内容'), { target: { value: '全额退款' } });
    fireEvent.change(screen.getByLabelText('退款金额（元，选填）'), { target: { value: '12.345' } });
    fireEvent.click(screen.getAllByText('提出方案').find((el) => el.closest('button'))!);
    expect(await screen.findByText('请输入金额，最多两位小数')).toBeInTheDocument();
    expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(0);
  });

  it('when the merchant leaves a message, then 留言 sends it', async () => {
    loggedIn('merchant');
    const c = aCase({ allowedActions: ['message'] });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: { body: c },
    });
    render(<MerchantCasePage />);
    expect(screen.queryByLabelText('方案内容')).toBeNull();
    fireEvent.change(await screen.findByLabelText('留言内容'), { target: { value: '请留意电话' } });
    fireEvent.click(screen.getByText('留言'));
    await waitFor(() =>
      expect(api.calls('POST', `/cases/${c.id}/actions`)[0]?.body).toEqual({
        type: 'message',
        text: '请留意电话',
        expectedVersion: 1,
      }),
    );
  });

  it("when the merchant reads a case awaiting the consumer, then status, next step and timeline speak to the merchant, never in the consumer's words", async () => {
    loggedIn('merchant');
    const c = aCase({
      status: 'awaiting_consumer',
      allowedActions: ['message'],
      deadlines: [],
      proposal: { text: '退款 100 元', refundFen: 10000, at: '2026-11-25T10:00:00+08:00' },
      purchase: { amountFen: 39900, occurredOn: '2026-11-20', channel: 'offline', orderNo: 'NO-778' },
      attachments: [{ id: 'up-1', mime: 'image/png', size: 100 }],
      timeline: [
        { type: 'filed', actorRole: 'consumer', at: '2026-11-24T10:00:00+08:00' },
        { type: 'propose', actorRole: 'merchant', at: '2026-11-25T10:00:00+08:00', text: '退款 100 元' },
      ],
    });
    __taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<MerchantCasePage />);
    expect(await screen.findByText('待消费者确认方案')).toBeInTheDocument();
    expect(screen.getByTestId('next-step')).toHaveTextContent('您已提出方案，等待消费者确认');
    const page = screen.getByTestId('page-merchant-case');
    expect(page).not.toHaveTextContent('待您确认方案');
    expect(page).not.toHaveTextContent(/· 我\s*提交投诉/);
    expect(page).toHaveTextContent(/· 消费者\s*提交投诉/);
    expect(page).toHaveTextContent(/· 我\s*提出和解方案/);
    // every purchase detail, and the evidence can be opened
    expect(screen.getByTestId('purchase')).toHaveTextContent('消费日期 2026-11-20 · 实体店');
    expect(screen.getByTestId('purchase')).toHaveTextContent('消费金额 399.00 元');
    expect(screen.getByTestId('purchase')).toHaveTextContent('订单号 NO-778');
    expect(screen.getByRole('button', { name: '查看证据 1' })).toBeInTheDocument();
  });
});
