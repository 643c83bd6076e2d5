import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as taro from '../../../test/stubs/taro';
import { __taro } from '../../../test/stubs/taro';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import { actAs } from '../../lib/session';
import { InboxPage } from './inbox-page';

const notice = (over: Record<string, unknown>) => ({
  id: '1',
  caseId: 'c-1',
  caseNo: 'XM202611240001',
  audience: 'merchant',
  type: 'filed',
  title: '您有一件新投诉待协商处理',
  body: '鼓浪屿海鲜大排档：点的龙虾缺斤短两',
  createdAt: '2026-11-24T10:00:00+08:00',
  read: false,
  push: null,
  ...over,
});

/** the inbox answers by token: the merchant's notices for the merchant token, none for the consumer */
function inboxByToken() {
  return fakeApi({
    'GET /notifications': (s) =>
      s.header.Authorization === 'Bearer merchant-access'
        ? { body: { items: [notice({})], nextCursor: null, unreadCount: 1 } }
        : { body: { items: [], nextCursor: null, unreadCount: 0 } },
    'POST /notifications/read': { body: { unreadCount: 0 } },
  });
}

describe('消息', () => {
  it('when a shop owner with a consumer login acts as merchant, then the merchant notices show, asked with the merchant token, and one opens the merchant case page', async () => {
    loggedIn('consumer');
    loggedIn('merchant', { merchantName: '鼓浪屿海鲜大排档' });
    actAs('merchant');
    const api = inboxByToken();
    render(<InboxPage />);
    expect(await screen.findByText('您有一件新投诉待协商处理')).toBeInTheDocument();
    expect(screen.queryByText('暂无消息')).toBeNull();
    expect(api.calls('GET', '/notifications')[0].header.Authorization).toBe('Bearer merchant-access');
    expect(screen.getByTestId('badge-inbox')).toHaveTextContent('1');
    fireEvent.click(screen.getByText('您有一件新投诉待协商处理'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/merchant/case/index?id=c-1' });
    await waitFor(() => expect(api.calls('POST', '/notifications/read')).toHaveLength(1));
    expect(api.calls('POST', '/notifications/read')[0].header.Authorization).toBe('Bearer merchant-access');
  });

  it('when the merchant pages link here with ?as=merchant, then the merchant inbox shows even if the consumer hat was on', async () => {
    loggedIn('consumer');
    loggedIn('merchant');
    __taro.setRouterParams({ as: 'merchant' });
    inboxByToken();
    render(<InboxPage />);
    expect(await screen.findByText('您有一件新投诉待协商处理')).toBeInTheDocument();
  });

  it('when the same person acts as consumer, then the consumer inbox (empty here) shows with the consumer tabs', async () => {
    loggedIn('consumer');
    loggedIn('merchant');
    actAs('consumer');
    const api = inboxByToken();
    render(<InboxPage />);
    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
    expect(
      api.calls('GET', '/notifications').every((s) => s.header.Authorization === 'Bearer consumer-access'),
    ).toBe(true);
    expect(screen.getByText('我的办件')).toBeInTheDocument();
  });
});
