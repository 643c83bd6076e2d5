import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as taro from '../../../test/stubs/taro';
import { updateSettings } from '../../i18n';
import { fakeApi, loggedIn, networkDown } from '../../../test/fake-api';
import { HomePage } from './home';

const STATS = {
  from: '2025-12',
  to: '2026-11',
  totals: {
    received: { complaint: 1234, report: 5, consultation: 9 },
    acceptanceOnTimeRate: 0.995,
    completionRate: 0.9,
    mediationSuccessRate: 0.7,
    satisfaction: { average: 4.74, count: 100, share4or5: 0.9 },
    recoveredFen: 123456,
  },
};

const ARTICLES = {
  items: [
    {
      id: 'a1',
      kind: 'warning',
      title: '警惕“免费体检”推销保健品',
      category: 'beauty_health',
      body: '近期有老人反映……',
      publishedAt: '2026-11-20T10:00:00+08:00',
    },
    {
      id: 'a2',
      kind: 'typical_case',
      title: '预付卡商家跑路，消费者获退款',
      category: null,
      body: '案情……',
      publishedAt: '2026-11-18T10:00:00+08:00',
    },
  ],
  nextCursor: null,
};

describe('首页', () => {
  it('when figures and articles exist, then the four entries, the completion rate and the feed show, and an article opens its page', async () => {
    const api = fakeApi({
      'GET /stats': { body: STATS },
      'GET /articles': (s) => ({
        body: s.path.includes('kind=warning') ? { items: [ARTICLES.items[0]], nextCursor: null } : ARTICLES,
      }),
    });
    render(<HomePage />);
    expect(screen.getByText('我要举报')).toBeInTheDocument();
    expect(screen.getByText('我要咨询')).toBeInTheDocument();
    expect(await screen.findByText('90%')).toBeInTheDocument();
    expect(screen.getByText('4.74 分')).toBeInTheDocument();
    expect(await screen.findByText('预付卡商家跑路，消费者获退款')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '消费警示' }));
    await waitFor(() => expect(screen.queryByText('预付卡商家跑路，消费者获退款')).toBeNull());
    expect(api.calls('GET', '/articles').at(-1)!.path).toContain('kind=warning');
    fireEvent.click(screen.getByText('警惕“免费体检”推销保健品'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/consumer/article/index?id=a1' });
    fireEvent.click(screen.getByText('我要咨询'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/consumer/consult/index' });
  });

  it('when logged in with unread notices, then the three entries, the unread badge and the public figures show', async () => {
    loggedIn();
    fakeApi({
      'GET /stats': { body: STATS },
      'GET /notifications': { body: { items: [], nextCursor: null, unreadCount: 3 } },
    });
    render(<HomePage />);
    expect(screen.getByText('我要投诉')).toBeInTheDocument();
    expect(screen.getByText('商家入口')).toBeInTheDocument();
    expect(await screen.findByText('3 条未读')).toBeInTheDocument();
    // the grid entry and the tab bar both lead to 我的办件; the 消息 tab carries the count
    expect(screen.getAllByText('我的办件')).toHaveLength(2);
    expect(screen.getByTestId('badge-inbox')).toHaveTextContent('3');
    expect(await screen.findByText('1234')).toBeInTheDocument();
    expect(screen.getByText('99.5%')).toBeInTheDocument();
    expect(screen.getByText('1234.56 元')).toBeInTheDocument();
  });

  it('when the API has no figures, then the card stays hidden; when the language changes, then the copy follows', async () => {
    fakeApi({});
    render(<HomePage />);
    expect(screen.queryByTestId('stats')).toBeNull();
    fireEvent.click(screen.getByText('我要投诉'));
    updateSettings({ lang: 'en' });
    expect(await screen.findByText('File a complaint')).toBeInTheDocument();
    updateSettings({ lang: 'zh-Hant' });
    expect(await screen.findByText('我要投訴')).toBeInTheDocument();
  });

  it('when the network is down, then the offline banner offers a retry that reloads the figures', async () => {
    fakeApi({ 'GET /stats': networkDown, 'GET /articles': networkDown });
    render(<HomePage />);
    expect(await screen.findByText('网络已断开，填写的内容不会丢失')).toBeInTheDocument();
    fakeApi({ 'GET /stats': { body: STATS } });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('1234')).toBeInTheDocument();
    expect(screen.queryByText('网络已断开，填写的内容不会丢失')).toBeNull();
  });

  it('when a shop owner holds a merchant session with unread merchant notices, then 商家入口 carries their count and the merchant token asked for it', async () => {
    loggedIn('consumer');
    loggedIn('merchant', { merchantName: '鼓浪屿海鲜大排档' });
    const api = fakeApi({
      'GET /notifications': (s) => ({
        body: {
          items: [],
          nextCursor: null,
          unreadCount: s.header.Authorization === 'Bearer merchant-access' ? 2 : 0,
        },
      }),
    });
    render(<HomePage />);
    expect(await screen.findByTestId('merchant-badge')).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: '商家入口 2 条未读' })).toBeInTheDocument();
    expect(api.calls('GET', '/notifications').map((s) => s.header.Authorization)).toEqual(
      expect.arrayContaining(['Bearer consumer-access', 'Bearer merchant-access']),
    );
    expect(screen.queryByTestId('unread')).toBeNull();
  });
});
