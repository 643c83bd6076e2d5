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
});
